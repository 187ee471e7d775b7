// What occupations do, as the wording of their O*NET task statements, and the stand-in profile for an occupation
// O*NET does not rate (29-2072 Medical Records Specialists among them): the rated occupation in the same Job Zone
// whose task statements share the most wording with its own. Pure.
//
// The task index serves twice: the similarity model compares what two jobs do with it (the "tasks" facet, in
// place of the work activities Nesta's Mapping Career Causeways compares), and the proxy is found with it.
//
// Why a proxy is fair: among occupations O*NET does rate, the one whose tasks read most alike (same Job Zone) has
// a median knowledge similarity of about 0.7 to the occupation itself, where two occupations in one SOC minor
// group average about 0.5 (the paths benchmark prints the current figures). Below MIN_TASK_SIMILARITY the
// wording shares little beyond common words, and no proxy is used.
import type { OccupationData } from '../catalog/datasets/types.js';

/** Least tf-idf cosine of task statements for a proxy. */
export const MIN_TASK_SIMILARITY = 0.15;

export interface Proxy {
  occupation: OccupationData;
  /** Cosine of the two occupations' task statements (tf-idf over words), 0–1. */
  taskSimilarity: number;
}

/** Frequent words of three letters or more that say nothing about the work (shorter words are skipped anyway). */
const STOP_WORDS = new Set(
  'and the for with such from that this into other their are use using may including about related'.split(' '),
);

/** A sparse vector: the positions used (ascending) and their weights. */
export interface SparseVector {
  at: Int32Array;
  weight: Float64Array;
}

/** One occupation's task wording: a unit tf-idf vector over words. */
export type TaskVector = SparseVector;

export interface TaskIndex {
  /** The vector of an occupation of the pool; undefined when it has no task statements. */
  vectorOf(occupation: OccupationData): TaskVector | undefined;
  /** How many distinct words the vectors index into. */
  words: number;
}

const indexes = new WeakMap<readonly OccupationData[], TaskIndex>();

function taskIndex(pool: readonly OccupationData[]): TaskIndex {
  const steps = taskIndexSteps(pool);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** The task index of a pool, built in steps of a few milliseconds and kept (see similarityModelSteps). */
export function* taskIndexSteps(pool: readonly OccupationData[]): Generator<void, TaskIndex> {
  let index = indexes.get(pool);
  if (index) return index;
  const counts = new Map<OccupationData, Map<string, number>>();
  const documentFrequency = new Map<string, number>();
  for (const o of pool) {
    const words = new Map<string, number>();
    for (const t of o.tasks)
      for (const w of t.task.toLowerCase().match(/[a-z]{3,}/g) ?? [])
        if (!STOP_WORDS.has(w)) words.set(w, (words.get(w) ?? 0) + 1);
    counts.set(o, words);
    for (const w of words.keys()) documentFrequency.set(w, (documentFrequency.get(w) ?? 0) + 1);
    if (counts.size % 100 === 0) yield;
  }
  const ids = new Map([...documentFrequency.keys()].map((w, i) => [w, i]));
  const vectors = new Map<OccupationData, TaskVector>();
  for (const [o, words] of counts) {
    if (words.size === 0) continue;
    const entries = [...words].map(([w, c]) => ({
      id: ids.get(w) as number,
      x: (1 + Math.log(c)) * Math.log(pool.length / (documentFrequency.get(w) ?? 1)),
    }));
    entries.sort((a, b) => a.id - b.id);
    const norm = Math.sqrt(entries.reduce((s, e) => s + e.x * e.x, 0)) || 1;
    vectors.set(o, {
      at: Int32Array.from(entries, (e) => e.id),
      weight: Float64Array.from(entries, (e) => e.x / norm),
    });
    if (vectors.size % 200 === 0) yield;
  }
  // Another caller may have finished it meanwhile.
  index = indexes.get(pool) ?? { vectorOf: (o) => vectors.get(o), words: ids.size };
  indexes.set(pool, index);
  return index;
}

/** Dot product of two sparse vectors: the cosine when both have unit length. */
export function sparseDot(a: SparseVector, b: SparseVector): number {
  let s = 0;
  let i = 0;
  let j = 0;
  while (i < a.at.length && j < b.at.length) {
    const x = a.at[i] as number;
    const y = b.at[j] as number;
    if (x === y) s += (a.weight[i++] as number) * (b.weight[j++] as number);
    else if (x < y) i++;
    else j++;
  }
  return s;
}

/**
 * The proxy for `origin` among `candidates` (rated occupations of `pool`): same Job Zone, most similar task
 * statements, at least MIN_TASK_SIMILARITY. Undefined when the origin has no tasks or no Job Zone, or nothing is
 * close enough.
 */
export function taskProxy(
  origin: OccupationData,
  candidates: readonly OccupationData[],
  pool: readonly OccupationData[],
): Proxy | undefined {
  const zone = origin.profile?.jobZone;
  if (zone === undefined || origin.tasks.length === 0) return undefined;
  const index = taskIndex(pool);
  const own = index.vectorOf(origin);
  if (!own) return undefined;
  let best: Proxy | undefined;
  for (const c of candidates) {
    if (c === origin || c.profile?.jobZone !== zone) continue;
    const other = index.vectorOf(c);
    if (!other) continue;
    const s = sparseDot(own, other);
    if (!best || s > best.taskSimilarity || (s === best.taskSimilarity && c.soc < best.occupation.soc))
      best = { occupation: c, taskSimilarity: s };
  }
  return best && best.taskSimilarity >= MIN_TASK_SIMILARITY
    ? { occupation: best.occupation, taskSimilarity: Math.round(best.taskSimilarity * 1000) / 1000 }
    : undefined;
}
