// How alike two occupations are, from their O*NET 30.1 profiles, after the method of Nesta's "Mapping Career
// Causeways" (Kanders, Djumalieva, Sleeman, Orlik, Nesta 2020): several profile facets are compared one by one
// and combined with weights, and the thresholds for a viable and a highly viable move are set from the data, as
// the typical similarity inside occupation groups. Pure: built once from the loaded occupations.
import { percentileRanks } from '../catalog/datasets/ranks.js';
import type { OccupationData, OnetProfile, OnetRatings, OnetReference } from '../catalog/datasets/types.js';
import { sparseDot, taskIndexSteps, type SparseVector, type TaskVector } from './task-proxy.js';

/** The facets compared and their weights in the combined similarity. Knowledge carries what a person knows
 *  (Economics and Accounting, Law and Government, Medicine and Dentistry), so it weighs most; tasks carry what
 *  the work is (Nesta gave what people do, work activities and context, half the weight; O*NET's task statements
 *  stand in for them here, since the shared data has no work activities or work context). */
export const FACET_WEIGHTS = { knowledge: 0.4, skills: 0.2, tasks: 0.2, technology: 0.1, preparation: 0.1 } as const;
export type Facet = keyof typeof FACET_WEIGHTS;

/** The ETE scales compared for preparation: required education, related work experience, on-the-job training
 *  (the three Nesta's occupation data uses). */
const PREPARATION_SCALES = ['education', 'experience', 'onTheJob'] as const;

/** The task floors: the task similarity this share of the pairs of occupations inside one SOC minor group (and,
 *  for the stricter floor, inside one SOC broad group) stay below: their 10th percentile. */
const TASK_FLOOR_QUANTILE = 0.1;

/** Facet statistics are estimated on one pair in SAMPLE_STRIDE (about 38,000 of 305,000 pairs), which keeps the
 *  model's start-up near 30 ms; the estimates move by well under 1 %. */
const SAMPLE_STRIDE = 8;

/** One occupation's profile, ready to compare. */
interface Vectors {
  /** Unit vectors of knowledge and skills: importance × level per element, standardized against all rated
   *  occupations, then centred on the occupation's own mean, so they describe its relative strengths. */
  knowledge: Float64Array;
  skills: Float64Array;
  /** Cumulative category shares (0–1) per preparation scale, or null where O*NET has none. */
  preparation: (Float64Array | null)[];
  /** Unit vector over technology categories (O*NET commodity titles), tf-idf weighted, kept sparse: the
   *  categories used (ascending) and their weights. Empty when O*NET lists no technology. */
  technology: SparseVector;
  /** The occupation's task statements (for a rated profile of the pool), or null; and its position among the
   *  rated occupations (-1 for a profile outside the pool). */
  tasks: TaskVector | null;
  at: number;
}

export interface Similarity {
  /** Weighted mean of the facets' standardized similarities (in standard deviations of all pairs). */
  combined: number;
  /** Share of occupation pairs less alike than this one, 0–1: an easier number to read. */
  share: number;
  /** Each facet's raw similarity: cosine for knowledge, skills, tasks and technology, 1 − earth mover's distance
   *  for preparation; absent where one side lacks the facet. */
  facets: Partial<Record<Facet, number>>;
}

export interface Thresholds {
  /** Mean minus one standard deviation of the average within-group similarity over SOC minor groups. */
  viable: number;
  /** The same over SOC broad groups. */
  highlyViable: number;
  /** What they were derived from, for the README and the benchmark. */
  minorGroups: { groups: number; mean: number; sd: number };
  broadGroups: { groups: number; mean: number; sd: number };
  /** Least task similarity of a move: the TASK_FLOOR_QUANTILE quantile of task similarity over pairs inside SOC
   *  minor groups (0 when no pair has task statements), and how many pairs it was read from; `broadFloor` and
   *  `broadPairs` the same inside SOC broad groups (a stricter floor). */
  tasks: { floor: number; broadFloor: number; quantile: number; pairs: number; broadPairs: number };
}

export interface SimilarityModel {
  /** The rated occupations (O*NET skills and knowledge ratings), in pool order. */
  rated: OccupationData[];
  has(profile: OnetProfile | undefined): boolean;
  /** Similarity of two rated profiles; null when either lacks skills or knowledge ratings. */
  between(a: OnetProfile, b: OnetProfile): Similarity | null;
  /** Just `between(a, b).combined`, without building the result: for scanning every pair. */
  combinedBetween(a: OnetProfile, b: OnetProfile): number | null;
  /** The task facet alone (cosine of task statements); null when either has none. */
  tasksBetween(a: OnetProfile, b: OnetProfile): number | null;
  /** The knowledge facet alone; null when either is not rated. */
  knowledgeBetween(a: OnetProfile, b: OnetProfile): number | null;
  /** The share of the knowledge similarity that its largest single knowledge area carries (0–1; 1 when one area
   *  is all the two share), and that area's index; null when either is not rated or they share nothing. */
  largestKnowledgeShare(a: OnetProfile, b: OnetProfile): { share: number; element: number } | null;
  /** Share of pairs less alike than a combined similarity (0–1). */
  shareBelow(combined: number): number;
  thresholds: Thresholds;
  /** Each element's distance from all rated occupations' mean, in standard deviations, for one profile. */
  standardized(profile: OnetProfile, kind: 'knowledge' | 'skills'): (number | null)[];
}

const models = new WeakMap<readonly OccupationData[], SimilarityModel>();
const building = new WeakMap<readonly OccupationData[], Generator<void, SimilarityModel>>();

/** The model for a pool of occupations, built on first use and kept for that pool. */
export function similarityModel(pool: readonly OccupationData[], reference: OnetReference): SimilarityModel {
  return drain(similarityModelSteps(pool, reference));
}

/**
 * The same, built in steps of a few milliseconds (a server's warm-up runs them between requests). A build left
 * half-way is taken up by whoever needs the model next, never started twice.
 */
export function* similarityModelSteps(
  pool: readonly OccupationData[],
  reference: OnetReference,
): Generator<void, SimilarityModel> {
  let steps = building.get(pool);
  for (;;) {
    const ready = models.get(pool);
    if (ready) return ready;
    if (!steps) building.set(pool, (steps = buildModel(pool, reference)));
    const next = steps.next();
    if (next.done) {
      models.set(pool, next.value);
      building.delete(pool);
      return next.value;
    }
    yield;
  }
}

/** Runs steps to the end. */
export function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

function* buildModel(pool: readonly OccupationData[], reference: OnetReference): Generator<void, SimilarityModel> {
  const rated = pool.filter((o) => isRated(o.profile));
  const taskIndex = yield* taskIndexSteps(pool);
  const occupationOf = new Map(rated.map((o) => [o.profile as OnetProfile, o]));
  const knowledgeStats = elementStats(rated, 'knowledge', reference.knowledge.length);
  const skillStats = elementStats(rated, 'skills', reference.skills.length);

  // Technology categories: how many rated occupations use each, for the idf weight.
  const commodityIndex = new Map<string, number>();
  const commodityOf = reference.technologies.map((t) => {
    let i = commodityIndex.get(t.commodity);
    if (i === undefined) commodityIndex.set(t.commodity, (i = commodityIndex.size));
    return i;
  });
  const counts = (p: OnetProfile) => {
    const c = new Float64Array(commodityIndex.size);
    for (const t of p.technologies) c[commodityOf[t] as number]! += 1;
    return c;
  };
  const documentFrequency = new Float64Array(commodityIndex.size);
  for (const o of rated) counts(o.profile as OnetProfile).forEach((c, i) => c && (documentFrequency[i]! += 1));
  const idf = Array.from(documentFrequency, (df) => (df ? Math.log(rated.length / df) : 0));

  const taskVectorOf = (p: OnetProfile): TaskVector | null => {
    const o = occupationOf.get(p);
    return (o && taskIndex.vectorOf(o)) ?? null;
  };
  const positionOf = new Map(rated.map((o, i) => [o.profile as OnetProfile, i]));
  const taskSimilarity = taskRows(
    rated.map((o) => taskVectorOf(o.profile as OnetProfile)),
    taskIndex.words,
  );
  const cache = new WeakMap<OnetProfile, Vectors>();
  const vectorsOf = (p: OnetProfile): Vectors => {
    let v = cache.get(p);
    if (!v) {
      const technology = unit(Array.from(counts(p), (c, i) => (c ? Math.log(1 + c) * (idf[i] as number) : 0)));
      const at: number[] = [];
      technology.forEach((w, i) => w && at.push(i));
      v = {
        knowledge: relativeStrengths(composite(p.knowledge as OnetRatings), knowledgeStats),
        skills: relativeStrengths(composite(p.skills as OnetRatings), skillStats),
        preparation: PREPARATION_SCALES.map((scale) => cumulative(p[scale])),
        technology: { at: Int32Array.from(at), weight: Float64Array.from(at, (i) => technology[i] as number) },
        tasks: taskVectorOf(p),
        at: positionOf.get(p) ?? -1,
      };
      cache.set(p, v);
    }
    return v;
  };

  const facetsOf = (a: Vectors, b: Vectors): Partial<Record<Facet, number>> => {
    const out: Partial<Record<Facet, number>> = {
      knowledge: dot(a.knowledge, b.knowledge),
      skills: dot(a.skills, b.skills),
    };
    const preparation = preparationSimilarity(a.preparation, b.preparation);
    if (preparation !== null) out.preparation = preparation;
    const technology = technologySimilarity(a, b);
    if (technology !== null) out.technology = technology;
    if (a.tasks && b.tasks) out.tasks = taskSimilarity(a.tasks, b);
    return out;
  };

  // Each facet's mean and spread over (a sample of) all pairs, so facets on different scales combine fairly.
  const vectors: Vectors[] = [];
  for (const o of rated) {
    vectors.push(vectorsOf(o.profile as OnetProfile));
    if (vectors.length % 100 === 0) yield;
  }
  const sums = Object.fromEntries(Object.keys(FACET_WEIGHTS).map((f) => [f, { n: 0, sum: 0, squares: 0 }])) as Record<
    Facet,
    { n: number; sum: number; squares: number }
  >;
  const sampled: Partial<Record<Facet, number>>[] = [];
  for (let i = 0; i < vectors.length; i++) {
    if (i % 25 === 24) yield;
    for (let j = i + 1 + ((i * 7) % SAMPLE_STRIDE); j < vectors.length; j += SAMPLE_STRIDE) {
      const f = facetsOf(vectors[i] as Vectors, vectors[j] as Vectors);
      sampled.push(f);
      for (const [facet, value] of Object.entries(f) as [Facet, number][]) {
        const s = sums[facet];
        s.n++;
        s.sum += value;
        s.squares += value * value;
      }
    }
  }
  const stats = Object.fromEntries(
    (Object.entries(sums) as [Facet, { n: number; sum: number; squares: number }][]).map(([facet, s]) => {
      const mean = s.n ? s.sum / s.n : 0;
      return [facet, { mean, sd: Math.sqrt(Math.max(0, s.squares / (s.n || 1) - mean * mean)) || 1 }];
    }),
  ) as Record<Facet, { mean: number; sd: number }>;

  const combine = (f: Partial<Record<Facet, number>>): number =>
    combinedOf(f.knowledge, f.skills, f.preparation ?? null, f.technology ?? null, f.tasks ?? null);
  /** The weighted mean of the facets present, each as (value − mean) / sd over all pairs; no allocation, since it
   *  runs for every pair a path looks at. */
  const W = FACET_WEIGHTS;
  const combinedOf = (
    knowledge: number | undefined,
    skills: number | undefined,
    preparation: number | null,
    technology: number | null,
    tasks: number | null,
  ): number => {
    let sum = 0;
    let weight = 0;
    if (knowledge !== undefined) {
      sum += (W.knowledge * (knowledge - stats.knowledge.mean)) / stats.knowledge.sd;
      weight += W.knowledge;
    }
    if (skills !== undefined) {
      sum += (W.skills * (skills - stats.skills.mean)) / stats.skills.sd;
      weight += W.skills;
    }
    if (preparation !== null) {
      sum += (W.preparation * (preparation - stats.preparation.mean)) / stats.preparation.sd;
      weight += W.preparation;
    }
    if (technology !== null) {
      sum += (W.technology * (technology - stats.technology.mean)) / stats.technology.sd;
      weight += W.technology;
    }
    if (tasks !== null) {
      sum += (W.tasks * (tasks - stats.tasks.mean)) / stats.tasks.sd;
      weight += W.tasks;
    }
    return weight ? sum / weight : 0;
  };
  // The same ranking the datasets use for measures: the share of sampled pairs strictly less alike.
  const rankAmongPairs = percentileRanks(sampled.map(combine));
  const shareBelow = (combined: number) => rankAmongPairs(combined) / 100;

  const between = (a: OnetProfile, b: OnetProfile): Similarity | null => {
    if (!isRated(a) || !isRated(b)) return null;
    const facets = facetsOf(vectorsOf(a), vectorsOf(b));
    const combined = combine(facets);
    return { combined, share: shareBelow(combined), facets };
  };
  const combinedBetween = (a: OnetProfile, b: OnetProfile): number | null => {
    if (!isRated(a) || !isRated(b)) return null;
    const x = vectorsOf(a);
    const y = vectorsOf(b);
    return combinedOf(
      dot(x.knowledge, y.knowledge),
      dot(x.skills, y.skills),
      preparationSimilarity(x.preparation, y.preparation),
      technologySimilarity(x, y),
      x.tasks && y.tasks ? taskSimilarity(x.tasks, y) : null,
    );
  };
  const tasksBetween = (a: OnetProfile, b: OnetProfile): number | null => {
    if (!isRated(a) || !isRated(b)) return null;
    const x = vectorsOf(a).tasks;
    const y = vectorsOf(b);
    return x && y.tasks ? taskSimilarity(x, y) : null;
  };

  const groupStats = function* (
    prefixLength: number,
    withinTasks: number[],
  ): Generator<void, { groups: number; mean: number; sd: number }> {
    const groups = new Map<string, number[]>();
    rated.forEach((o, i) => {
      const key = o.soc.slice(0, prefixLength);
      const list = groups.get(key);
      if (list) list.push(i);
      else groups.set(key, [i]);
    });
    const means: number[] = [];
    for (const members of groups.values()) {
      if (members.length < 2) continue;
      let sum = 0;
      let n = 0;
      for (let x = 0; x < members.length; x++)
        for (let y = x + 1; y < members.length; y++) {
          const f = facetsOf(vectors[members[x] as number] as Vectors, vectors[members[y] as number] as Vectors);
          sum += combine(f);
          n++;
          if (f.tasks !== undefined) withinTasks.push(f.tasks);
        }
      means.push(sum / n);
      if (means.length % 20 === 0) yield;
    }
    const mean = means.reduce((s, v) => s + v, 0) / (means.length || 1);
    const sd = Math.sqrt(means.reduce((s, v) => s + (v - mean) ** 2, 0) / (means.length || 1));
    return { groups: means.length, mean, sd };
  };
  // SOC minor group: the first three digits (13-2…); broad group: the first five (13-201…).
  const minorTasks: number[] = [];
  const broadTasks: number[] = [];
  const minorGroups = yield* groupStats(4, minorTasks);
  const broadGroups = yield* groupStats(6, broadTasks);
  const quantile = (values: number[]) =>
    values.sort((a, b) => a - b)[Math.floor(values.length * TASK_FLOOR_QUANTILE)] ?? 0;

  return {
    rated,
    has: isRated,
    between,
    combinedBetween,
    tasksBetween,
    knowledgeBetween: (a, b) => (isRated(a) && isRated(b) ? dot(vectorsOf(a).knowledge, vectorsOf(b).knowledge) : null),
    largestKnowledgeShare: (a, b) => {
      if (!isRated(a) || !isRated(b)) return null;
      const x = vectorsOf(a).knowledge;
      const y = vectorsOf(b).knowledge;
      let total = 0;
      let largest = -Infinity;
      let element = -1;
      for (let i = 0; i < x.length; i++) {
        const term = (x[i] as number) * (y[i] as number);
        total += term;
        if (term > largest) [largest, element] = [term, i];
      }
      return total > 0 ? { share: largest / total, element } : null;
    },
    shareBelow,
    thresholds: {
      viable: minorGroups.mean - minorGroups.sd,
      highlyViable: broadGroups.mean - broadGroups.sd,
      minorGroups,
      broadGroups,
      tasks: {
        floor: quantile(minorTasks),
        broadFloor: quantile(broadTasks),
        quantile: TASK_FLOOR_QUANTILE,
        pairs: minorTasks.length,
        broadPairs: broadTasks.length,
      },
    },
    standardized: (profile, kind) => {
      const stats = kind === 'knowledge' ? knowledgeStats : skillStats;
      const values = profile[kind] ? composite(profile[kind] as OnetRatings) : [];
      return values.map((v, i) => (v === null ? null : (v - (stats.mean[i] as number)) / (stats.sd[i] as number)));
    },
  };
}

const isRated = (p: OnetProfile | undefined): p is OnetProfile => Boolean(p?.skills && p.knowledge);

/** Importance (rescaled to 0–1 from 1–5) times level (rescaled to 0–1 from 0–7): how much of the element the
 *  job needs, weighted by how much it matters; null where either is missing. */
function composite(r: OnetRatings): (number | null)[] {
  return r.importance.map((im, i) => {
    const lv = r.level[i];
    return im === null || lv === null || lv === undefined ? null : ((im - 1) / 4) * (lv / 7);
  });
}

function elementStats(rated: OccupationData[], kind: 'knowledge' | 'skills', size: number) {
  const mean = new Float64Array(size);
  const sd = new Float64Array(size);
  const values = rated.map((o) => composite((o.profile as OnetProfile)[kind] as OnetRatings));
  for (let i = 0; i < size; i++) {
    const present = values.map((v) => v[i]).filter((x): x is number => typeof x === 'number');
    const m = present.reduce((s, x) => s + x, 0) / (present.length || 1);
    mean[i] = m;
    sd[i] = Math.sqrt(present.reduce((s, x) => s + (x - m) ** 2, 0) / (present.length || 1)) || 1;
  }
  return { mean, sd };
}

/** Standardized against all occupations, then centred on the occupation's own mean: without the centring, every
 *  job that needs little of everything would point the same way and look alike. A missing value counts as the
 *  average (0 after standardizing), so it adds nothing either way. */
function relativeStrengths(values: (number | null)[], stats: { mean: Float64Array; sd: Float64Array }): Float64Array {
  const z = Float64Array.from(values, (v, i) =>
    v === null ? 0 : (v - (stats.mean[i] as number)) / (stats.sd[i] as number),
  );
  const centre = z.reduce((s, x) => s + x, 0) / (z.length || 1);
  for (let i = 0; i < z.length; i++) z[i]! -= centre;
  return unit(z);
}

function cumulative(shares: number[] | undefined): Float64Array | null {
  if (!shares) return null;
  let sum = 0;
  return Float64Array.from(shares, (s) => (sum += s / 100));
}

/** Mean over the scales both have of 1 − (earth mover's distance between the two category distributions,
 *  over its largest possible value): 1 for the same distribution, 0 for opposite ends of the scale. */
function preparationSimilarity(a: (Float64Array | null)[], b: (Float64Array | null)[]): number | null {
  let sum = 0;
  let n = 0;
  for (let s = 0; s < a.length; s++) {
    const x = a[s];
    const y = b[s];
    if (!x || !y || x.length !== y.length || x.length < 2) continue;
    let distance = 0;
    for (let k = 0; k < x.length - 1; k++) distance += Math.abs((x[k] as number) - (y[k] as number));
    sum += 1 - distance / (x.length - 1);
    n++;
  }
  return n ? sum / n : null;
}

/** Cosine of the two sparse technology vectors; null when either lists no technology. */
function technologySimilarity(a: Vectors, b: Vectors): number | null {
  return a.technology.at.length && b.technology.at.length ? sparseDot(a.technology, b.technology) : null;
}

/**
 * Task similarity, fast when one side stays the same over many comparisons (every destination of one origin):
 * an inverted index over the rated occupations' words gives that side's similarity to all of them at once, and
 * the row is kept until the side changes. A profile outside the pool is compared word by word.
 */
function taskRows(
  vectors: (TaskVector | null)[],
  words: number,
): (a: TaskVector, b: { tasks: TaskVector | null; at: number }) => number {
  // Postings by word (compressed rows): which occupations use it, and with what weight.
  const start = new Int32Array(words + 1);
  for (const v of vectors) for (const w of v?.at ?? []) start[w + 1]! += 1;
  for (let w = 0; w < words; w++) start[w + 1]! += start[w] as number;
  const who = new Int32Array(start[words] as number);
  const weight = new Float64Array(start[words] as number);
  const fill = start.slice(0, words);
  vectors.forEach((v, i) =>
    v?.at.forEach((w, k) => {
      const p = fill[w]!++;
      who[p] = i;
      weight[p] = v.weight[k] as number;
    }),
  );
  const row = new Float64Array(vectors.length);
  let rowOf: TaskVector | null = null;
  return (a, b) => {
    if (!b.tasks) return 0;
    if (b.at < 0) return sparseDot(a, b.tasks);
    if (rowOf !== a) {
      row.fill(0);
      for (let k = 0; k < a.at.length; k++) {
        const w = a.at[k] as number;
        const x = a.weight[k] as number;
        for (let p = start[w] as number; p < (start[w + 1] as number); p++)
          row[who[p] as number]! += x * (weight[p] as number);
      }
      rowOf = a;
    }
    return row[b.at] as number;
  };
}

function unit(values: ArrayLike<number>): Float64Array {
  const v = Float64Array.from(values);
  const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  if (norm) for (let i = 0; i < v.length; i++) v[i]! /= norm;
  return v;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
}
