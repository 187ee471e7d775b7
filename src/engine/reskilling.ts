// Computed reskilling moves from the public datasets: occupations whose O*NET basic-skills profile is
// close to the origin's, that the sources rank as less exposed to AI, and that pay about as well. Pure
// functions of the dataset records; the engine adds curated moves and ids.
import type { SkillLine, Transition } from '../answers/types.js';
import { occupationId } from '../catalog/datasets/ids.js';
import type { OccupationData, SkillLevel } from '../catalog/datasets/types.js';
import { consensusOf } from './consensus.js';

/** The rules, in one place for tests and docs. */
export const TRANSITION_RULES = {
  /** The target's consensus exposure percentile must be at least this many points below the origin's. */
  minExposureDrop: 5,
  /** The target's median pay must be known and at least this share of the origin's, when the origin's is known. */
  minPayRatio: 0.9,
  /** The target's O*NET Job Zone (preparation needed, 1–5) may be at most this much above the origin's. */
  maxJobZoneStep: 1,
  /** Shared skills named in the `why` sentence. */
  skillsInWhy: 3,
} as const;

/**
 * Up to `limit` safer moves from `origin`, most similar first.
 *
 * Similarity: the cosine of the two occupations' O*NET basic-skill level vectors (11 skills, levels
 * 0–100, "Not relevant" as 0), each skill first standardized against all occupations in `all` (level
 * minus the mean, over the standard deviation). Raw levels share one shape (every job reads and listens
 * more than it programs), which puts nearly every pair above 0.95; standardized, 1 means the same
 * strengths and weaknesses relative to other jobs, 0 unrelated. Only positive similarities are kept.
 *
 * A candidate needs a skills profile and a consensus exposure at least minExposureDrop points below the
 * origin's. It is left out when the origin's pay is known and the candidate's is unknown or below
 * minPayRatio of it, when it needs a Job Zone more than maxJobZoneStep above the origin's, or when it is a
 * residual "All Other" category, which is no job one can aim for.
 */
export function computedTransitions(origin: OccupationData, all: Iterable<OccupationData>, limit = 5): Transition[] {
  const pool = Array.isArray(all) ? (all as OccupationData[]) : [...all];
  const profile = profileOf(pool);
  const originVector = profile(origin.skills);
  const originExposure = consensusOf(origin.measures)?.percentile;
  if (!originVector || originExposure === undefined) return [];

  const scored: { target: OccupationData; vector: number[]; exposure: number; similarity: number }[] = [];
  for (const target of pool) {
    if (target.soc === origin.soc || /, all other$/i.test(target.title)) continue;
    const vector = profile(target.skills);
    const exposure = consensusOf(target.measures)?.percentile;
    if (!vector || exposure === undefined || exposure > originExposure - TRANSITION_RULES.minExposureDrop) continue;
    if (
      origin.medianPay !== undefined &&
      (target.medianPay === undefined || target.medianPay < TRANSITION_RULES.minPayRatio * origin.medianPay)
    )
      continue;
    if (
      origin.jobZone !== undefined &&
      target.jobZone !== undefined &&
      target.jobZone > origin.jobZone + TRANSITION_RULES.maxJobZoneStep
    )
      continue;
    const similarity = cosine(originVector, vector);
    if (similarity > 0) scored.push({ target, vector, exposure, similarity });
  }
  scored.sort(
    (a, b) => b.similarity - a.similarity || a.exposure - b.exposure || a.target.soc.localeCompare(b.target.soc),
  );

  return scored.slice(0, limit).map(({ target, vector, exposure, similarity }) => {
    const exposureGap = round1(exposure - originExposure);
    const transition: Transition = {
      id: occupationId(target.title),
      title: target.title,
      soc: target.soc,
      why: whyOf(origin, target, originVector, vector, exposureGap),
      exposurePercentile: exposure,
      exposureGap,
      similarity: Math.round(similarity * 1000) / 1000,
      origin: 'computed',
    };
    if (target.medianPay !== undefined) transition.medianPay = target.medianPay;
    if (target.medianPay !== undefined && origin.medianPay !== undefined)
      transition.payGap = target.medianPay - origin.medianPay;
    const gaps = skillGaps(origin, target, 3);
    if (gaps.length) transition.skillsToBuild = gaps.map((g) => ({ name: g.name, gap: g.gap ?? 0 }));
    return transition;
  });
}

/** Basic skills the target uses at a higher level than the origin, biggest gap first (level points, 0–100). */
export function skillGaps(origin: OccupationData, target: OccupationData, limit = 5): SkillLine[] {
  const originLevels = new Map((origin.skills ?? []).map((s) => [s.name, s.level ?? 0]));
  const gaps: SkillLine[] = [];
  for (const skill of target.skills ?? []) {
    if (skill.level === null) continue;
    const have = originLevels.get(skill.name) ?? 0;
    const gap = round1(skill.level - have);
    if (gap <= 0) continue;
    gaps.push({
      id: `gap-${occupationId(skill.name)}`,
      name: skill.name,
      kind: 'gap',
      gap,
      description: `${target.title} uses it at level ${skill.level}, ${origin.title} at ${have} (O*NET, 0–100).`,
    });
  }
  return gaps.sort((a, b) => (b.gap ?? 0) - (a.gap ?? 0) || a.name.localeCompare(b.name)).slice(0, limit);
}

/** Cosine of two vectors of equal length; 0 when either is all zeros. */
export function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/** Turns a skills list into a vector: levels in a fixed skill order, each as its distance from the pool's mean in standard deviations. */
type Profiler = (skills: readonly SkillLevel[] | undefined) => number[] | null;

const profilers = new WeakMap<readonly OccupationData[], Profiler>();

function profileOf(pool: readonly OccupationData[]): Profiler {
  const cached = profilers.get(pool);
  if (cached) return cached;
  const rawVectors = new WeakMap<readonly SkillLevel[], number[] | null>();
  const raw = (skills: readonly SkillLevel[] | undefined): number[] | null => {
    if (!skills || skills.length === 0) return null;
    let vector = rawVectors.get(skills);
    if (vector === undefined) {
      const sorted = [...skills].sort((a, b) => a.name.localeCompare(b.name));
      vector = sorted.some((s) => s.level !== null) ? sorted.map((s) => s.level ?? 0) : null;
      rawVectors.set(skills, vector);
    }
    return vector;
  };
  const vectors = pool.map((o) => raw(o.skills)).filter((v): v is number[] => v !== null);
  const size = vectors[0]?.length ?? 0;
  const mean = Array.from(
    { length: size },
    (_, i) => vectors.reduce((sum, v) => sum + (v[i] ?? 0), 0) / vectors.length,
  );
  const sd = mean.map(
    (m, i) => Math.sqrt(vectors.reduce((sum, v) => sum + ((v[i] ?? 0) - m) ** 2, 0) / vectors.length) || 1,
  );
  const standardized = new WeakMap<readonly SkillLevel[], number[] | null>();
  const profiler: Profiler = (skills) => {
    if (!skills) return null;
    let vector = standardized.get(skills);
    if (vector === undefined) {
      const r = raw(skills);
      vector = r && r.length === size ? r.map((x, i) => (x - (mean[i] as number)) / (sd[i] as number)) : null;
      standardized.set(skills, vector);
    }
    return vector;
  };
  profilers.set(pool, profiler);
  return profiler;
}

/**
 * One sentence: the basic skills both jobs need more of than most occupations (both above the pool's mean,
 * strongest shared first), and the exposure drop.
 */
function whyOf(
  origin: OccupationData,
  target: OccupationData,
  originVector: number[],
  targetVector: number[],
  exposureGap: number,
): string {
  const names = [...(target.skills ?? [])].map((s) => s.name).sort((a, b) => a.localeCompare(b));
  const shared = names
    .map((name, i) => ({ name, both: Math.min(originVector[i] ?? 0, targetVector[i] ?? 0) }))
    .filter((s) => s.both > 0)
    .sort((a, b) => b.both - a.both)
    .slice(0, TRANSITION_RULES.skillsInWhy)
    .map((s) => s.name);
  const drop = `ranks ${Math.abs(exposureGap)} percentile points lower for AI exposure`;
  if (shared.length === 0) return `Its mix of basic skills is close to that of ${origin.title}, and it ${drop}.`;
  const list = shared.length > 1 ? `${shared.slice(0, -1).join(', ')} and ${shared.at(-1)}` : shared[0];
  return `Like ${origin.title}, it needs more ${list} than most jobs, and it ${drop}.`;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
