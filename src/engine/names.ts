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
  /** O*NET's short form of this title ("Pest Control Tech"): a parenthesis that is this short form, or whose
   *  outside is, makes two names ("Pest Control Technician (Pest Control Tech)"). */
  short?: string;
  /** The O*NET-SOC occupation (8 digits) the title belongs to, for an O*NET title. */
  onet?: string;
}

/** What a target does, in words (an O*NET occupation's description): evidence below its names. */
export interface TextInput {
  target: string;
  text: string;
}

export interface NameEntry {
  target: string;
  /** The name as its source writes it. */
  title: string;
  source: NameSource;
  sources: number;
  of?: string;
  onet?: string;
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
  /** O*NET-SOC codes; entry e belongs to onetCodes[entryOnet[e]] (-1: none). */
  onetCodes: string[];
  entryOnet: Int32Array;
  /** Per term, the targets with a name that has it and how many of their names do:
   *  nameTarget/nameCount[termTargetStart[t] .. termTargetStart[t + 1]). */
  termTargetStart: Int32Array;
  termTarget: Int32Array;
  termCount: Int32Array;
  /** The same for names whose last word (their head noun: "printer", "operator") is the term. */
  headTargetStart: Int32Array;
  headTarget: Int32Array;
  headCount: Int32Array;
  /** Per target: how many names it has, and how many words they have (each name's distinct words). */
  targetNames: Int32Array;
  targetNameWords: Int32Array;
  /** Words of the targets' descriptions (a vocabulary of their own), as postings with counts, and each
   *  target's number of description words. */
  textTerms: string[];
  textTargetStart: Int32Array;
  textTarget: Int32Array;
  textCount: Int32Array;
  targetTextWords: Int32Array;
}

export const NAME_INDEX_VERSION = 3;

/** Keys a title is indexed under, as word lists: the title with a parenthesis taken out, and the parenthesis
 *  or the part before it alone when one is the abbreviation of the other ("CEO (Chief Executive Officer)"). */
export function nameKeys(title: string, short?: string): string[][] {
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
  const shortKey = short ? plainWords(short).join(' ') : '';
  const isShort = (text: string) => shortKey !== '' && plainWords(text).join(' ') === shortKey;
  const keys = (
    isAbbreviationOf(inside, outside) || isAbbreviationOf(outside, inside) || isShort(inside) || isShort(outside)
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

/** Builds the index data from names (and what their targets do, in words); keys in `exclude` (normalized words
 *  joined by spaces) are left out. */
export function buildNameIndexData(
  names: Iterable<NameInput>,
  exclude?: ReadonlySet<string>,
  texts: Iterable<TextInput> = [],
): NameIndexData {
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
  const entryOnetList: number[] = [];
  const onetIds = new Map<string, number>();
  for (const name of names) {
    let target = targetIds.get(name.target);
    if (target === undefined) targetIds.set(name.target, (target = targetIds.size));
    const source = SOURCES.indexOf(name.source);
    const sources = Math.min(255, Math.max(1, name.sources ?? 1));
    let onet = -1;
    if (name.onet) {
      onet = onetIds.get(name.onet) ?? onetIds.size;
      onetIds.set(name.onet, onet);
    }
    for (const list of nameKeys(name.title, name.short)) {
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
      entryOnetList.push(onet);
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
  const entryOnet = new Int32Array(entryKey.length);
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
      entryOnet[count] = entryOnetList[e] ?? -1;
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

  // Evidence per target: how many of its names have each word, and have it as their last word.
  const targetCount = () => new Map<number, Map<number, number>>();
  const byTerm = targetCount();
  const byHead = targetCount();
  const bump = (map: Map<number, Map<number, number>>, term: number, target: number) => {
    let counts = map.get(term);
    if (!counts) map.set(term, (counts = new Map()));
    counts.set(target, (counts.get(target) ?? 0) + 1);
  };
  const targetNames = new Int32Array(targetIds.size);
  const targetNameWords = new Int32Array(targetIds.size);
  for (let k = 0; k < keys.length; k++) {
    const from = keyTermStart[k] ?? 0;
    const to = keyTermStart[k + 1] ?? 0;
    const head = termIds.get(keyWords[k]?.at(-1) ?? '');
    const seen = new Set<number>();
    for (let e = entryStart[k] ?? 0; e < (entryStart[k + 1] ?? 0); e++) {
      const target = entryTarget[e] ?? 0;
      if (seen.has(target)) continue;
      seen.add(target);
      targetNames[target] = (targetNames[target] ?? 0) + 1;
      targetNameWords[target] = (targetNameWords[target] ?? 0) + (to - from);
      for (let i = from; i < to; i++) bump(byTerm, keyTerms[i] ?? 0, target);
      if (head !== undefined) bump(byHead, head, target);
    }
  }
  const textIds = new Map<string, number>();
  const byText = targetCount();
  const textWords = new Map<number, number>();
  for (const { target: name, text } of texts) {
    let target = targetIds.get(name);
    if (target === undefined) targetIds.set(name, (target = targetIds.size));
    for (const word of plainWords(text)) {
      if (STOP.has(word)) continue;
      let id = textIds.get(word);
      if (id === undefined) textIds.set(word, (id = textIds.size));
      bump(byText, id, target);
      textWords.set(target, (textWords.get(target) ?? 0) + 1);
    }
  }
  const targetTextWords = new Int32Array(targetIds.size);
  for (const [target, n] of textWords) targetTextWords[target] = n;
  const nameEvidence = postingsOf(byTerm, termIds.size);
  const headEvidence = postingsOf(byHead, termIds.size);
  const textEvidence = postingsOf(byText, textIds.size);

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
    onetCodes: [...onetIds.keys()],
    entryOnet: entryOnet.slice(0, count),
    termTargetStart: nameEvidence.start,
    termTarget: nameEvidence.target,
    termCount: nameEvidence.count,
    headTargetStart: headEvidence.start,
    headTarget: headEvidence.target,
    headCount: headEvidence.count,
    targetNames: grow(targetNames, targetIds.size),
    targetNameWords: grow(targetNameWords, targetIds.size),
    textTerms: [...textIds.keys()],
    textTargetStart: textEvidence.start,
    textTarget: textEvidence.target,
    textCount: textEvidence.count,
    targetTextWords,
  };
}

/** Words of descriptions that say nothing about which job. */
const STOP = new Set([
  'a',
  'an',
  'and',
  'or',
  'of',
  'the',
  'to',
  'in',
  'on',
  'for',
  'with',
  'by',
  'at',
  'from',
  'as',
  'such',
]);

/** term -> (target -> count) as flat arrays, terms in id order. */
function postingsOf(
  map: Map<number, Map<number, number>>,
  terms: number,
): { start: Int32Array; target: Int32Array; count: Int32Array } {
  const start = new Int32Array(terms + 1);
  for (const [term, counts] of map) start[term + 1] = counts.size;
  for (let t = 0; t < terms; t++) start[t + 1] = (start[t + 1] ?? 0) + (start[t] ?? 0);
  const target = new Int32Array(start[terms] ?? 0);
  const count = new Int32Array(start[terms] ?? 0);
  for (const [term, counts] of map) {
    let i = start[term] ?? 0;
    for (const [t, n] of counts) {
      target[i] = t;
      count[i++] = n;
    }
  }
  return { start, target, count };
}

/** The array with zeros appended up to `size` (targets added after it was sized). */
function grow(array: Int32Array, size: number): Int32Array {
  if (array.length >= size) return array;
  const out = new Int32Array(size);
  out.set(array);
  return out;
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

/** A vocabulary term a query word matches, with the weight a match through it earns. */
interface MatchedTerm {
  id: number;
  weight: number;
  /** Through a typo or a prefix. */
  inexact: boolean;
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

/** Match weights: how much a word matched through a typo, a prefix or as part of a longer word (`part`:
 *  "signal" of "signalman") counts against an exact match. */
export const MATCH_WEIGHTS = { typo1: 0.8, typo2: 0.6, prefix: 0.7, part: 0.7 } as const;

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
  private readonly textIds: Map<string, number>;
  /** Background rates for the evidence model: each term's share of all name words, of all heads, of all
   *  description words. */
  private readonly nameRate: Float64Array;
  private readonly headRate: Float64Array;
  private readonly textRate: Float64Array;
  private readonly totalNames: number;
  /** Scratch space of the evidence model, reused by every call (the scores are valid until the next one). */
  private readonly evidenceScratch: [Float64Array, Float64Array, Float64Array, Float64Array];
  /** What the evidence model computes per target whatever the query: the smoothed denominators of its names'
   *  and description's word counts, and its prior, prior × log(1 + names). Made with the index rather than on
   *  the first query: optimized code that meets a branch it has never run is thrown away and compiled again,
   *  and the first typos after a warm-up took 3–10 ms meanwhile. */
  private readonly nameDenominator: Float64Array;
  private readonly textDenominator: Float64Array;
  private readonly priorScore: Float64Array;
  /** The vocabulary terms each query word matched, for the search and the evidence model of one query. */
  private readonly optionsMemo = new WeakMap<QueryTerm, MatchedTerm[]>();
  /** The search's best names so far (keys and scores, best first). */
  private bestKeys = new Int32Array(0);
  private bestScores = new Float64Array(0);

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
    this.textIds = new Map(data.textTerms.map((t, i) => [t, i]));
    this.nameRate = rates(data.termTargetStart, data.termCount);
    this.headRate = rates(data.headTargetStart, data.headCount);
    this.textRate = rates(data.textTargetStart, data.textCount);
    this.totalNames = data.targetNames.reduce((a, b) => a + b, 0);
    const targets = data.targets.length;
    this.evidenceScratch = [
      new Float64Array(targets),
      new Float64Array(targets),
      new Float64Array(targets),
      new Float64Array(targets),
    ];
    this.nameDenominator = new Float64Array(targets);
    this.textDenominator = new Float64Array(targets);
    this.priorScore = new Float64Array(targets);
    for (let t = 0; t < targets; t++) {
      this.nameDenominator[t] = (data.targetNameWords[t] ?? 0) + EVIDENCE.nameMu;
      this.textDenominator[t] = (data.targetTextWords[t] ?? 0) + EVIDENCE.textMu;
      this.priorScore[t] = EVIDENCE.prior * Math.log(1 + (data.targetNames[t] ?? 0));
    }
  }

  /**
   * How well each target's names and description explain the query words, as a log-likelihood ratio against
   * all names (a query-likelihood language model, Dirichlet-smoothed: every name of an occupation speaks for
   * it, not just the best one), plus a prior for occupations with many names and a bonus when the query's
   * last word is the last word of its names. Indexed like `data.targets`; null when no query word is known.
   */
  evidence(query: QueryTerm[]): Float64Array | null {
    const d = this.data;
    const size = d.targets.length;
    const [scores, nameCounts, textCounts, byWord] = this.evidenceScratch;
    scores.fill(0);
    byWord.fill(0);
    let known = 0;
    const { textShare, headWeight, headMu, anyWord } = EVIDENCE;
    const { nameDenominator, textDenominator, priorScore } = this;
    // Each word on its own: the share of the names with it that are the target's, by how rare it is.
    const allNames = this.totalNames;
    for (let qi = 0; qi < query.length; qi++) {
      const q = query[qi] as QueryTerm;
      nameCounts.fill(0);
      textCounts.fill(0);
      let nameRate = 0;
      let textRate = 0;
      for (const { id, weight } of this.optionsOf(q)) {
        nameRate += weight * (this.nameRate[id] ?? 0);
        for (let p = d.termTargetStart[id] ?? 0; p < (d.termTargetStart[id + 1] ?? 0); p++) {
          const t = d.termTarget[p] ?? 0;
          nameCounts[t] = (nameCounts[t] ?? 0) + weight * (d.termCount[p] ?? 0);
        }
      }
      for (const o of q.options) {
        const id = this.textIds.get(o.term);
        if (id === undefined) continue;
        textRate += o.weight * (this.textRate[id] ?? 0);
        for (let p = d.textTargetStart[id] ?? 0; p < (d.textTargetStart[id + 1] ?? 0); p++) {
          const t = d.textTarget[p] ?? 0;
          textCounts[t] = (textCounts[t] ?? 0) + o.weight * (d.textCount[p] ?? 0);
        }
      }
      if (nameRate === 0 && textRate === 0) continue;
      known++;
      let withWord = 0;
      for (let t = 0; t < size; t++) withWord += nameCounts[t] ?? 0;
      if (withWord > 0) {
        const rarity = Math.log(1 + allNames / withWord);
        for (let t = 0; t < size; t++) byWord[t] = (byWord[t] ?? 0) + ((nameCounts[t] ?? 0) / withWord) * rarity;
      }
      nameRate = Math.max(nameRate, 1e-7);
      textRate = Math.max(textRate, 1e-7);
      const nameSmoothing = EVIDENCE.nameMu * nameRate;
      const textSmoothing = EVIDENCE.textMu * textRate;
      const background = Math.log((1 - textShare) * nameRate + textShare * textRate);
      for (let t = 0; t < size; t++) {
        const names = ((nameCounts[t] ?? 0) + nameSmoothing) / (nameDenominator[t] ?? 0);
        const text = ((textCounts[t] ?? 0) + textSmoothing) / (textDenominator[t] ?? 0);
        scores[t] = (scores[t] ?? 0) + Math.log((1 - textShare) * names + textShare * text) - background;
      }
      // The last word of a title is what the job is ("printer" of "butter printer").
      if (qi === query.length - 1 && headWeight > 0) {
        const head = this.termIds.get(q.options[0]?.term ?? '');
        const rate = head === undefined ? 0 : (this.headRate[head] ?? 0);
        if (head === undefined || rate === 0) continue;
        const counts = nameCounts.fill(0);
        for (let p = d.headTargetStart[head] ?? 0; p < (d.headTargetStart[head + 1] ?? 0); p++)
          counts[d.headTarget[p] ?? 0] = d.headCount[p] ?? 0;
        const headSmoothing = headMu * rate;
        const logRate = Math.log(rate);
        for (let t = 0; t < size; t++)
          scores[t] =
            (scores[t] ?? 0) +
            headWeight * (Math.log(((counts[t] ?? 0) + headSmoothing) / ((d.targetNames[t] ?? 0) + headMu)) - logRate);
      }
    }
    if (known === 0) return null;
    for (let t = 0; t < size; t++)
      scores[t] = (scores[t] ?? 0) + (priorScore[t] ?? 0) + anyWord * Math.log((byWord[t] ?? 0) + ANY_WORD_FLOOR);
    return scores;
  }

  /** After a search: how much of the query the target's names cover together (each word by any of them), 0–1. */
  coverageOf(target: string): number {
    const t = this.targetIds.get(target);
    if (t === undefined || (this.targetStamp[t] ?? -1) >> 5 !== this.generation) return 0;
    return Math.min(1, (this.targetCover[t] ?? 0) / this.lastTotal);
  }

  /** The position of a target in `data.targets` (and in `evidence`'s scores). */
  targetIndex(target: string): number | undefined {
    return this.targetIds.get(target);
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

  /** Whether a description uses the word (the descriptions' vocabulary is a plain English one). */
  hasTextTerm(term: string): boolean {
    return this.textIds.has(term);
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
    const out: NameEntry[] = [];
    for (let e = this.data.entryStart[k] ?? 0; e < (this.data.entryStart[k + 1] ?? 0); e++) out.push(this.entryAt(e));
    return out;
  }

  /** Entry e (of key k when entryStart[k] <= e < entryStart[k + 1]). */
  entryAt(e: number): NameEntry {
    const d = this.data;
    const of = d.entryOf[e];
    return {
      target: this.entryTargetOf(e),
      title: d.entryTitle[e] ?? '',
      source: SOURCES[d.entrySource[e] ?? 0] ?? 'catalog',
      sources: d.entrySources[e] ?? 1,
      ...(of ? { of } : {}),
      ...((d.entryOnet[e] ?? -1) >= 0 ? { onet: d.onetCodes[d.entryOnet[e] ?? 0] ?? '' } : {}),
    };
  }

  /** The target of entry e, without the rest of the entry. */
  entryTargetOf(e: number): string {
    return this.data.targets[this.data.entryTarget[e] ?? 0] ?? '';
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
    // Locals rather than fields in the loops below: they run over tens of thousands of postings per query.
    const { postingStart, postings, entryStart, entryTarget } = this.data;
    const { stamp, queryScore, nameScore, flags, touched, targetStamp, targetCover, termIdf } = this;
    for (let qi = 0; qi < query.length; qi++) {
      const q = query[qi] as QueryTerm;
      const stampValue = gen * 32 + qi;
      const specific = q.generic ? 0 : 2;
      const options = this.optionsOf(q);
      for (let o = 0; o < options.length; o++) {
        const { id, weight, inexact } = options[o] as MatchedTerm;
        const queryAdd = (weights[qi] ?? 0) * weight;
        const nameAdd = (termIdf[id] ?? 0) * weight;
        // bit 0: some word matched inexactly; bit 1: some specific (non-generic) word matched.
        const flag = (inexact ? 1 : 0) | specific;
        const to = postingStart[id + 1] ?? 0;
        for (let p = postingStart[id] ?? 0; p < to; p++) {
          const k = postings[p] ?? 0;
          const seen = stamp[k] ?? -1;
          if (seen === stampValue) continue;
          if (seen >> 5 !== gen) {
            // First word of this query to reach key k: reset its accumulators.
            queryScore[k] = 0;
            nameScore[k] = 0;
            flags[k] = 0;
            touched[touchedCount++] = k;
          }
          stamp[k] = stampValue;
          // Together, the names of one target may cover words no single name covers ("butter" and "printer").
          for (let e = entryStart[k] ?? 0; e < (entryStart[k + 1] ?? 0); e++) {
            const t = entryTarget[e] ?? 0;
            const targetSeen = targetStamp[t] ?? -1;
            if (targetSeen === stampValue) continue;
            if (targetSeen >> 5 !== gen) targetCover[t] = 0;
            targetStamp[t] = stampValue;
            targetCover[t] = (targetCover[t] ?? 0) + queryAdd;
          }
          queryScore[k] = (queryScore[k] ?? 0) + queryAdd;
          nameScore[k] = (nameScore[k] ?? 0) + nameAdd;
          flags[k] = (flags[k] ?? 0) | flag;
        }
      }
    }
    // The best `limit` names, by score then key, kept in order as they come (no object per name touched: a
    // common word touches thousands). A name at or below `floor` is passed over. The floor rises to the last
    // kept score each time `limit * 4` names have been taken in, as when they were gathered in a list sorted
    // and cut at that size: the same names come out.
    if (this.bestKeys.length < limit) {
      this.bestKeys = new Int32Array(limit);
      this.bestScores = new Float64Array(limit);
    }
    const best = this.bestKeys;
    const bestScore = this.bestScores;
    let kept = 0;
    let taken = 0;
    let floor = 0;
    for (let i = 0; i < touchedCount; i++) {
      const k = touched[i] ?? 0;
      const score = shapeScore(this.queryCoverageOf(k, total), this.nameCoverageOf(k));
      if (score <= floor) continue;
      taken++;
      if (kept < limit || before(score, k, bestScore[kept - 1] ?? 0, best[kept - 1] ?? 0)) {
        let at = kept < limit ? kept++ : kept - 1;
        for (; at > 0 && before(score, k, bestScore[at - 1] ?? 0, best[at - 1] ?? 0); at--) {
          best[at] = best[at - 1] ?? 0;
          bestScore[at] = bestScore[at - 1] ?? 0;
        }
        best[at] = k;
        bestScore[at] = score;
      }
      if (taken >= limit * 4) {
        taken = limit;
        floor = bestScore[limit - 1] ?? 0;
      }
    }
    const hits: KeyHit[] = [];
    for (let i = 0; i < kept; i++) {
      const k = best[i] ?? 0;
      const f = flags[k] ?? 0;
      const queryCoverage = this.queryCoverageOf(k, total);
      const nameCoverage = this.nameCoverageOf(k);
      hits.push({
        key: k,
        score: shapeScore(queryCoverage, nameCoverage),
        queryCoverage,
        nameCoverage,
        inexact: (f & 1) === 1,
        genericOnly: (f & 2) === 0,
      });
    }
    return hits;
  }

  /** After the search's loop over postings: the share of the query a touched name covers, 0–1. */
  private queryCoverageOf(k: number, total: number): number {
    return Math.min(1, (this.queryScore[k] ?? 0) / total);
  }

  /** The share of a touched name the query covers, 0–1. */
  private nameCoverageOf(k: number): number {
    return Math.min(1, (this.nameScore[k] ?? 0) / (this.keyNorm[k] || 1));
  }

  /** The vocabulary terms a query word can match, with the weight of each. */
  private optionsOf(q: QueryTerm): MatchedTerm[] {
    const memo = this.optionsMemo.get(q);
    if (memo) return memo;
    const out: MatchedTerm[] = [];
    this.optionsMemo.set(q, out);
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

/** The evidence model's smoothing (Dirichlet μ for names and for descriptions), the description's share of
 *  each word's probability, the head-word bonus and the weight of the prior log(1 + names). */
export const EVIDENCE = {
  nameMu: 20,
  textMu: 200,
  textShare: 0.2,
  headWeight: 0.5,
  headMu: 20,
  prior: 1.3,
  anyWord: 1.5,
} as const;

/** Keeps log(byWord) finite for a target none of whose names has any query word. */
const ANY_WORD_FLOOR = 0.01;

/** Each term's share of all counts in postings (start, count). */
function rates(start: Int32Array, count: Int32Array): Float64Array {
  const terms = start.length - 1;
  const out = new Float64Array(Math.max(0, terms));
  let total = 0;
  for (let i = 0; i < count.length; i++) total += count[i] ?? 0;
  for (let t = 0; t < terms; t++) {
    let sum = 0;
    for (let p = start[t] ?? 0; p < (start[t + 1] ?? 0); p++) sum += count[p] ?? 0;
    out[t] = total ? sum / total : 0;
  }
  return out;
}

/** score = query coverage × (base + (1 − base) × name coverage): covering the query matters most; a name with
 *  words the query lacks ("senior tax accountant" for "tax accountant") is only mildly worse. */
export const SCORE_SHAPE = { base: 0.5 } as const;

const shapeScore = (queryCoverage: number, nameCoverage: number) =>
  queryCoverage * (SCORE_SHAPE.base + (1 - SCORE_SHAPE.base) * nameCoverage);

/** Whether a name (score, key) ranks before another: higher score first, then lower key. */
const before = (score: number, key: number, otherScore: number, otherKey: number) =>
  score > otherScore || (score === otherScore && key < otherKey);
