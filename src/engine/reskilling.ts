// Computed reskilling moves from the O*NET 30.1 profiles, after Nesta's "Mapping Career Causeways" (Kanders,
// Djumalieva, Sleeman, Orlik, Nesta 2020): a move is *viable* when the two profiles are as alike as occupations
// inside one SOC minor group typically are, their task statements overlap, and it asks at most one Job Zone more
// or less; it is shown when it is also *safer* (less exposed to AI by a margin; for an origin already among the
// least exposed, no more exposed: a lateral move) and *desirable* (pays comparably, within one source and year).
// A destination that needs a degree, a licence, a vocational certificate or an apprenticeship the origin lacks
// is never a plain move: it is a long-range option with its requirement. Each move says what to learn.
// Pure functions of the dataset records; the engine adds curated moves and role ids.
import { VERDICT_STEPS } from '../answers/format.js';
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
   *  difference between two has about 8: a smaller drop could be noise. (Nesta asked only that the destination
   *  not be "high risk"; the issue asks for lower exposure.) */
  minExposureDrop: 10,
  /** Already among the least exposed: a consensus percentile below this (the card's "very low" step, the fifth
   *  of occupations least exposed). Few jobs can be 10 points safer still, so such an origin gets lateral moves:
   *  targets also below it and at most minExposureDrop points above the origin (no more exposed than the noise
   *  allows). Nesta, likewise, asked a lower-risk worker's move only not to be high risk. */
  leastExposedBelow: VERDICT_STEPS[1].from,
  /** Desirable: the target's median pay is at least this share of the origin's, from one source and one year:
   *  Nesta's MIN_EARNINGS_RATIO (a move keeps at least 75 % of the earnings). */
  minPayRatio: 0.75,
  /** A move to a lower Job Zone spends preparation the person already has: it is desirable only when it pays at
   *  least this share (a cook's move to dishwasher, at slightly less pay, is not one to sign). */
  lowerZoneMinPayRatio: 1,
  /** Viable: the Job Zones (preparation needed, 1–5) differ by at most this much. */
  maxJobZoneStep: 1,
  /** O*NET required-education categories (RL): 3 = post-secondary certificate, 5 associate's, 6 bachelor's,
   *  7 = post-baccalaureate certificate, 8 master's; 10 = first professional degree, 11 doctoral, 12 post-doctoral. */
  certificateEducation: 3,
  bachelorsEducation: 6,
  professionalEducation: 10,
  graduateEducation: 7,
  /** A vocational certificate gates a move when at least this share (%) of the target's workers report a
   *  post-secondary certificate as the education the job requires (cosmetology, court reporting, diving,
   *  heating and cooling schools) and the origin's typical worker has less. */
  certificateShare: 66,
  /** An apprenticeship or long employer programme gates a move when the target's typical worker had more than two
   *  years of on-the-job training (O*NET OJ category 7: "over 2 years, up to 4"), or more than a year of both
   *  on-the-job and on-site training (OJ and PT category 6), without a bachelor's degree (electricians, plumbers,
   *  millwrights, reactor operators, air traffic controllers). */
  apprenticeship: { onTheJob: 7, both: 6 },
  /** Between two degree occupations, knowledge similarity at least this quantile of such pairs inside one SOC
   *  broad group (what 19 in 20 of them share). */
  degreeKnowledgeQuantile: 0.05,
  /** A knowledge match that rests on one area (it carries more than this share of the knowledge similarity: Fine
   *  Arts for a graphic designer and a make-up artist) is viable only when the tasks are alike too, as alike as
   *  nine in ten pairs inside one SOC broad group. */
  oneAreaShare: 0.5,
  /** A field of study the origin lacks gates a move to a target of Job Zone `fromJobZone` or more (where knowledge
   *  is studied, not picked up on the job): one of its `areas` most distinctive knowledge areas (core elements)
   *  has an importance-weighted gap of at least `gap` level points (of 7). */
  study: { areas: 2, gap: 2.5, fromJobZone: 3 },
  /** SOC minor group 29-1000, Healthcare Diagnosing or Treating Practitioners: each needs a licence to practise. */
  licensedPractice: '29-1',
  /** O*NET importance of a job-related professional certification from which the work needs a licence or
   *  certificate of its own (4 = "Very important"): teachers, pilots, aircraft mechanics, therapy assistants… */
  licenceImportance: 4,
  /** What to learn: up to `max` knowledge areas and skills with an importance-weighted gap of at least
   *  `minGap`, and past the first `min` only those with at least `clearGap` (level points). */
  toLearn: { min: 3, max: 5, minGap: 0.2, clearGap: 0.5 },
  /** Core elements of a target (what the first screen's skill step names): of its knowledge areas, and of its
   *  skills, the `perKind` whose importance × level stand furthest above all rated occupations' mean (at least
   *  `minStandardized` standard deviations), leaving out those at least `genericShare` of occupations rate
   *  important. */
  core: { perKind: 3, minStandardized: 1, genericShare: 0.5 },
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
  /** Close enough (similarity, task overlap and Job Zone). */
  viable: number;
  /** …and at least minExposureDrop points less exposed (for an origin among the least exposed: no more exposed). */
  safer: number;
  /** …and paying comparably within one source and year. */
  desirable: number;
  /** …of which need a degree, licence, certificate or apprenticeship first (long-range options), by kind. */
  gated: number;
  gates: Partial<Record<Gate['kind'], number>>;
}

export interface ComputedPath {
  moves: Transition[];
  longRange: Transition[];
  /** The origin is already among the least exposed: its moves are lateral (no more exposed), not safer. */
  leastExposed?: boolean;
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
  /** Its typical required education (O*NET RL category), where known. */
  education: number | undefined;
}

/** The similarity thresholds, and the knowledge floor between two degree occupations. */
export interface ReskillingThresholds extends Thresholds {
  /** When both occupations typically need a bachelor's degree or more, what a person studied must carry over:
   *  knowledge similarity at least the `quantile` quantile over such pairs inside one SOC broad group. */
  degreeKnowledge: { floor: number; quantile: number; pairs: number };
}

export interface ReskillingModel {
  thresholds: ReskillingThresholds;
  similarity: SimilarityModel;
  /** Up to `limit` moves (and long-range options) from `origin`, most alike first. */
  pathFrom(origin: OccupationData, limit: number): ComputedPath;
  /** The computed facts of a move someone chose (a curated one): only where both ends have a profile. */
  factsOf(origin: OccupationData, target: OccupationData): Partial<Transition> & { proxy?: Proxy };
  /** The rated occupation standing in for an unrated one, if any. */
  proxyOf(origin: OccupationData): Proxy | undefined;
  /** Whether a move is viable (similar enough, task statements that overlap, Job Zone step), whatever its
   *  exposure, pay and gates; false when either end has no profile to compare. */
  isViableMove(origin: OccupationData, target: OccupationData): boolean;
  /** What makes a move long-range (see gateOf), with the target's core elements; undefined for a plain move or
   *  when either end has no profile. */
  gateOf(origin: OccupationData, target: OccupationData): Gate | undefined;
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
  const { rated } = similarity;
  const rules = TRANSITION_RULES;
  const education = new Map(pool.map((o) => [o, typicalEducation(o)]));
  const graduate = (o: OccupationData) => (education.get(o) ?? 0) >= rules.bachelorsEducation;
  const thresholds: ReskillingThresholds = {
    ...similarity.thresholds,
    degreeKnowledge: degreeKnowledgeFloor(rated.filter(graduate), similarity),
  };
  const exposure = new Map(pool.map((o) => [o, consensusOf(o.measures)?.percentile]));
  // A residual "All Other" category is no job one can aim for.
  const destinations = rated.filter((o) => !/, all other$/i.test(o.title));
  // How many rated occupations use each technology: the more, the more widely useful it is to learn.
  const usage = new Map<number, number>();
  for (const o of rated) for (const t of o.profile?.technologies ?? []) usage.set(t, (usage.get(t) ?? 0) + 1);
  // And each kind of software (O*NET's commodity): a browser or an e-mail program is everyday software whichever
  // brand an occupation's list happens to name (Firefox is listed for 12 % of occupations, browsers for most).
  const kindUsage = new Map<string, number>();
  for (const o of rated)
    for (const kind of new Set((o.profile?.technologies ?? []).map((t) => reference.technologies[t]?.commodity)))
      if (kind) kindUsage.set(kind, (kindUsage.get(kind) ?? 0) + 1);
  const core = coreElements(rated, reference, similarity);

  const proxies = new Map<OccupationData, Proxy | undefined>();
  const proxyOf = (origin: OccupationData): Proxy | undefined => {
    if (similarity.has(origin.profile)) return undefined;
    if (!proxies.has(origin)) proxies.set(origin, taskProxy(origin, rated, pool));
    return proxies.get(origin);
  };

  const basisOf = (origin: OccupationData): Basis | undefined => {
    const own = origin.profile;
    if (own && similarity.has(own))
      return {
        origin,
        profile: own,
        jobZone: own.jobZone,
        technologies: new Set(own.technologies),
        education: education.get(origin),
      };
    const proxy = proxyOf(origin);
    const stand = proxy?.occupation.profile;
    if (!proxy || !stand) return undefined;
    const tools = own?.technologies.length ? own.technologies : stand.technologies;
    return {
      origin,
      profile: stand,
      proxy,
      jobZone: own?.jobZone ?? stand.jobZone,
      technologies: new Set(tools),
      education: typicalEducation(origin, stand),
    };
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
      const gaps = skillGaps(basis.profile, to, reference, core(to));
      if (gaps.length) out.skillsToBuild = gaps;
    }
    const tools = newTechnologies(basis.technologies, to, reference, { usage, kindUsage }, rated.length);
    if (tools.length) out.technologies = tools;
    const steps = stepsOf(basis.profile, to, reference);
    if (steps.length) out.steps = steps;
    const gate =
      to && similarity.has(to) ? gateOf(basis.origin, basis.profile, target, reference, core(to)) : undefined;
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
    const leastExposed = originExposure !== undefined && originExposure < rules.leastExposedBelow;
    const counts: MoveCounts = { viable: 0, safer: 0, desirable: 0, gated: 0, gates: {} };
    const plain: { target: OccupationData; combined: number; exposure: number }[] = [];
    const gated: typeof plain = [];
    for (const target of destinations) {
      if (target === origin || target === basis.proxy?.occupation || target.soc === origin.soc) continue;
      const profile = target.profile as OnetProfile;
      if (!isViable(basis, target)) continue;
      counts.viable++;
      const targetExposure = exposure.get(target);
      if (originExposure === undefined || targetExposure === undefined) continue;
      if (!isSaferOrLateral(originExposure, targetExposure)) continue;
      counts.safer++;
      if (!isDesirable(origin, target, basis.jobZone as number)) continue;
      counts.desirable++;
      const candidate = {
        target,
        combined: similarity.combinedBetween(basis.profile, profile) ?? 0,
        exposure: targetExposure,
      };
      const gate = gateOf(origin, basis.profile, target, reference, core(profile));
      if (gate) {
        counts.gated++;
        counts.gates[gate.kind] = (counts.gates[gate.kind] ?? 0) + 1;
        gated.push(candidate);
      } else plain.push(candidate);
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
        why: whyOf(basis, target, facts.exposureGap, leastExposed, similarity, reference),
        ...facts,
        ...(leastExposed ? { lateral: true } : {}),
        origin: 'computed',
      };
    };
    const out: ComputedPath = {
      moves: plain.sort(order).slice(0, limit).map(toTransition),
      longRange: gated.sort(order).slice(0, rules.longRange).map(toTransition),
      counts,
    };
    if (leastExposed) out.leastExposed = true;
    if (basis.proxy) out.proxy = basis.proxy;
    return out;
  };

  /** Viable: similar enough, task statements that overlap, at most one Job Zone apart, and between two degree
   *  occupations, knowledge that carries over (a language teacher's degree does not make a computer scientist). */
  const isViable = (basis: Basis, target: OccupationData): boolean => {
    const profile = target.profile as OnetProfile;
    if (basis.jobZone === undefined || profile.jobZone === undefined) return false;
    if (Math.abs(profile.jobZone - basis.jobZone) > rules.maxJobZoneStep) return false;
    const combined = similarity.combinedBetween(basis.profile, profile);
    if (combined === null || combined < thresholds.viable) return false;
    const tasks = similarity.tasksBetween(basis.profile, profile);
    if (tasks !== null && tasks < thresholds.tasks.floor) return false;
    const oneArea = similarity.largestKnowledgeShare(basis.profile, profile);
    if (oneArea && oneArea.share > rules.oneAreaShare && tasks !== null && tasks < thresholds.tasks.broadFloor)
      return false;
    const degrees = graduate(target) && (basis.education ?? 0) >= rules.bachelorsEducation;
    return !degrees || (similarity.knowledgeBetween(basis.profile, profile) ?? 0) >= thresholds.degreeKnowledge.floor;
  };

  const factsOf = (origin: OccupationData, target: OccupationData): Partial<Transition> & { proxy?: Proxy } => {
    const out: Partial<Transition> & { proxy?: Proxy } = withExposureAndPay(origin, target);
    const basis = basisOf(origin);
    if (!basis || !target.profile || !similarity.has(target.profile)) return out;
    Object.assign(out, describe(basis, target, similarity.between(basis.profile, target.profile)));
    if (basis.proxy) out.proxy = basis.proxy;
    return out;
  };

  const isViableMove = (origin: OccupationData, target: OccupationData): boolean => {
    const basis = basisOf(origin);
    return Boolean(basis && target.profile && similarity.has(target.profile) && isViable(basis, target));
  };

  const gateOfMove = (origin: OccupationData, target: OccupationData): Gate | undefined => {
    const basis = basisOf(origin);
    const to = target.profile;
    return basis && to && similarity.has(to) ? gateOf(origin, basis.profile, target, reference, core(to)) : undefined;
  };

  return { thresholds, similarity, pathFrom, factsOf, proxyOf, isViableMove, gateOf: gateOfMove };
}

/** The knowledge similarity `rules.degreeKnowledgeQuantile` of the pairs of degree occupations (typically a
 *  bachelor's or more) inside one SOC broad group stay below: 0 when there are no such pairs. */
function degreeKnowledgeFloor(
  graduates: readonly OccupationData[],
  similarity: SimilarityModel,
): ReskillingThresholds['degreeKnowledge'] {
  const quantile = TRANSITION_RULES.degreeKnowledgeQuantile;
  const groups = new Map<string, OccupationData[]>();
  for (const o of graduates) groups.set(o.soc.slice(0, 6), [...(groups.get(o.soc.slice(0, 6)) ?? []), o]);
  const values: number[] = [];
  for (const members of groups.values())
    for (let i = 0; i < members.length; i++)
      for (let j = i + 1; j < members.length; j++) {
        const k = similarity.knowledgeBetween(members[i]?.profile as OnetProfile, members[j]?.profile as OnetProfile);
        if (k !== null) values.push(k);
      }
  values.sort((a, b) => a - b);
  return { floor: values[Math.floor(values.length * quantile)] ?? 0, quantile, pairs: values.length };
}

/** Safer by the margin; or, from an origin already among the least exposed, no more exposed (lateral). */
export function isSaferOrLateral(origin: number, target: number): boolean {
  const rules = TRANSITION_RULES;
  if (origin < rules.leastExposedBelow) return target < rules.leastExposedBelow && target <= origin;
  return target <= origin - rules.minExposureDrop;
}

/** Pays at least minPayRatio as much within one source and year; a move one Job Zone down, at least as much. */
function isDesirable(origin: OccupationData, target: OccupationData, originZone: number): boolean {
  const pay = comparePay(origin.annualPay, target.annualPay);
  const zone = target.profile?.jobZone ?? originZone;
  const floor = zone < originZone ? TRANSITION_RULES.lowerZoneMinPayRatio : TRANSITION_RULES.minPayRatio;
  return pay !== undefined && pay.ratio >= floor;
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

/** Elements a target profile turns on, by kind: indices into `reference.knowledge` and `reference.skills`, the
 *  most distinctive first. */
export interface CoreElements {
  knowledge: readonly number[];
  skills: readonly number[];
}

/**
 * The knowledge areas and skills a profile needs far more than most jobs do (the few whose importance × level
 * stand furthest above the mean of all rated occupations), leaving out those most jobs rate important (English
 * Language, Customer and Personal Service, Active Listening, Speaking…): a move turns on these, so the first
 * screen names the largest gap among them (for an accountant's move to financial manager, Administration and
 * Management rather than Sales and Marketing).
 */
function coreElements(
  rated: readonly OccupationData[],
  reference: OnetReference,
  similarity: SimilarityModel,
): (profile: OnetProfile) => CoreElements {
  const { perKind, minStandardized, genericShare } = TRANSITION_RULES.core;
  const important = TRANSITION_RULES.important;
  const generic = (kind: 'knowledge' | 'skills') =>
    new Set(
      reference[kind].flatMap((_, i) => {
        const rating = rated.filter((o) => (o.profile?.[kind]?.importance[i] ?? 0) >= important).length;
        return rating >= genericShare * rated.length ? [i] : [];
      }),
    );
  const common = { knowledge: generic('knowledge'), skills: generic('skills') };
  const cache = new WeakMap<OnetProfile, CoreElements>();
  return (profile) => {
    let out = cache.get(profile);
    if (!out) {
      const pick = (kind: 'knowledge' | 'skills') =>
        similarity
          .standardized(profile, kind)
          .flatMap((z, i) => (z !== null && z >= minStandardized && !common[kind].has(i) ? [{ z, i }] : []))
          .sort((a, b) => b.z - a.z)
          .slice(0, perKind)
          .map((e) => e.i);
      out = { knowledge: pick('knowledge'), skills: pick('skills') };
      cache.set(profile, out);
    }
    return out;
  };
}

/**
 * Knowledge areas and skills the target needs at a higher level than the origin has, weighted by how important
 * they are to the target: (IM − 1) / 4 × (target level − origin level). Values O*NET suppresses are skipped,
 * never read as 0; a level O*NET marks "Not Relevant" is 0 (the job does not use it). The largest gaps first;
 * when `core` is given, gaps in the target's core elements are marked, and the largest of them is kept in the
 * list even when smaller gaps in generic elements would fill it.
 */
export function skillGaps(
  origin: OnetProfile,
  target: OnetProfile,
  reference: OnetReference,
  core?: CoreElements,
): SkillGap[] {
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
      if (gap < TRANSITION_RULES.toLearn.minGap) return;
      const entry: SkillGap = {
        name: element.name,
        kind: kind === 'knowledge' ? 'knowledge' : 'skill',
        gap,
        level,
        have,
      };
      if (core?.[kind].includes(i)) entry.core = true;
      gaps.push(entry);
    });
  }
  const { min, max, clearGap } = TRANSITION_RULES.toLearn;
  // Mathematics is both a knowledge area and a skill: name it once, with its larger gap.
  const sorted = gaps
    .sort((a, b) => b.gap - a.gap || a.name.localeCompare(b.name))
    .filter((g, i, all) => all.findIndex((x) => x.name === g.name) === i);
  const list = sorted.filter((g, i) => i < min || g.gap >= clearGap).slice(0, max);
  const largestCore = sorted.find((g) => g.core);
  if (largestCore && !list.includes(largestCore)) {
    if (list.length >= max) list.pop();
    list.push(largestCore);
  }
  return list;
}

/** Hot or in-demand technologies the target uses that the origin does not, leaving out everyday software (a
 *  product or a kind of software common to many occupations) and kinds of software the origin already uses (no
 *  Google Sheets for someone who uses Excel): in demand for the target first, then hot; among equals, those more
 *  occupations use. */
function newTechnologies(
  have: Set<number>,
  target: OnetProfile | undefined,
  reference: OnetReference,
  { usage, kindUsage }: { usage: Map<number, number>; kindUsage: Map<string, number> },
  rated: number,
): NonNullable<Transition['technologies']> {
  if (!target) return [];
  const demanded = new Set(target.inDemand);
  const common = TRANSITION_RULES.commonTechnology * rated;
  const kindOf = (t: number) => reference.technologies[t]?.commodity ?? '';
  const kindsHad = new Set([...have].map(kindOf));
  return target.technologies
    .filter(
      (t) =>
        !have.has(t) &&
        !kindsHad.has(kindOf(t)) &&
        demanded.has(t) &&
        (usage.get(t) ?? 0) < common &&
        (kindUsage.get(kindOf(t)) ?? 0) < common,
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

/** The Handbook's "typical entry-level education" as the O*NET required-education category it corresponds to. */
const HANDBOOK_EDUCATION: Record<string, number> = {
  'no formal educational credential': 1,
  'high school diploma or equivalent': 2,
  'postsecondary nondegree award': 3,
  'some college, no degree': 4,
  "associate's degree": 5,
  "bachelor's degree": 6,
  "master's degree": 8,
  'doctoral or professional degree': 11,
};

/** An occupation's typical required education (O*NET RL category): its own O*NET shares, else those of the
 *  profile standing in for it, else the Handbook's typical entry education for its own page. */
export function typicalEducation(occupation: OccupationData, stand?: OnetProfile): number | undefined {
  return (
    typicalCategory(occupation.profile?.education) ??
    typicalCategory(stand?.education) ??
    HANDBOOK_EDUCATION[occupation.ooh?.entryEducation?.toLowerCase() ?? '']
  );
}

/** Steps of formal education: none, certificate or some college, associate's, bachelor's, graduate, professional. */
const credentialStep = (category: number) =>
  category <= 2 ? 0 : category <= 4 ? 1 : category === 5 ? 2 : category === 6 ? 3 : category <= 9 ? 4 : 5;

/**
 * What the target needs that the origin lacks, if that makes it a long-range option rather than a plain move:
 * - a first professional, doctoral or post-doctoral degree as its typical education (medicine, dentistry, law,
 *   pharmacy…), unless the origin is in the same SOC broad group and needs such a degree too;
 * - a licence to practise as a healthcare practitioner who diagnoses or treats (SOC 29-1000: nursing, therapy,
 *   dental hygiene…), or a licence or certificate O*NET rates very important for the work (teaching, flying,
 *   aircraft maintenance, therapy assistance…), unless the origin is in the same SOC broad group;
 * - Job Zone 5 with a graduate qualification (post-baccalaureate certificate, master's or more) as its typical
 *   education, or no education data, when the origin's typical education is lower (architecture, counselling…);
 * - a bachelor's degree as its typical education, when the origin's is lower (a degree takes years);
 * - an education two steps above the origin's (none → associate's);
 * - a post-secondary certificate most of its workers report needing (a vocational school), when the origin's
 *   typical education is lower (cosmetology, court reporting, commercial diving);
 * - an apprenticeship or long employer programme (over 2 years of on-the-job training, or over a year of both
 *   on-the-job and on-site training, without a degree), unless the origin is in the same SOC broad group
 *   (electricians to plumbers or millwrights, chemists to reactor operators);
 * - a field of study the origin lacks: with the target's core elements given and the target in Job Zone 3 or
 *   more, one of its two most distinctive knowledge areas is one the origin knows far less of (human resources
 *   specialists to financial managers: Economics and Accounting; clerks to medical assistants: Medicine and
 *   Dentistry), unless the origin is in the same SOC broad group.
 * An unknown origin education counts as lacking.
 */
export function gateOf(
  origin: OccupationData,
  originProfile: OnetProfile,
  target: OccupationData,
  reference: OnetReference,
  core?: CoreElements,
): Gate | undefined {
  const to = target.profile;
  if (!to) return undefined;
  const rules = TRANSITION_RULES;
  const needed = typicalEducation(target);
  const own = typicalEducation(origin, originProfile);
  const sameBroadGroup = origin.soc.slice(0, 6) === target.soc.slice(0, 6);
  // "a master's degree", "an associate's degree" (O*NET's "Associate's Degree (or other 2-year degree)").
  const label = (c: number) => {
    const name = shortLabel(reference.categories.education[c - 1])
      .replace(/\s*\(.*\)$/, '')
      .toLowerCase();
    return `${/^[aeiou]/.test(name) ? 'an' : 'a'} ${name}`;
  };
  const fromOnet = typicalCategory(to.education) !== undefined;
  const reported = (from: number, what: string, note = '') =>
    fromOnet && to.education
      ? `${shareFrom(to.education, from)} % of ${target.title} report needing ${what} (${note}O*NET 30.1)`
      : `the typical entry-level education for ${target.title} (${note}BLS Occupational Outlook Handbook)`;
  if (needed !== undefined && needed >= rules.professionalEducation) {
    if (!(sameBroadGroup && own !== undefined && own >= rules.professionalEducation))
      return {
        kind: 'professional-degree',
        requirement: `Usually ${label(needed)}: ${reported(rules.professionalEducation, 'a first professional degree or more')}.`,
      };
  }
  if (target.soc.startsWith(rules.licensedPractice) && !sameBroadGroup)
    return {
      kind: 'licence',
      requirement: `A licence to practise, after an accredited programme${needed !== undefined ? ` (typically ${label(needed)})` : ''}: ${target.title} are licensed healthcare practitioners.`,
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
          ? `Usually ${label(needed)}: ${reported(rules.graduateEducation, 'a post-baccalaureate certificate or more', 'Job Zone 5, ')}.`
          : `Job Zone 5: extensive preparation, usually graduate school (O*NET 30.1).`,
    };
  if (needed !== undefined && needed >= rules.bachelorsEducation && (own ?? 0) < rules.bachelorsEducation)
    return {
      kind: 'degree',
      requirement: `Usually ${label(needed)}: ${reported(rules.bachelorsEducation, "a bachelor's degree or more")}.`,
    };
  if (needed !== undefined && credentialStep(needed) >= credentialStep(own ?? 1) + 2)
    return {
      kind: 'education-step',
      requirement: `Usually ${label(needed)}, two steps of education above ${own !== undefined ? label(own) : 'none'}: ${reported(needed, `${label(needed)} or more`)}.`,
    };
  const certified = to.education?.[rules.certificateEducation - 1] ?? 0;
  if (certified >= rules.certificateShare && (own ?? 0) < rules.certificateEducation)
    return {
      kind: 'certificate',
      requirement: `A post-secondary certificate from a vocational programme: ${Math.round(certified)} % of ${target.title} report needing one (O*NET 30.1).`,
    };
  const { onTheJob, both } = rules.apprenticeship;
  const trained = typicalCategory(to.onTheJob) ?? 0;
  const onSite = typicalCategory(to.onSite) ?? 0;
  if (
    !sameBroadGroup &&
    (needed ?? 0) < rules.bachelorsEducation &&
    (trained >= onTheJob || (trained >= both && onSite >= both))
  )
    return {
      kind: 'apprenticeship',
      requirement:
        trained >= onTheJob
          ? `An apprenticeship or long training programme: the typical ${target.title} had ${shortLabel(reference.categories.onTheJob[trained - 1]).toLowerCase()} of on-the-job training (O*NET 30.1).`
          : `A long training programme: the typical ${target.title} had more than a year of on-site training and more than a year of on-the-job training (O*NET 30.1).`,
    };
  const { areas, gap, fromJobZone } = rules.study;
  const field =
    sameBroadGroup || (to.jobZone ?? 0) < fromJobZone
      ? undefined
      : core?.knowledge.slice(0, areas).find((i) => {
          const importance = to.knowledge?.importance[i];
          const level = to.knowledge?.level[i];
          const have = originProfile.knowledge?.level[i];
          return importance != null && level != null && have != null && ((importance - 1) / 4) * (level - have) >= gap;
        });
  if (field !== undefined)
    return {
      kind: 'study',
      requirement: `Study of ${reference.knowledge[field]?.name}: ${target.title} rely on it more than most jobs do, at level ${to.knowledge?.level[field]} of 7 where ${origin.title} are at ${originProfile.knowledge?.level[field]} (O*NET 30.1).`,
    };
  return undefined;
}

/**
 * One sentence on why the move fits: the knowledge areas both jobs rely on (importance "Important" or more in
 * both), those both need more of than most jobs first; failing that, the skills; and the exposure drop, or for a
 * lateral move, that it is as little exposed.
 */
function whyOf(
  basis: Basis,
  target: OccupationData,
  exposureGap: number | undefined,
  lateral: boolean,
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
  const drop = lateral
    ? ', and like yours it is among the fifth of occupations least exposed to AI'
    : exposureGap !== undefined && exposureGap < 0
      ? `, and it ranks ${Math.abs(exposureGap)} percentile points lower for AI exposure`
      : '';
  return `${base}${drop}.`;
}

const list = (names: string[]) =>
  names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '');
const round1 = (n: number) => Math.round(n * 10) / 10;
const round3 = (n: number) => Math.round(n * 1000) / 1000;
