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
  private building: { term: number[]; doc: number[]; count: number[] } | null = { term: [], doc: [], count: [] };
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
    for (const { id, text } of docs) {
      const doc = this.ids.length;
      this.ids.push(id);
      const tokens = this.options.tokenize(text);
      const length = new Set(tokens).size;
      this.lengths.push(length);
      this.totalLength += length;
      const counts = new Map<number, number>();
      for (const token of tokens) {
        const term = this.options.processTerm(token);
        if (!term) continue;
        let t = this.termIds.get(term);
        if (t === undefined) {
          this.termIds.set(term, (t = this.terms.length));
          this.terms.push(term);
        }
        counts.set(t, (counts.get(t) ?? 0) + 1);
      }
      for (const [t, n] of counts) {
        building.term.push(t);
        building.doc.push(doc);
        building.count.push(n);
      }
    }
  }

  /** Groups the postings by term into flat arrays; no document can be added after. */
  finish(): this {
    const building = this.building;
    if (!building) return this;
    const terms = this.terms.length;
    const start = new Int32Array(terms + 1);
    for (const t of building.term) start[t + 1] = (start[t + 1] ?? 0) + 1;
    for (let t = 0; t < terms; t++) start[t + 1] = (start[t + 1] ?? 0) + (start[t] ?? 0);
    const next = start.slice(0, terms);
    const doc = new Int32Array(building.term.length);
    const count = new Int32Array(building.term.length);
    building.term.forEach((t, i) => {
      const at = (next[t] as number)++;
      doc[at] = building.doc[i] ?? 0;
      count[at] = building.count[i] ?? 0;
    });
    this.postingStart = start;
    this.postingDoc = doc;
    this.postingCount = count;
    this.sorted = Int32Array.from(
      this.terms.map((_, i) => i).sort((a, b) => compare(this.terms[a] ?? '', this.terms[b] ?? '')),
    );
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

/** Code-unit order, the order `startsWith` agrees with. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
