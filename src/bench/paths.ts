// Paths benchmark (`npm run bench -- paths`): how long the O*NET profiles and the reskilling model take, the
// thresholds the data gives, how many occupations get moves (and why the others do not), and how plausible the
// moves are: the share of moves anchored in shared knowledge or staying within the origin's SOC major group (a
// grouping the model never sees), and two hand-labelled sets: paths-labels.ts (written before the first round's
// model, then looked at while it was built) and paths-heldout.ts (written before the second round's tuning and
// never looked at while tuning).
import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { loadDatasets } from '../catalog/datasets/load.js';
import { readOnetProfiles } from '../catalog/datasets/onet-profiles.js';
import type { Gate } from '../answers/types.js';
import type { OccupationData, OnetProfile } from '../catalog/datasets/types.js';
import { dataDirFromEnv, projectRoot } from '../catalog/paths.js';
import { consensusOf } from '../engine/consensus.js';
import { TRANSITION_RULES, reskillingModel, type ReskillingModel } from '../engine/reskilling.js';
import { FACET_WEIGHTS } from '../engine/similarity.js';
import { taskProxy } from '../engine/task-proxy.js';
import { HELD_OUT_MOVES } from './paths-heldout.js';
import { LABELLED_MOVES, type LabelledMove, type MoveLabel } from './paths-labels.js';
import type { BenchRow } from './table.js';

export const PATHS_TARGETS = {
  /** Share of the occupations that can have a safer move (see README) whose path shows at least 3 (issue 11). */
  coverage: 0.9,
  /** Hand-labelled set, targets set with the labels, before any result was seen. */
  absurdAvoided: 1,
  longRangeNeverPlain: 1,
  sensibleViable: 0.75,
} as const;

/** Twenty origins from across the economy, for the README's hand-checked table (SOC major groups 11 to 53). */
export const REVIEW_ORIGINS = [
  '11-1021',
  '13-2011',
  '15-1252',
  '17-2051',
  '19-2031',
  '23-2011',
  '25-2021',
  '27-1024',
  '29-1141',
  '29-2072',
  '31-9092',
  '33-3051',
  '35-2014',
  '41-2011',
  '43-3031',
  '43-4051',
  '47-2111',
  '49-3023',
  '51-4041',
  '53-3032',
] as const;

export async function runPathsBench(): Promise<{ rows: BenchRow[]; review: string }> {
  const dir =
    dataDirFromEnv() ??
    (existsSync(resolve(projectRoot, '../shared/datasets')) ? resolve(projectRoot, '../shared/datasets') : null);
  const group = 'paths';
  if (!dir) return { rows: [{ group, metric: 'datasets', value: 'not loaded: set AIRISK_DATA_DIR' }], review: '' };

  // Cold parse of the O*NET files in this process, then the whole load (which parses them again).
  const t0 = performance.now();
  const profiles = readOnetProfiles(dir);
  const t1 = performance.now();
  const datasets = loadDatasets(dir);
  const reference = datasets.onet;
  if (!reference) throw new Error('no O*NET reference');
  const pool = [...datasets.occupations.values()];
  const t2 = performance.now();
  const model = reskillingModel(pool, reference);
  const t3 = performance.now();
  const paths = new Map(pool.map((o) => [o, model.pathFrom(o, 6)]));
  const t4 = performance.now();

  const withProfile = pool.filter((o) => paths.get(o)?.counts);
  const rated = pool.filter((o) => o.profile?.skills && o.profile.knowledge);
  const proxied = pool.filter((o) => paths.get(o)?.proxy);
  const { thresholds } = model;
  const share = (n: number, of: number) => `${((100 * n) / (of || 1)).toFixed(1)} %`;
  const shownOf = (o: OccupationData) => paths.get(o)?.moves.length ?? 0;
  const viableCounts = withProfile.map((o) => viablePlainMoves(o, model));
  const viableCoverage = viableCounts.filter((n) => n >= 3).length;

  // Coverage, by what each occupation can have. Already among the least exposed: lateral moves. The others can
  // have a safer move when at least three viable occupations are safer by the margin, whatever pay and gates.
  const leastExposed = withProfile.filter((o) => paths.get(o)?.leastExposed);
  const others = withProfile.filter((o) => !paths.get(o)?.leastExposed && consensusOf(o.measures));
  const unranked = withProfile.length - leastExposed.length - others.length;
  const canHaveSafer = others.filter((o) => (paths.get(o)?.counts?.safer ?? 0) >= 3);
  const covered = canHaveSafer.filter((o) => shownOf(o) >= 3).length;
  const coveredOthers = others.filter((o) => shownOf(o) >= 3).length;
  const coveredLeast = leastExposed.filter((o) => shownOf(o) >= 3).length;
  const withLongRange = others.filter((o) => shownOf(o) + (paths.get(o)?.longRange.length ?? 0) >= 3).length;
  const reasons = belowThree(others, paths);

  const moves = withProfile.flatMap((o) => (paths.get(o)?.moves ?? []).map((t) => ({ o, t })));
  const sameMajor = moves.filter(({ o, t }) => t.soc?.slice(0, 2) === o.soc.slice(0, 2)).length;
  // For comparison: the five most alike occupations, whatever the rules (safer moves must leave the origin's
  // equally exposed neighbours, so fewer stay in its major group).
  let nearest = 0;
  let nearestSameMajor = 0;
  for (const o of withProfile) {
    const basis = (model.proxyOf(o)?.occupation ?? o).profile as OnetProfile;
    const top = model.similarity.rated
      .filter((t) => t !== o && t.soc !== o.soc)
      .map((t) => ({ t, s: model.similarity.combinedBetween(basis, t.profile as OnetProfile) ?? -Infinity }))
      .sort((a, b) => b.s - a.s)
      .slice(0, 5);
    nearest += top.length;
    nearestSameMajor += top.filter(({ t }) => t.soc.slice(0, 2) === o.soc.slice(0, 2)).length;
  }
  // Anchored in what the person knows: the move's reason names knowledge areas both rely on more than most jobs.
  const anchored = moves.filter(({ t }) => /^Both rely on (?!the skills)/.test(t.why)).length;
  const longRange = withProfile.reduce((n, o) => n + (paths.get(o)?.longRange.length ?? 0), 0);
  const lateral = moves.filter(({ t }) => t.lateral).length;

  const firstSet = judgeLabels(LABELLED_MOVES, model, pool);
  const heldOut = judgeLabels(HELD_OUT_MOVES, model, pool);
  const proxyCheck = proxyValidation(model, pool);

  const rows: BenchRow[] = [
    {
      group,
      metric: 'O*NET 30.1 profiles: parse (cold, this process)',
      value: `${ms(t1 - t0)} (${profiles.ratedOccupations} rated O*NET-SOC occupations, ${profiles.bySoc.size} SOCs)`,
    },
    { group, metric: 'datasets load with profiles (warm files)', value: ms(t2 - t1) },
    { group, metric: 'reskilling model build (first path)', value: ms(t3 - t2) },
    {
      group,
      metric: `paths for all ${pool.length} occupations`,
      value: `${ms(t4 - t3)} (${((t4 - t3) / pool.length).toFixed(2)} ms each)`,
    },
    {
      group,
      metric: 'occupations with a profile',
      value: `${withProfile.length} of ${pool.length} (${rated.length} rated by O*NET, ${proxied.length} through a proxy)`,
    },
    {
      group,
      metric: 'facet weights',
      value: Object.entries(FACET_WEIGHTS)
        .map(([f, w]) => `${f} ${w}`)
        .join(', '),
    },
    {
      group,
      metric: 'viable threshold (SOC minor groups)',
      value: `${thresholds.viable.toFixed(2)} = mean ${thresholds.minorGroups.mean.toFixed(2)} − sd ${thresholds.minorGroups.sd.toFixed(2)} over ${thresholds.minorGroups.groups} groups; more alike than ${share(model.similarity.shareBelow(thresholds.viable) * 1000, 1000)} of pairs`,
    },
    {
      group,
      metric: 'highly viable threshold (SOC broad groups)',
      value: `${thresholds.highlyViable.toFixed(2)} = mean ${thresholds.broadGroups.mean.toFixed(2)} − sd ${thresholds.broadGroups.sd.toFixed(2)} over ${thresholds.broadGroups.groups} groups; more alike than ${share(model.similarity.shareBelow(thresholds.highlyViable) * 1000, 1000)} of pairs`,
    },
    {
      group,
      metric: 'task floor (SOC minor groups; broad groups for a one-area match)',
      value: `${thresholds.tasks.floor.toFixed(3)} (${thresholds.tasks.broadFloor.toFixed(3)}): the task similarity ${Math.round(thresholds.tasks.quantile * 100)} % of ${thresholds.tasks.pairs} pairs inside one minor group (${thresholds.tasks.broadPairs} inside one broad group) stay below`,
    },
    {
      group,
      metric: 'knowledge floor between two degree occupations (SOC broad groups)',
      value: `${thresholds.degreeKnowledge.floor.toFixed(3)}: the knowledge similarity ${Math.round(thresholds.degreeKnowledge.quantile * 100)} % of ${thresholds.degreeKnowledge.pairs} pairs of degree occupations inside one broad group stay below`,
    },
    {
      group,
      metric: '≥ 3 viable moves with no gate (any exposure and pay)',
      value: share(viableCoverage, withProfile.length),
    },
    {
      group,
      metric: `coverage: ≥ 3 safer moves shown, of the ${canHaveSafer.length} that can have one`,
      value: `${share(covered, canHaveSafer.length)} (${covered})`,
      target: `≥ ${PATHS_TARGETS.coverage * 100} %`,
      pass: covered / (canHaveSafer.length || 1) >= PATHS_TARGETS.coverage,
    },
    {
      group,
      metric: `coverage: ≥ 3 safer moves shown, of all ${others.length} not among the least exposed`,
      value: `${share(coveredOthers, others.length)}; with long-range options counted: ${share(withLongRange, others.length)}`,
    },
    {
      group,
      metric: `fewer than 3 safer moves shown (${others.length - coveredOthers}), by reason`,
      value: reasons,
    },
    {
      group,
      metric: `already among the least exposed (${leastExposed.length}): ≥ 3 lateral moves shown`,
      value: `${share(coveredLeast, leastExposed.length)} (${coveredLeast})${unranked ? `; ${unranked} more have no exposure rank` : ''}`,
    },
    {
      group,
      metric: 'moves shown / lateral among them / long-range options',
      value: `${moves.length} / ${lateral} / ${longRange} (median ${median(withProfile.map(shownOf))} moves per occupation)`,
    },
    {
      group,
      metric: 'plausibility: moves anchored in shared knowledge areas',
      value: share(anchored, moves.length),
    },
    {
      group,
      metric: 'plausibility: moves within the SOC major group',
      value: `${share(sameMajor, moves.length)} (the 5 most alike, before the safer and pay rules: ${share(nearestSameMajor, nearest)})`,
    },
    ...labelRows('first labelled set (looked at)', firstSet),
    ...labelRows('held-out labelled set', heldOut),
    {
      group,
      metric: 'proxy check: knowledge similarity to the task-nearest occupation',
      value: `median ${proxyCheck.median.toFixed(2)} over ${proxyCheck.n} rated occupations (same minor group, mean: ${proxyCheck.minorGroupMean.toFixed(2)})`,
    },
  ];
  return { rows, review: reviewTable(paths, pool) };
}

/** Why the occupations not among the least exposed have fewer than three safer moves: the first rule that leaves
 *  fewer than three, and for those that lose them to gates, the candidate moves each gate held back. */
function belowThree(
  origins: OccupationData[],
  paths: Map<OccupationData, ReturnType<ReskillingModel['pathFrom']>>,
): string {
  let noSafer = 0;
  let pay = 0;
  let gates = 0;
  const byGate: Partial<Record<Gate['kind'], number>> = {};
  for (const o of origins) {
    const p = paths.get(o);
    if (!p?.counts || p.moves.length >= 3) continue;
    if (p.counts.safer < 3) noSafer++;
    else if (p.counts.desirable < 3) pay++;
    else {
      gates++;
      for (const [kind, n] of Object.entries(p.counts.gates) as [Gate['kind'], number][])
        byGate[kind] = (byGate[kind] ?? 0) + n;
    }
  }
  const kinds = Object.entries(byGate)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  return `${noSafer} have fewer than 3 viable moves ${TRANSITION_RULES.minExposureDrop} points safer; ${pay} lose them to pay (under ${TRANSITION_RULES.minPayRatio * 100} %, or a lower Job Zone for less); ${gates} to gates (candidate moves held back: ${kinds || 'none'})`;
}

/** Moves that pass viability (similarity, task overlap, Job Zone step) and no gate, whatever exposure and pay. */
function viablePlainMoves(origin: OccupationData, model: ReskillingModel): number {
  const basis = model.proxyOf(origin)?.occupation ?? origin;
  let n = 0;
  for (const target of model.similarity.rated) {
    if (target === origin || target === basis || /, all other$/i.test(target.title)) continue;
    if (!model.isViableMove(origin, target)) continue;
    if (!model.gateOf(origin, target)) n++;
  }
  return n;
}

type LabelTally = Record<MoveLabel, { n: number; ok: number; misses: string[] }>;

/** A labelled set, judged on viability and gates alone (safety and pay are not plausibility). */
function judgeLabels(set: readonly LabelledMove[], model: ReskillingModel, pool: OccupationData[]): LabelTally {
  const bySoc = new Map(pool.map((o) => [o.soc, o]));
  const out: LabelTally = {
    sensible: { n: 0, ok: 0, misses: [] },
    'long-range': { n: 0, ok: 0, misses: [] },
    absurd: { n: 0, ok: 0, misses: [] },
  };
  for (const { from, to, label } of set) {
    const origin = bySoc.get(from);
    const target = bySoc.get(to);
    if (!origin || !target?.profile) continue;
    const basis = model.proxyOf(origin)?.occupation ?? origin;
    if (!basis.profile?.skills) continue;
    const viable = model.isViableMove(origin, target);
    const gated = Boolean(model.gateOf(origin, target));
    const tally = out[label];
    tally.n++;
    const ok = label === 'sensible' ? viable && !gated : label === 'long-range' ? !viable || gated : !viable;
    if (ok) tally.ok++;
    else tally.misses.push(`${origin.title} → ${target.title}`);
  }
  return out;
}

function labelRows(name: string, labels: LabelTally): BenchRow[] {
  const group = 'paths';
  const { absurd, sensible } = labels;
  const longRange = labels['long-range'];
  return [
    {
      group,
      metric: `${name}: absurd moves never proposed`,
      value: `${absurd.ok} of ${absurd.n}${absurd.misses.length ? ` (proposed: ${absurd.misses.join('; ')})` : ''}`,
      target: '100 %',
      pass: absurd.ok / (absurd.n || 1) >= PATHS_TARGETS.absurdAvoided,
    },
    {
      group,
      metric: `${name}: long-range moves never plain`,
      value: `${longRange.ok} of ${longRange.n}${longRange.misses.length ? ` (plain: ${longRange.misses.join('; ')})` : ''}`,
      target: '100 %',
      pass: longRange.ok / (longRange.n || 1) >= PATHS_TARGETS.longRangeNeverPlain,
    },
    {
      group,
      metric: `${name}: sensible moves viable and plain`,
      value: `${sensible.ok} of ${sensible.n} (${((100 * sensible.ok) / (sensible.n || 1)).toFixed(1)} %)${sensible.misses.length ? `; not: ${sensible.misses.join('; ')}` : ''}`,
      target: `≥ ${PATHS_TARGETS.sensibleViable * 100} %`,
      pass: sensible.ok / (sensible.n || 1) >= PATHS_TARGETS.sensibleViable,
    },
  ];
}

/** For rated occupations, how alike (knowledge) their task-nearest rated occupation in the same Job Zone is: what
 *  a proxy gives an unrated one, measured where the answer is known. */
function proxyValidation(model: ReskillingModel, pool: OccupationData[]) {
  const knowledge: number[] = [];
  for (const o of model.similarity.rated) {
    const proxy = taskProxy(o, model.similarity.rated, pool);
    if (!proxy) continue;
    const k = model.similarity.between(o.profile as OnetProfile, proxy.occupation.profile as OnetProfile)?.facets
      .knowledge;
    if (k !== undefined) knowledge.push(k);
  }
  const groups = new Map<string, OccupationData[]>();
  for (const o of model.similarity.rated) {
    const key = o.soc.slice(0, 4);
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  const within: number[] = [];
  for (const members of groups.values())
    for (let i = 0; i < members.length; i++)
      for (let j = i + 1; j < members.length; j++) {
        const k = model.similarity.between(members[i]?.profile as OnetProfile, members[j]?.profile as OnetProfile)
          ?.facets.knowledge;
        if (k !== undefined) within.push(k);
      }
  return {
    n: knowledge.length,
    median: median(knowledge),
    minorGroupMean: within.reduce((s, v) => s + v, 0) / (within.length || 1),
  };
}

/** The twenty origins' top three moves and first long-range option, as a Markdown table for the README. */
function reviewTable(
  paths: Map<OccupationData, ReturnType<ReskillingModel['pathFrom']>>,
  pool: OccupationData[],
): string {
  const bySoc = new Map(pool.map((o) => [o.soc, o]));
  const lines = ['| from | top moves (exposure gap, pay gap, year) | long-range option |', '|---|---|---|'];
  for (const soc of REVIEW_ORIGINS) {
    const o = bySoc.get(soc);
    const p = o ? paths.get(o) : undefined;
    if (!o || !p) continue;
    const moves = p.moves
      .slice(0, 3)
      .map(
        (t) =>
          `${t.title} (${t.lateral ? 'lateral, ' : ''}${t.exposureGap}, ${t.payGap !== undefined ? `${t.payGap >= 0 ? '+' : '−'}$${Math.abs(t.payGap).toLocaleString('en-US')}` : '?'}, ${t.pay?.period ?? ''})`,
      )
      .join('; ');
    const long = p.longRange[0] ? `${p.longRange[0].title} (${p.longRange[0].gate?.kind})` : '—';
    lines.push(
      `| ${o.title}${p.proxy ? ` (via ${p.proxy.occupation.title})` : ''} | ${moves || `none (${p.counts?.viable ?? 0} viable, ${p.counts?.safer ?? 0} ${p.leastExposed ? 'no more exposed' : 'safer'}, ${p.counts?.desirable ?? 0} desirable, ${p.counts?.gated ?? 0} gated)`} | ${long} |`,
    );
  }
  return lines.join('\n');
}

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? (s[Math.floor(s.length / 2)] as number) : NaN;
};
const ms = (n: number) => `${Math.round(n)} ms`;
