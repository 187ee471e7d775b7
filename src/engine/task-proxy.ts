// A stand-in profile for an occupation O*NET does not rate (29-2072 Medical Records Specialists among them):
// the rated occupation in the same Job Zone whose task statements share the most wording with its own. Pure.
//
// Why this is fair: among occupations O*NET does rate, the one whose tasks read most alike (same Job Zone) has a
// median knowledge similarity of 0.67 to the occupation itself, and 0.59 when the task match is as weak as 0.15–0.20;
// two occupations in one SOC minor group average 0.57 (measured on O*NET 30.1 when this was written; the
// benchmark prints the current figure). Below MIN_TASK_SIMILARITY the wording shares little beyond common words,
// and no proxy is used.
import type { OccupationData } from '../catalog/datasets/types.js';
import { drain } from './similarity.js';

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

interface TaskIndex {
  vectors: Map<OccupationData, Map<string, number>>;
}

const indexes = new WeakMap<readonly OccupationData[], TaskIndex>();

function taskIndex(pool: readonly OccupationData[]): TaskIndex {
  return drain(taskIndexSteps(pool));
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
  const vectors = new Map<OccupationData, Map<string, number>>();
  for (const [o, words] of counts) {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [w, c] of words) {
      const x = (1 + Math.log(c)) * Math.log(pool.length / (documentFrequency.get(w) ?? 1));
      v.set(w, x);
      norm += x * x;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [w, x] of v) v.set(w, x / norm);
    vectors.set(o, v);
    if (vectors.size % 200 === 0) yield;
  }
  // Another caller may have finished it meanwhile.
  index = indexes.get(pool) ?? { vectors };
  indexes.set(pool, index);
  return index;
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
  const { vectors } = taskIndex(pool);
  const own = vectors.get(origin);
  if (!own) return undefined;
  let best: Proxy | undefined;
  for (const c of candidates) {
    if (c === origin || c.profile?.jobZone !== zone) continue;
    const other = vectors.get(c);
    if (!other) continue;
    let s = 0;
    for (const [w, x] of own) {
      const y = other.get(w);
      if (y) s += x * y;
    }
    if (!best || s > best.taskSimilarity || (s === best.taskSimilarity && c.soc < best.occupation.soc))
      best = { occupation: c, taskSimilarity: s };
  }
  return best && best.taskSimilarity >= MIN_TASK_SIMILARITY
    ? { occupation: best.occupation, taskSimilarity: Math.round(best.taskSimilarity * 1000) / 1000 }
    : undefined;
}
