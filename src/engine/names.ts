// The names (job titles) the resolver matches what people type against: exact look-up of a whole title, and a
// search that scores each title by how much of the query it covers and how much of itself the query covers,
// with typo tolerance. Built from plain inputs, it exports plain data (typed arrays and string lists) that a
// start-up cache can store, and reads that data back without rebuilding anything that is costly.
import damerauLevenshtein from 'damerau-levenshtein';
import SearchableMap from 'minisearch/SearchableMap';
import { plainWords } from './text.js';

/** Where a name comes from; part of the `--json` answer (`match.source`). */
export type NameSource = 'catalog' | 'onet-occupation' | 'onet-alternate' | 'onet-short' | 'onet-reported' | 'synonym';

const SOURCES: readonly NameSource[] = [
  'catalog',
  'onet-occupation',
  'onet-alternate',
  'onet-short',
  'onet-reported',
  'synonym',
];

/** One name of a target (a SOC code or a curated role id: the index does not care which). */
export interface NameInput {
  title: string;
  target: string;
  source: NameSource;
  /** How many of O*NET's title sources list it; 1 where that does not apply. */
  sources?: number;
  /** For a short title, the title it shortens. */
  of?: string;
}

export interface NameEntry {
  target: string;
  /** The name as its source writes it. */
  title: string;
  source: NameSource;
  sources: number;
  of?: string;
}

/** The index as plain data: what a cache stores. Bump `version` when the layout or the key normalization changes. */
export interface NameIndexData {
  version: typeof NAME_INDEX_VERSION;
  targets: string[];
  /** Distinct normalized names ("registered nurse"), each with its entries and terms. */
  keys: string[];
  /** Entries of key k: entryTarget[entryStart[k] .. entryStart[k + 1]). */
  entryStart: Int32Array;
  entryTarget: Int32Array;
  entrySource: Uint8Array;
  entrySources: Uint8Array;
  entryTitle: string[];
  /** The title a short title shortens; "" for the others. */
  entryOf: string[];
  keyTermStart: Int32Array;
  keyTerms: Int32Array;
  terms: string[];
  /** Keys containing term t: postings[postingStart[t] .. postingStart[t + 1]). */
  postingStart: Int32Array;
  postings: Int32Array;
}

export const NAME_INDEX_VERSION = 1;

/** Keys a title is indexed under, as word lists: the title with a parenthesis taken out, and the parenthesis
 *  or the part before it alone when one is the abbreviation of the other ("CEO (Chief Executive Officer)"). */
export function nameKeys(title: string): string[][] {
  const open = title.indexOf('(');
  const close = open >= 0 ? title.indexOf(')', open) : -1;
  if (close < 0) {
    const key = plainWords(title);
    return key.length ? [key] : [];
  }
  const before = title.slice(0, open);
  const inside = title.slice(open + 1, close);
  const after = title.slice(close + 1);
  const outside = `${before} ${after}`.trim();
  const keys = (
    isAbbreviationOf(inside, outside) || isAbbreviationOf(outside, inside)
      ? [plainWords(outside), plainWords(inside)]
      : [plainWords(`${before} ${inside} ${after}`)]
  ).filter((k) => k.length > 0);
  return keys.length === 2 && keys[0]?.join(' ') === keys[1]?.join(' ') ? keys.slice(0, 1) : keys;
}

/** "RN" of "Registered Nurse", "CPA" of "Certified Public Accountant": short, capitals, and the initials match. */
function isAbbreviationOf(short: string, long: string): boolean {
  if (!/^[A-Z][A-Za-z0-9&/.-]{0,7}$/.test(short.trim())) return false;
  const letters = short.replace(/[^A-Za-z]/g, '').toLowerCase();
  const initials = long
    .split(/[\s/-]+/)
    .filter((w) => /^[A-Za-z]/.test(w) && !/^(?:and|of|the|for|in|&)$/i.test(w))
    .map((w) => w[0]?.toLowerCase())
    .join('');
  return letters.length >= 2 && initials.startsWith(letters.slice(0, 2));
}

/** Builds the index data from names; keys in `exclude` (normalized words joined by spaces) are left out. */
export function buildNameIndexData(names: Iterable<NameInput>, exclude?: ReadonlySet<string>): NameIndexData {
  const targetIds = new Map<string, number>();
  const keyIds = new Map<string, number>();
  const keys: string[] = [];
  const keyWords: string[][] = [];
  // Entries in arrival order; duplicates (same key, target and source) are merged below.
  const entryKey: number[] = [];
  const entryTargetList: number[] = [];
  const entrySourceList: number[] = [];
  const entrySourcesList: number[] = [];
  const entryTitleList: string[] = [];
  const entryOfList: string[] = [];
  for (const name of names) {
    let target = targetIds.get(name.target);
    if (target === undefined) targetIds.set(name.target, (target = targetIds.size));
    const source = SOURCES.indexOf(name.source);
    const sources = Math.min(255, Math.max(1, name.sources ?? 1));
    for (const list of nameKeys(name.title)) {
      const key = list.join(' ');
      if (exclude?.has(key)) continue;
      let k = keyIds.get(key);
      if (k === undefined) {
        keyIds.set(key, (k = keys.length));
        keys.push(key);
        keyWords.push(list);
      }
      entryKey.push(k);
      entryTargetList.push(target);
      entrySourceList.push(source);
      entrySourcesList.push(sources);
      entryTitleList.push(name.title);
      entryOfList.push(name.of ?? '');
    }
  }

  // Entries grouped by key (a counting sort keeps arrival order within a key); within a key, one entry per
  // target and source, keeping the most-attested spelling.
  const order = new Int32Array(keys.length + 1);
  for (const k of entryKey) order[k + 1] = (order[k + 1] ?? 0) + 1;
  for (let k = 0; k < keys.length; k++) order[k + 1] = (order[k + 1] ?? 0) + (order[k] ?? 0);
  const next = order.slice(0, keys.length);
  const sorted = new Int32Array(entryKey.length);
  entryKey.forEach((k, e) => (sorted[(next[k] as number)++] = e));
  const entryStart = new Int32Array(keys.length + 1);
  const entryTarget = new Int32Array(entryKey.length);
  const entrySource = new Uint8Array(entryKey.length);
  const entrySources = new Uint8Array(entryKey.length);
  const entryTitle: string[] = [];
  const entryOfTitle: string[] = [];
  let count = 0;
  for (let k = 0; k < keys.length; k++) {
    const first = count;
    entryStart[k] = first;
    for (let i = order[k] ?? 0; i < (order[k + 1] ?? 0); i++) {
      const e = sorted[i] ?? 0;
      const target = entryTargetList[e] ?? 0;
      const source = entrySourceList[e] ?? 0;
      const sources = entrySourcesList[e] ?? 1;
      let twin = -1;
      for (let j = first; j < count; j++) if (entryTarget[j] === target && entrySource[j] === source) twin = j;
      if (twin >= 0) {
        if (sources > (entrySources[twin] ?? 0)) {
          entrySources[twin] = sources;
          entryTitle[twin] = entryTitleList[e] ?? '';
        }
        continue;
      }
      entryTarget[count] = target;
      entrySource[count] = source;
      entrySources[count] = sources;
      entryTitle.push(entryTitleList[e] ?? '');
      entryOfTitle.push(entryOfList[e] ?? '');
      count++;
    }
  }
  entryStart[keys.length] = count;

  // Terms of each key, and the keys of each term.
  const termIds = new Map<string, number>();
  const keyTermStart = new Int32Array(keys.length + 1);
  const keyTermList: number[] = [];
  for (let k = 0; k < keys.length; k++) {
    keyTermStart[k] = keyTermList.length;
    const seen = keyTermList.length;
    for (const term of keyWords[k] ?? []) {
      let id = termIds.get(term);
      if (id === undefined) termIds.set(term, (id = termIds.size));
      if (keyTermList.indexOf(id, seen) === -1) keyTermList.push(id);
    }
  }
  keyTermStart[keys.length] = keyTermList.length;
  const keyTerms = Int32Array.from(keyTermList);
  const postingStart = new Int32Array(termIds.size + 1);
  for (const id of keyTermList) postingStart[id + 1] = (postingStart[id + 1] ?? 0) + 1;
  for (let t = 0; t < termIds.size; t++) postingStart[t + 1] = (postingStart[t + 1] ?? 0) + (postingStart[t] ?? 0);
  const fill = postingStart.slice(0, termIds.size);
  const postings = new Int32Array(keyTerms.length);
  for (let k = 0; k < keys.length; k++)
    for (let i = keyTermStart[k] ?? 0; i < (keyTermStart[k + 1] ?? 0); i++)
      postings[(fill[keyTerms[i] ?? 0] as number)++] = k;

  return {
    version: NAME_INDEX_VERSION,
    targets: [...targetIds.keys()],
    keys,
    entryStart,
    entryTarget: entryTarget.slice(0, count),
    entrySource: entrySource.slice(0, count),
    entrySources: entrySources.slice(0, count),
    entryTitle,
    entryOf: entryOfTitle,
    keyTermStart,
    keyTerms,
    terms: [...termIds.keys()],
    postingStart,
    postings,
  };
}

/** One word of a query and the index terms it may stand for. */
export interface QueryTerm {
  word: string;
  /** The word itself first, then expansions ("mgr" -> "manager") with the weight a match through them earns. */
  options: { term: string; weight: number }[];
  /** Generic title words ("manager") do not make a match specific on their own. */
  generic: boolean;
  /** Typo tolerance for this word (never for short words and acronyms, nor for a word the index knows). */
  fuzzy: boolean;
}

/** How a name matched a query. */
export interface KeyHit {
  key: number;
  /** 0–1: share of the query's (weighted) words the name covers × how much of the name the query covers. */
  score: number;
  /** Share of the query covered, 0–1. */
  queryCoverage: number;
  /** Share of the name covered, 0–1. */
  nameCoverage: number;
  /** A word matched only through a typo or a prefix. */
  inexact: boolean;
  /** Every matched word is a generic title word. */
  genericOnly: boolean;
}

/** Match weights: how much a word matched through a typo or a prefix counts against an exact match. */
export const MATCH_WEIGHTS = { typo1: 0.8, typo2: 0.6, prefix: 0.7 } as const;

/** A searchable name index (one layer: the datasets' names, or the curated names and synonyms). */
export class NameIndex {
  private readonly keyIds: Map<string, number>;
  private readonly termIds: Map<string, number>;
  /** Inverse document frequency of each term, from `idfBase` where it knows the term. */
  private readonly termIdf: Float64Array;
  private readonly keyNorm: Float64Array;
  private vocabulary: SearchableMap<number> | undefined;
  private byFirstLetter: Map<string, number[]> | undefined;
  private readonly letterCounts = new Int32Array(128);
  // Scratch space reused by every search (one search at a time: the engine is synchronous).
  private readonly queryScore: Float64Array;
  private readonly nameScore: Float64Array;
  private readonly stamp: Int32Array;
  private readonly flags: Uint8Array;
  private readonly touched: Int32Array;
  private readonly targetCover: Float64Array;
  private readonly targetStamp: Int32Array;
  private readonly targetIds: Map<string, number>;
  private generation = 0;
  private lastTotal = 1;

  constructor(
    readonly data: NameIndexData,
    idfBase?: NameIndex,
  ) {
    this.keyIds = new Map(data.keys.map((k, i) => [k, i]));
    this.targetIds = new Map(data.targets.map((t, i) => [t, i]));
    this.termIds = new Map(data.terms.map((t, i) => [t, i]));
    const n = idfBase ? idfBase.data.keys.length : data.keys.length;
    this.termIdf = new Float64Array(data.terms.length);
    data.terms.forEach((term, i) => {
      const base = idfBase?.idf(term);
      const df = (data.postingStart[i + 1] ?? 0) - (data.postingStart[i] ?? 0);
      this.termIdf[i] = base ?? Math.log(1 + n / Math.max(1, df));
    });
    this.keyNorm = new Float64Array(data.keys.length);
    for (let k = 0; k < data.keys.length; k++) {
      let sum = 0;
      for (let i = data.keyTermStart[k] ?? 0; i < (data.keyTermStart[k + 1] ?? 0); i++)
        sum += this.termIdf[data.keyTerms[i] ?? 0] ?? 0;
      this.keyNorm[k] = sum;
    }
    const size = data.keys.length;
    this.queryScore = new Float64Array(size);
    this.nameScore = new Float64Array(size);
    this.stamp = new Int32Array(size).fill(-1);
    this.flags = new Uint8Array(size);
    this.touched = new Int32Array(size);
    this.targetCover = new Float64Array(data.targets.length);
    this.targetStamp = new Int32Array(data.targets.length).fill(-1);
  }

  /** After a search: how much of the query the target's names cover together (each word by any of them), 0–1. */
  coverageOf(target: string): number {
    const t = this.targetIds.get(target);
    if (t === undefined || (this.targetStamp[t] ?? -1) >> 5 !== this.generation) return 0;
    return Math.min(1, (this.targetCover[t] ?? 0) / this.lastTotal);
  }

  /** The inverse document frequency of a term, or undefined when no name has it. */
  idf(term: string): number | undefined {
    const id = this.termIds.get(term);
    return id === undefined ? undefined : this.termIdf[id];
  }

  /** Idf of a word no name has: as rare as a word can be here. */
  get unseenIdf(): number {
    return Math.log(1 + this.data.keys.length);
  }

  hasTerm(term: string): boolean {
    return this.termIds.has(term);
  }

  hasKey(key: string): boolean {
    return this.keyIds.has(key);
  }

  /** The entries of a whole normalized name. */
  exact(key: string): NameEntry[] {
    const k = this.keyIds.get(key);
    return k === undefined ? [] : this.entriesOf(k);
  }

  entriesOf(k: number): NameEntry[] {
    const d = this.data;
    const out: NameEntry[] = [];
    for (let e = d.entryStart[k] ?? 0; e < (d.entryStart[k + 1] ?? 0); e++) {
      const of = d.entryOf[e];
      out.push({
        target: d.targets[d.entryTarget[e] ?? 0] ?? '',
        title: d.entryTitle[e] ?? '',
        source: SOURCES[d.entrySource[e] ?? 0] ?? 'catalog',
        sources: d.entrySources[e] ?? 1,
        ...(of ? { of } : {}),
      });
    }
    return out;
  }

  /** How many entries of each source `sources` the targets have (e.g. O*NET occupations per SOC). */
  countBySource(sources: readonly NameSource[]): Map<string, number> {
    const codes = new Set(sources.map((x) => SOURCES.indexOf(x)));
    const counts = new Map<string, number>();
    const { entrySource, entryTarget, targets } = this.data;
    for (let e = 0; e < entrySource.length; e++) {
      if (!codes.has(entrySource[e] ?? -1)) continue;
      const target = targets[entryTarget[e] ?? 0] ?? '';
      counts.set(target, (counts.get(target) ?? 0) + 1);
    }
    return counts;
  }

  keyOf(k: number): string {
    return this.data.keys[k] ?? '';
  }

  /** Builds the typo and prefix look-up over the vocabulary (the first fuzzy search does it if not done before). */
  prepareFuzzy(): void {
    this.vocabulary ??= SearchableMap.from(this.data.terms.map((t, i): [string, number] => [t, i]));
    if (!this.byFirstLetter) {
      const byFirstLetter = new Map<string, number[]>();
      this.data.terms.forEach((term, id) => {
        const list = byFirstLetter.get(term[0] ?? '');
        if (list) list.push(id);
        else byFirstLetter.set(term[0] ?? '', [id]);
      });
      this.byFirstLetter = byFirstLetter;
    }
  }

  /**
   * The best `limit` names for the query, by score. `weights[i]` is the idf of query word i (the caller
   * takes it from the largest layer so that layers score alike).
   */
  search(query: QueryTerm[], weights: number[], limit = 40): KeyHit[] {
    const total = weights.reduce((a, b) => a + b, 0);
    if (total === 0) return [];
    if (this.generation >= 1 << 25) {
      // The stamps pack the generation and the word's position in 32 bits: start over long before they overflow.
      this.stamp.fill(-1);
      this.targetStamp.fill(-1);
      this.generation = 0;
    }
    const gen = ++this.generation;
    let touchedCount = 0;
    this.lastTotal = total;
    const { postingStart, postings, entryStart, entryTarget } = this.data;
    query.forEach((q, qi) => {
      const stampValue = gen * 32 + qi;
      const options = this.optionsOf(q);
      for (const { id, weight, inexact } of options) {
        for (let p = postingStart[id] ?? 0; p < (postingStart[id + 1] ?? 0); p++) {
          const k = postings[p] ?? 0;
          if (this.stamp[k] === stampValue) continue;
          if ((this.stamp[k] ?? -1) >> 5 !== gen) {
            // First word of this query to reach key k: reset its accumulators.
            this.queryScore[k] = 0;
            this.nameScore[k] = 0;
            this.flags[k] = 0;
            this.touched[touchedCount++] = k;
          }
          this.stamp[k] = stampValue;
          // Together, the names of one target may cover words no single name covers ("butter" and "printer").
          for (let e = entryStart[k] ?? 0; e < (entryStart[k + 1] ?? 0); e++) {
            const t = entryTarget[e] ?? 0;
            if (this.targetStamp[t] === stampValue) continue;
            if ((this.targetStamp[t] ?? -1) >> 5 !== gen) this.targetCover[t] = 0;
            this.targetStamp[t] = stampValue;
            this.targetCover[t] = (this.targetCover[t] ?? 0) + (weights[qi] ?? 0) * weight;
          }
          this.queryScore[k] = (this.queryScore[k] ?? 0) + (weights[qi] ?? 0) * weight;
          this.nameScore[k] = (this.nameScore[k] ?? 0) + (this.termIdf[id] ?? 0) * weight;
          // bit 0: some word matched inexactly; bit 1: some specific (non-generic) word matched.
          this.flags[k] = (this.flags[k] ?? 0) | (inexact ? 1 : 0) | (q.generic ? 0 : 2);
        }
      }
    });
    const hits: KeyHit[] = [];
    let floor = 0;
    for (let i = 0; i < touchedCount; i++) {
      const k = this.touched[i] ?? 0;
      const queryCoverage = Math.min(1, (this.queryScore[k] ?? 0) / total);
      const nameCoverage = Math.min(1, (this.nameScore[k] ?? 0) / (this.keyNorm[k] || 1));
      const score = queryCoverage * (SCORE_SHAPE.base + (1 - SCORE_SHAPE.base) * nameCoverage);
      if (score <= floor) continue;
      const flags = this.flags[k] ?? 0;
      hits.push({
        key: k,
        score,
        queryCoverage,
        nameCoverage,
        inexact: (flags & 1) === 1,
        genericOnly: (flags & 2) === 0,
      });
      if (hits.length >= limit * 4) {
        hits.sort(byScore);
        hits.length = limit;
        floor = hits[limit - 1]?.score ?? 0;
      }
    }
    hits.sort(byScore);
    return hits.slice(0, limit);
  }

  /** The vocabulary terms a query word can match, with the weight of each. */
  private optionsOf(q: QueryTerm): { id: number; weight: number; inexact: boolean }[] {
    const out: { id: number; weight: number; inexact: boolean }[] = [];
    const seen = new Set<number>();
    const add = (id: number | undefined, weight: number, inexact: boolean) => {
      if (id === undefined || seen.has(id)) return;
      seen.add(id);
      out.push({ id, weight, inexact });
    };
    for (const o of q.options) add(this.termIds.get(o.term), o.weight, false);
    if (!q.fuzzy) return out;
    this.prepareFuzzy();
    const vocabulary = this.vocabulary as SearchableMap<number>;
    const word = q.word;
    const near = vocabulary.fuzzyGet(word, 1);
    for (const [, [id]] of near) add(id, MATCH_WEIGHTS.typo1, true);
    // A long word one edit does not place: two edits, counting a swap of two letters as one ("informtaion").
    // Terms with the same first letter and a similar length only: a search of the whole vocabulary at
    // distance two costs milliseconds.
    if (near.size === 0 && word.length >= 7) {
      const counts = this.letterCounts;
      for (const id of this.byFirstLetter?.get(word[0] ?? '') ?? []) {
        const term = this.data.terms[id] ?? '';
        if (Math.abs(term.length - word.length) > 2) continue;
        // Two edits change the letters' counts by at most four in all: a cheap test before the distance.
        counts.fill(0);
        for (let i = 0; i < word.length; i++)
          counts[word.charCodeAt(i) & 127] = (counts[word.charCodeAt(i) & 127] ?? 0) + 1;
        let shared = 0;
        for (let i = 0; i < term.length; i++) {
          const c = term.charCodeAt(i) & 127;
          if ((counts[c] ?? 0) > 0) {
            counts[c] = (counts[c] ?? 0) - 1;
            shared++;
          }
        }
        if (word.length + term.length - 2 * shared > 4) continue;
        const steps = damerauLevenshtein(word, term).steps;
        if (steps <= 2) add(id, steps === 1 ? MATCH_WEIGHTS.typo1 : MATCH_WEIGHTS.typo2, true);
      }
    }
    if (word.length >= 4) {
      let count = 0;
      for (const [, id] of vocabulary.atPrefix(word)) {
        if (count++ >= 30) break;
        add(id, MATCH_WEIGHTS.prefix, true);
      }
    }
    return out;
  }
}

/** score = query coverage × (base + (1 − base) × name coverage): covering the query matters most; a name with
 *  words the query lacks ("senior tax accountant" for "tax accountant") is only mildly worse. */
export const SCORE_SHAPE = { base: 0.5 } as const;

const byScore = (a: KeyHit, b: KeyHit) => b.score - a.score || a.key - b.key;
