// The task-statement index: ~19,000 O*NET task statements (and curated tasks) per role, searched when no name
// fits a description of the work ("draw blood samples from patients"). It ranks exactly as MiniSearch 7 does
// over one field with `prefix` (BM25+, k 1.2, b 0.7, d 0.5; prefix matches weighted 0.375 × |t| / (|t| + 0.3 ×
// extra letters); a document's score times the number of query words it matched), which it replaces for
// memory: MiniSearch keeps two Maps per term, about 10 MB for these statements, where flat arrays take 2 MB.
// test/engine/tasks.test.ts checks that both give the same hits.
import { STOP_WORDS, singular } from './text.js';

/** One document: a role and the text of its tasks. */
export interface TaskDoc {
  id: string;
  text: string;
}

export interface TaskHit {
  id: string;
  score: number;
  /** The query's (processed) words this document matched, in query order. */
  queryTerms: string[];
}

export interface TaskIndexOptions {
  tokenize: (text: string) => string[];
  /** A token as indexed, or null to leave it out. */
  processTerm: (token: string) => string | null;
}

/** How task statements and FAQs are read for search: words of letters and digits, lower case, singular, stop
 *  words left out. */
export const SEARCH_TEXT: TaskIndexOptions = {
  tokenize: (text) => text.split(/[^\p{L}\p{N}]+/u).filter(Boolean),
  processTerm: (token) => {
    const word = singular(token.toLowerCase());
    return STOP_WORDS.has(word) ? null : word;
  },
};

/** MiniSearch's defaults, which the resolver has always used. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;
const PREFIX_WEIGHT = 0.375;

export class TaskIndex {
  private readonly ids: string[] = [];
  /** Each document's number of distinct tokens (as MiniSearch counts a field's length: before processing). */
  private readonly lengths: number[] = [];
  private totalLength = 0;
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  // While adding: (term, document, count) triples. After `finish`: postings grouped by term.
  private building: Building | null = {
    tokens: new Map(),
    tokenTerm: new Int32Array(1024),
    tokenDoc: new Int32Array(1024),
    termCount: new Int32Array(1024),
    term: new Int32Array(4096),
    doc: new Int32Array(4096),
    count: new Int32Array(4096),
    length: 0,
  };
  private postingStart = new Int32Array(0);
  private postingDoc = new Int32Array(0);
  private postingCount = new Int32Array(0);
  /** Term ids in the order of their terms, for prefix look-ups. */
  private sorted = new Int32Array(0);

  constructor(private readonly options: TaskIndexOptions) {}

  get size(): number {
    return this.ids.length;
  }

  add(docs: Iterable<TaskDoc>): void {
    const building = this.building;
    if (!building) throw new Error('TaskIndex: add after finish');
    // Typed arrays and one token table for all documents rather than a Set and a Map per document: building
    // the index allocated about 40 times its own size, which the heap kept long after.
    const docTerms: number[] = [];
    for (const { id, text } of docs) {
      const doc = this.ids.length;
      this.ids.push(id);
      let length = 0;
      docTerms.length = 0;
      for (const token of this.options.tokenize(text)) {
        let k = building.tokens.get(token);
        if (k === undefined) {
          k = building.tokens.size;
          building.tokens.set(token, k);
          building.tokenTerm = capacity(building.tokenTerm, k + 1);
          building.tokenDoc = capacity(building.tokenDoc, k + 1);
          building.tokenTerm[k] = this.termOf(token);
          building.tokenDoc[k] = -1;
        }
        if (building.tokenDoc[k] !== doc) {
          building.tokenDoc[k] = doc;
          length++;
        }
        const t = building.tokenTerm[k] ?? -1;
        if (t < 0) continue;
        building.termCount = capacity(building.termCount, this.terms.length);
        if ((building.termCount[t] ?? 0) === 0) docTerms.push(t);
        building.termCount[t] = (building.termCount[t] ?? 0) + 1;
      }
      this.lengths.push(length);
      this.totalLength += length;
      // In the order the document first uses each term.
      const at = building.length;
      building.length += docTerms.length;
      building.term = capacity(building.term, building.length);
      building.doc = capacity(building.doc, building.length);
      building.count = capacity(building.count, building.length);
      docTerms.forEach((t, i) => {
        building.term[at + i] = t;
        building.doc[at + i] = doc;
        building.count[at + i] = building.termCount[t] ?? 0;
        building.termCount[t] = 0;
      });
    }
  }

  /** The term id of a token, a new one for a term not seen before; -1 for a token left out. */
  private termOf(token: string): number {
    const term = this.options.processTerm(token);
    if (!term) return -1;
    let t = this.termIds.get(term);
    if (t === undefined) {
      this.termIds.set(term, (t = this.terms.length));
      this.terms.push(term);
    }
    return t;
  }

  /** Groups the postings by term into flat arrays; no document can be added after. */
  finish(): this {
    const building = this.building;
    if (!building) return this;
    const terms = this.terms.length;
    const start = new Int32Array(terms + 1);
    for (let i = 0; i < building.length; i++) {
      const t = (building.term[i] ?? 0) + 1;
      start[t] = (start[t] ?? 0) + 1;
    }
    for (let t = 0; t < terms; t++) start[t + 1] = (start[t + 1] ?? 0) + (start[t] ?? 0);
    const next = start.slice(0, terms);
    const doc = new Int32Array(building.length);
    const count = new Int32Array(building.length);
    for (let i = 0; i < building.length; i++) {
      const at = (next[building.term[i] ?? 0] as number)++;
      doc[at] = building.doc[i] ?? 0;
      count[at] = building.count[i] ?? 0;
    }
    this.postingStart = start;
    this.postingDoc = doc;
    this.postingCount = count;
    this.sorted = new Int32Array(terms)
      .map((_, i) => i)
      .sort((a, b) => compare(this.terms[a] ?? '', this.terms[b] ?? ''));
    this.building = null;
    return this;
  }

  /** Documents matching any query word (words of at least `prefixFrom` letters also as the start of longer
   *  ones), best first. */
  search(query: string, prefixFrom = 5): TaskHit[] {
    this.finish();
    const docs = this.ids.length;
    const average = docs ? this.totalLength / docs : 0;
    const scores = new Map<number, { score: number; terms: string[] }>();
    const words = this.options
      .tokenize(query)
      .map((token) => this.options.processTerm(token))
      .filter((term): term is string => !!term);
    for (const word of words) {
      const add = (t: number, weight: number) => {
        const from = this.postingStart[t] ?? 0;
        const to = this.postingStart[t + 1] ?? 0;
        const idf = Math.log(1 + (docs - (to - from) + 0.5) / (to - from + 0.5));
        for (let p = from; p < to; p++) {
          const d = this.postingDoc[p] ?? 0;
          const tf = this.postingCount[p] ?? 0;
          const norm = BM25.k * (1 - BM25.b + (BM25.b * (this.lengths[d] ?? 0)) / average);
          const score = weight * idf * (BM25.d + (tf * (BM25.k + 1)) / (tf + norm));
          const hit = scores.get(d);
          if (!hit) scores.set(d, { score, terms: [word] });
          else {
            hit.score += score;
            if (!hit.terms.includes(word)) hit.terms.push(word);
          }
        }
      };
      const exact = this.termIds.get(word);
      if (exact !== undefined) add(exact, 1);
      if (word.length < prefixFrom) continue;
      for (let i = this.lowerBound(word); i < this.sorted.length; i++) {
        const t = this.sorted[i] ?? 0;
        const term = this.terms[t] ?? '';
        if (!term.startsWith(word)) break;
        if (term.length === word.length) continue;
        add(t, (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * (term.length - word.length)));
      }
    }
    const hits: TaskHit[] = [];
    for (const [d, { score, terms }] of scores)
      hits.push({ id: this.ids[d] ?? '', score: score * (terms.length || 1), queryTerms: terms });
    return hits.sort((a, b) => b.score - a.score);
  }

  /** The first position in `sorted` whose term is not before `word`. */
  private lowerBound(word: string): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(this.terms[this.sorted[mid] ?? 0] ?? '', word) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** What `TaskIndex.add` keeps between documents (dropped by `finish`). */
interface Building {
  /** Each distinct token seen (as tokenized, before processing), its term (-1: left out) and the last document
   *  that used it (for the document's number of distinct tokens). */
  tokens: Map<string, number>;
  tokenTerm: Int32Array;
  tokenDoc: Int32Array;
  /** Per term, its count in the document being added (zero between documents). */
  termCount: Int32Array;
  /** (term, document, count) triples in the order added, `length` of them. */
  term: Int32Array;
  doc: Int32Array;
  count: Int32Array;
  length: number;
}

/** The array, or a copy with room for at least `size` elements (doubling, so that growing costs little). */
function capacity(array: Int32Array, size: number): Int32Array {
  if (size <= array.length) return array;
  const grown = new Int32Array(Math.max(size, array.length * 2));
  grown.set(array);
  return grown;
}

/** Code-unit order, the order `startsWith` agrees with. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
