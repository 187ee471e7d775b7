// Computed reskilling moves from the O*NET 30.1 profiles, after Nesta's "Mapping Career Causeways" (Kanders,
// Djumalieva, Sleeman, Orlik, Nesta 2020): a move is *viable* when the two profiles are as alike as occupations
// inside one SOC minor group typically are and it asks at most one Job Zone more or less; it is shown when it is
// also *safer* (less exposed to AI by a margin) and *desirable* (pays comparably, within one source and year).
// A destination that needs a professional degree, a licence to practise or a graduate degree the origin lacks
// is never a plain move: it is a long-range option with its requirement. Each move says what to learn.
// Pure functions of the dataset records; the engine adds curated moves and role ids.
import type { Gate, PayComparison, SkillGap, Transition } from '../answers/types.js';
import { occupationId } from '../catalog/datasets/ids.js';
import type { AnnualPay, OccupationData, OnetProfile, OnetReference } from '../catalog/datasets/types.js';
import { consensusOf } from './consensus.js';
import {
  drain,
  similarityModel,
  similarityModelSteps,
  type Similarity,
  type SimilarityModel,
  type Thresholds,
} from './similarity.js';
import { taskIndexSteps, taskProxy, type Proxy } from './task-proxy.js';

/** The rules, in one place for tests and docs. */
export const TRANSITION_RULES = {
  /** Safer: the target's consensus exposure percentile is at least this many points below the origin's. The
   *  consensus of one occupation has a median standard error of about 5.6 points (its sources disagree), so the
   *  difference between two has about 8: a smaller drop could be noise. */
  minExposureDrop: 10,
  /** Desirable: the target's median pay is at least this share of the origin's, from one source and one year. */
  minPayRatio: 0.9,
  /** A move to a lower Job Zone spends preparation the person already has: it is desirable only when it pays at
   *  least this share (a cook's move to dishwasher, at slightly less pay, is not one to sign). */
  lowerZoneMinPayRatio: 1,
  /** Viable: the Job Zones (preparation needed, 1–5) differ by at most this much. */
  maxJobZoneStep: 1,
  /** O*NET required-education categories (RL): 10 = first professional degree, 11 doctoral, 12 post-doctoral;
   *  7 = post-baccalaureate certificate, 8 master's. */
  professionalEducation: 10,
  graduateEducation: 7,
  /** SOC minor group 29-1000, Healthcare Diagnosing or Treating Practitioners: each needs a licence to practise. */
  licensedPractice: '29-1',
  /** O*NET importance of a job-related professional certification from which the work needs a licence or
   *  certificate of its own (4 = "Very important"): teachers, pilots, aircraft mechanics, therapy assistants… */
  licenceImportance: 4,
  /** What to learn: up to `max` knowledge areas and skills with an importance-weighted gap of at least
   *  `minGap`, and past the first `min` only those with at least `clearGap` (level points). */
  toLearn: { min: 3, max: 5, minGap: 0.2, clearGap: 0.5 },
  /** Technologies named per move; everyday office software (listed for at least `commonTechnology` of rated
   *  occupations: Excel, Word, Outlook, Windows…) is not worth naming. */
  technologies: 4,
  commonTechnology: 0.25,
  /** O*NET importance from which a knowledge area counts as one the job relies on (3 = "Important"). */
  important: 3,
  /** Shared knowledge areas named in the `why` sentence. */
  sharedInWhy: 3,
  /** Long-range options listed. */
  longRange: 2,
} as const;

/** Why an occupation has few computed moves: how many candidates each rule left. */
export interface MoveCounts {
  /** Close enough (similarity and Job Zone). */
  viable: number;
  /** …and at least minExposureDrop points less exposed. */
  safer: number;
  /** …and paying comparably within one source and year. */
  desirable: number;
}

export interface ComputedPath {
  moves: Transition[];
  longRange: Transition[];
  /** Set when the origin has no ratings of its own and a proxy stands in. */
  proxy?: Proxy;
  /** Undefined when the origin has no profile to compute from. */
  counts?: MoveCounts;
}

/** The occupation whose ratings stand for the origin: itself, or its proxy. */
interface Basis {
  origin: OccupationData;
  profile: OnetProfile;
  proxy?: Proxy;
  jobZone?: number;
  /** Technologies the origin uses: its own O*NET list when O*NET has one, else the proxy's. */
  technologies: Set<number>;
}

export interface ReskillingModel {
  thresholds: Thresholds;
  similarity: SimilarityModel;
  /** Up to `limit` moves (and long-range options) from `origin`, most alike first. */
  pathFrom(origin: OccupationData, limit: number): ComputedPath;
  /** The computed facts of a move someone chose (a curated one): only where both ends have a profile. */
  factsOf(origin: OccupationData, target: OccupationData): Partial<Transition> & { proxy?: Proxy };
  /** The rated occupation standing in for an unrated one, if any. */
  proxyOf(origin: OccupationData): Proxy | undefined;
}

const models = new WeakMap<readonly OccupationData[], ReskillingModel>();

/** The model for a pool of occupations, built on first use and kept for that pool. */
export function reskillingModel(pool: readonly OccupationData[], reference: OnetReference): ReskillingModel {
  return drain(reskillingModelSteps(pool, reference));
}

/** The same in steps of a few milliseconds, for a server's warm-up: the similarity model, then the task index
 *  the proxies use. */
export function* reskillingModelSteps(
  pool: readonly OccupationData[],
  reference: OnetReference,
): Generator<void, ReskillingModel> {
  let model = models.get(pool);
  if (model) return model;
  yield* similarityModelSteps(pool, reference);
  yield* taskIndexSteps(pool);
  model = models.get(pool) ?? buildModel(pool, reference);
  models.set(pool, model);
  return model;
}

function buildModel(pool: readonly OccupationData[], reference: OnetReference): ReskillingModel {
  const similarity = similarityModel(pool, reference);
  const { thresholds, rated } = similarity;
  const exposure = new Map(pool.map((o) => [o, consensusOf(o.measures)?.percentile]));
  // A residual "All Other" category is no job one can aim for.
  const destinations = rated.filter((o) => !/, all other$/i.test(o.title));
  // How many rated occupations use each technology: the more, the more widely useful it is to learn.
  const usage = new Map<number, number>();
  for (const o of rated) for (const t of o.profile?.technologies ?? []) usage.set(t, (usage.get(t) ?? 0) + 1);

  const proxies = new Map<OccupationData, Proxy | undefined>();
  const proxyOf = (origin: OccupationData): Proxy | undefined => {
    if (similarity.has(origin.profile)) return undefined;
    if (!proxies.has(origin)) proxies.set(origin, taskProxy(origin, rated, pool));
    return proxies.get(origin);
  };

  const basisOf = (origin: OccupationData): Basis | undefined => {
    const own = origin.profile;
    if (own && similarity.has(own))
      return { origin, profile: own, jobZone: own.jobZone, technologies: new Set(own.technologies) };
    const proxy = proxyOf(origin);
    const stand = proxy?.occupation.profile;
    if (!proxy || !stand) return undefined;
    const tools = own?.technologies.length ? own.technologies : stand.technologies;
    return { origin, profile: stand, proxy, jobZone: own?.jobZone ?? stand.jobZone, technologies: new Set(tools) };
  };

  const fitOf = (s: Similarity): NonNullable<Transition['fit']> =>
    s.combined >= thresholds.highlyViable
      ? 'highly viable'
      : s.combined >= thresholds.viable
        ? 'viable'
        : 'below the viable threshold';

  /** Everything a move's card shows that the profiles can tell. */
  const describe = (basis: Basis, target: OccupationData, s: Similarity | null): Partial<Transition> => {
    const out: Partial<Transition> = {};
    const to = target.profile;
    if (s) {
      out.similarity = round3(s.share);
      out.fit = fitOf(s);
    }
    if (to?.jobZone !== undefined) out.jobZone = to.jobZone;
    if (to && similarity.has(to)) {
      const gaps = skillGaps(basis.profile, to, reference);
      if (gaps.length) out.skillsToBuild = gaps;
    }
    const tools = newTechnologies(basis.technologies, to, reference, usage, rated.length);
    if (tools.length) out.technologies = tools;
    const steps = stepsOf(basis.profile, to, reference);
    if (steps.length) out.steps = steps;
    const gate = gateOf(basis.origin.soc, basis.profile, target, reference);
    if (gate) {
      out.gate = gate;
      out.requires = gate.requirement;
    }
    return out;
  };

  const withExposureAndPay = (origin: OccupationData, target: OccupationData): Partial<Transition> => {
    const out: Partial<Transition> = {};
    const from = exposure.get(origin);
    const to = exposure.get(target) ?? consensusOf(target.measures)?.percentile;
    if (to !== undefined) out.exposurePercentile = to;
    if (to !== undefined && from !== undefined) out.exposureGap = round1(to - from);
    const pay = comparePay(origin.annualPay, target.annualPay);
    if (pay) {
      out.pay = pay;
      out.medianPay = pay.target;
      out.payGap = pay.target - pay.origin;
    }
    return out;
  };

  const pathFrom = (origin: OccupationData, limit: number): ComputedPath => {
    const basis = basisOf(origin);
    if (!basis) return { moves: [], longRange: [] };
    const originExposure = exposure.get(origin);
    const counts: MoveCounts = { viable: 0, safer: 0, desirable: 0 };
    const plain: { target: OccupationData; combined: number; exposure: number }[] = [];
    const gated: typeof plain = [];
    for (const target of destinations) {
      if (target === origin || target === basis.proxy?.occupation || target.soc === origin.soc) continue;
      const zone = target.profile?.jobZone;
      if (basis.jobZone === undefined || zone === undefined) continue;
      if (Math.abs(zone - basis.jobZone) > TRANSITION_RULES.maxJobZoneStep) continue;
      const combined = similarity.combinedBetween(basis.profile, target.profile as OnetProfile);
      if (combined === null || combined < thresholds.viable) continue;
      counts.viable++;
      const targetExposure = exposure.get(target);
      if (originExposure === undefined || targetExposure === undefined) continue;
      if (targetExposure > originExposure - TRANSITION_RULES.minExposureDrop) continue;
      counts.safer++;
      const pay = comparePay(origin.annualPay, target.annualPay);
      const floor = zone < basis.jobZone ? TRANSITION_RULES.lowerZoneMinPayRatio : TRANSITION_RULES.minPayRatio;
      if (!pay || pay.ratio < floor) continue;
      counts.desirable++;
      (gateOf(origin.soc, basis.profile, target, reference) ? gated : plain).push({
        target,
        combined,
        exposure: targetExposure,
      });
    }
    const order = (a: (typeof plain)[number], b: (typeof plain)[number]) =>
      b.combined - a.combined || a.exposure - b.exposure || a.target.soc.localeCompare(b.target.soc);
    const toTransition = ({ target }: (typeof plain)[number]): Transition => {
      const s = similarity.between(basis.profile, target.profile as OnetProfile);
      const facts = { ...withExposureAndPay(origin, target), ...describe(basis, target, s) };
      return {
        id: occupationId(target.title),
        title: target.title,
        soc: target.soc,
        why: whyOf(basis, target, facts.exposureGap, similarity, reference),
        ...facts,
        origin: 'computed',
      };
    };
    const out: ComputedPath = {
      moves: plain.sort(order).slice(0, limit).map(toTransition),
      longRange: gated.sort(order).slice(0, TRANSITION_RULES.longRange).map(toTransition),
      counts,
    };
    if (basis.proxy) out.proxy = basis.proxy;
    return out;
  };

  const factsOf = (origin: OccupationData, target: OccupationData): Partial<Transition> & { proxy?: Proxy } => {
    const out: Partial<Transition> & { proxy?: Proxy } = withExposureAndPay(origin, target);
    const basis = basisOf(origin);
    if (!basis || !target.profile || !similarity.has(target.profile)) return out;
    Object.assign(out, describe(basis, target, similarity.between(basis.profile, target.profile)));
    if (basis.proxy) out.proxy = basis.proxy;
    return out;
  };

  return { thresholds, similarity, pathFrom, factsOf, proxyOf };
}

/**
 * The pay gap within one source and one year: both occupations' own figures when one source has both, the
 * freshest such source first; else the same with a group figure (labelled). Undefined when no source and year
 * covers both.
 */
export function comparePay(origin: readonly AnnualPay[], target: readonly AnnualPay[]): PayComparison | undefined {
  let best: { a: AnnualPay; b: AnnualPay; groups: number; year: number } | undefined;
  for (const a of origin)
    for (const b of target) {
      if (a.source !== b.source || a.period !== b.period || a.value <= 0) continue;
      const groups = Number(a.group) + Number(b.group);
      const year = Number(/\d{4}/.exec(a.period)?.[0] ?? 0);
      if (!best || groups < best.groups || (groups === best.groups && year > best.year)) best = { a, b, groups, year };
    }
  if (!best) return undefined;
  const { a, b } = best;
  return {
    source: a.source,
    sourceName: a.sourceName,
    period: a.period,
    origin: a.value,
    target: b.value,
    ratio: Math.round((b.value / a.value) * 1000) / 1000,
    group: best.groups > 0,
  };
}

/**
 * Knowledge areas and skills the target needs at a higher level than the origin has, weighted by how important
 * they are to the target: (IM − 1) / 4 × (target level − origin level). Values O*NET suppresses are skipped,
 * never read as 0; a level O*NET marks "Not Relevant" is 0 (the job does not use it).
 */
export function skillGaps(origin: OnetProfile, target: OnetProfile, reference: OnetReference): SkillGap[] {
  const gaps: SkillGap[] = [];
  for (const kind of ['knowledge', 'skills'] as const) {
    const from = origin[kind];
    const to = target[kind];
    if (!from || !to) continue;
    reference[kind].forEach((element, i) => {
      const importance = to.importance[i];
      const level = to.level[i];
      const have = from.level[i];
      if (importance == null || level == null || have == null || level <= have) return;
      const gap = Math.round(((importance - 1) / 4) * (level - have) * 100) / 100;
      if (gap >= TRANSITION_RULES.toLearn.minGap)
        gaps.push({ name: element.name, kind: kind === 'knowledge' ? 'knowledge' : 'skill', gap, level, have });
    });
  }
  const { min, max, clearGap } = TRANSITION_RULES.toLearn;
  return gaps
    .sort((a, b) => b.gap - a.gap || a.name.localeCompare(b.name))
    .filter((g, i) => i < min || g.gap >= clearGap)
    .slice(0, max);
}

/** Hot or in-demand technologies the target uses that the origin does not, leaving out everyday office software:
 *  in demand for the target first, then hot; among equals, those more occupations use. */
function newTechnologies(
  have: Set<number>,
  target: OnetProfile | undefined,
  reference: OnetReference,
  usage: Map<number, number>,
  rated: number,
): NonNullable<Transition['technologies']> {
  if (!target) return [];
  const demanded = new Set(target.inDemand);
  return target.technologies
    .filter(
      (t) =>
        !have.has(t) &&
        (demanded.has(t) || reference.technologies[t]?.hot) &&
        (usage.get(t) ?? 0) < TRANSITION_RULES.commonTechnology * rated,
    )
    .map((t) => ({
      t,
      name: reference.technologies[t]?.name ?? '',
      hot: Boolean(reference.technologies[t]?.hot),
      inDemand: demanded.has(t),
    }))
    .sort(
      (a, b) =>
        Number(b.inDemand) - Number(a.inDemand) ||
        Number(b.hot) - Number(a.hot) ||
        (usage.get(b.t) ?? 0) - (usage.get(a.t) ?? 0) ||
        a.name.localeCompare(b.name),
    )
    .slice(0, TRANSITION_RULES.technologies)
    .map(({ name, hot, inDemand }) => ({ name, hot, inDemand }));
}

/** O*NET's typical level of a category scale: the category where the cumulative share of workers reaches 50 %. */
export function typicalCategory(shares: readonly number[] | undefined): number | undefined {
  if (!shares?.length) return undefined;
  let sum = 0;
  for (let i = 0; i < shares.length; i++) {
    sum += shares[i] as number;
    if (sum >= 50) return i + 1;
  }
  return shares.length;
}

/** Share of workers (0–100, whole) in `category` or above. */
function shareFrom(shares: readonly number[], category: number): number {
  return Math.round(shares.slice(category - 1).reduce((s, v) => s + v, 0));
}

/** "Bachelor's Degree" from O*NET's "Bachelor's Degree", "First Professional Degree" from its long description. */
const shortLabel = (label: string | undefined) => (label ?? '').split(' - ')[0]?.trim() ?? '';

/** The education and related experience the target usually needs beyond the origin's. */
function stepsOf(
  origin: OnetProfile,
  target: OnetProfile | undefined,
  reference: OnetReference,
): NonNullable<Transition['steps']> {
  const steps: NonNullable<Transition['steps']> = [];
  if (!target) return steps;
  for (const kind of ['education', 'experience'] as const) {
    const shares = target[kind];
    const to = typicalCategory(shares);
    if (!shares || to === undefined) continue;
    const from = typicalCategory(origin[kind]);
    if (from !== undefined && from >= to) continue;
    if (from === undefined && to <= 1) continue;
    const labels = reference.categories[kind];
    const step: NonNullable<Transition['steps']>[number] = {
      kind,
      to: shortLabel(labels[to - 1]),
      share: shareFrom(shares, to),
    };
    if (from !== undefined) step.from = shortLabel(labels[from - 1]);
    steps.push(step);
  }
  return steps;
}

/**
 * What the target needs that the origin lacks, if that makes it a long-range option rather than a plain move:
 * - a first professional, doctoral or post-doctoral degree as its typical education (medicine, dentistry, law,
 *   pharmacy…), unless the origin is in the same SOC broad group and needs such a degree too;
 * - a licence to practise as a healthcare practitioner who diagnoses or treats (SOC 29-1000: nursing, therapy,
 *   dental hygiene…), or a licence or certificate O*NET rates very important for the work (teaching, flying,
 *   aircraft maintenance, therapy assistance…), unless the origin is in the same SOC broad group;
 * - Job Zone 5 with a graduate qualification (post-baccalaureate certificate, master's or more) as its typical
 *   education, or no education data, when the origin's typical education is lower (architecture, counselling…).
 */
export function gateOf(
  originSoc: string,
  originProfile: OnetProfile,
  target: OccupationData,
  reference: OnetReference,
): Gate | undefined {
  const to = target.profile;
  if (!to) return undefined;
  const rules = TRANSITION_RULES;
  const needed = typicalCategory(to.education);
  const own = typicalCategory(originProfile.education);
  const sameBroadGroup = originSoc.slice(0, 6) === target.soc.slice(0, 6);
  const label = (c: number) => shortLabel(reference.categories.education[c - 1]).toLowerCase();
  const share = (c: number) => (to.education ? shareFrom(to.education, c) : 0);
  if (needed !== undefined && needed >= rules.professionalEducation) {
    if (!(sameBroadGroup && own !== undefined && own >= rules.professionalEducation))
      return {
        kind: 'professional-degree',
        requirement: `Usually a ${label(needed)}: ${share(rules.professionalEducation)} % of ${target.title} report needing a first professional degree or more (O*NET 30.1).`,
      };
  }
  if (target.soc.startsWith(rules.licensedPractice) && !sameBroadGroup)
    return {
      kind: 'licence',
      requirement: `A licence to practise, after an accredited programme${needed !== undefined ? ` (typically a ${label(needed)})` : ''}: ${target.title} are licensed healthcare practitioners.`,
    };
  if ((to.certification ?? 0) >= rules.licenceImportance && !sameBroadGroup)
    return {
      kind: 'licence',
      requirement: `A licence or certificate for this work: O*NET rates a job-related professional certification ${to.certification} out of 5 in importance for ${target.title}.`,
    };
  if (
    to.jobZone === 5 &&
    (needed === undefined || needed >= rules.graduateEducation) &&
    (own ?? 0) < (needed ?? rules.graduateEducation)
  )
    return {
      kind: 'graduate-degree',
      requirement:
        needed !== undefined
          ? `Usually a ${label(needed)}: ${share(rules.graduateEducation)} % of ${target.title} report needing a post-baccalaureate certificate or more (Job Zone 5, O*NET 30.1).`
          : `Job Zone 5: extensive preparation, usually graduate school (O*NET 30.1).`,
    };
  return undefined;
}

/**
 * One sentence on why the move fits: the knowledge areas both jobs rely on (importance "Important" or more in
 * both), those both need more of than most jobs first; failing that, the skills; and the exposure drop.
 */
function whyOf(
  basis: Basis,
  target: OccupationData,
  exposureGap: number | undefined,
  similarity: SimilarityModel,
  reference: OnetReference,
): string {
  const to = target.profile as OnetProfile;
  const shared = (kind: 'knowledge' | 'skills') => {
    const a = similarity.standardized(basis.profile, kind);
    const b = similarity.standardized(to, kind);
    return reference[kind]
      .map((e, i) => ({
        name: e.name,
        both: Math.min(a[i] ?? -Infinity, b[i] ?? -Infinity),
        important:
          (basis.profile[kind]?.importance[i] ?? 0) >= TRANSITION_RULES.important &&
          (to[kind]?.importance[i] ?? 0) >= TRANSITION_RULES.important,
      }))
      .filter((e) => e.important && e.both > 0)
      .sort((x, y) => y.both - x.both)
      .slice(0, TRANSITION_RULES.sharedInWhy)
      .map((e) => e.name);
  };
  const knowledge = shared('knowledge');
  const from = basis.proxy ? basis.proxy.occupation.title : basis.origin.title;
  const base = knowledge.length
    ? `Both rely on ${list(knowledge)}, more than most jobs do`
    : shared('skills').length
      ? `Both rely on the skills ${list(shared('skills'))}, more than most jobs do`
      : `Its O*NET profile is close to that of ${from}`;
  const drop =
    exposureGap !== undefined && exposureGap < 0
      ? `, and it ranks ${Math.abs(exposureGap)} percentile points lower for AI exposure`
      : '';
  return `${base}${drop}.`;
}

const list = (names: string[]) =>
  names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '');
const round1 = (n: number) => Math.round(n * 10) / 10;
const round3 = (n: number) => Math.round(n * 1000) / 1000;
