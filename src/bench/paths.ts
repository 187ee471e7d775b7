// Paths benchmark (`npm run bench -- paths`): how long the O*NET profiles and the reskilling model take, the
// thresholds the data gives, how many occupations get moves, and how plausible the moves are, by two measures:
// the share of moves that stay within the origin's SOC major group (a grouping the model never sees), and the
// hand-labelled set in paths-labels.ts (written before the model was built, never used to tune it).
import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { loadDatasets } from '../catalog/datasets/load.js';
import { readOnetProfiles } from '../catalog/datasets/onet-profiles.js';
import type { OccupationData, OnetProfile, OnetReference } from '../catalog/datasets/types.js';
import { dataDirFromEnv, projectRoot } from '../catalog/paths.js';
import { consensusOf } from '../engine/consensus.js';
import { TRANSITION_RULES, gateOf, reskillingModel, type ReskillingModel } from '../engine/reskilling.js';
import { FACET_WEIGHTS } from '../engine/similarity.js';
import { taskProxy } from '../engine/task-proxy.js';
import { LABELLED_MOVES, type MoveLabel } from './paths-labels.js';
import type { BenchRow } from './table.js';

export const PATHS_TARGETS = {
  /** Share of occupations with a profile that have at least 3 viable moves (issue 11). */
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
  const viableCounts = withProfile.map((o) => viableMoves(o, model, reference));
  const shown = withProfile.map((o) => paths.get(o)?.moves.length ?? 0);
  const share = (n: number, of: number) => `${((100 * n) / of).toFixed(1)} %`;
  const coverage = viableCounts.filter((n) => n >= 3).length / withProfile.length;
  const shownCoverage = shown.filter((n) => n >= 3).length / withProfile.length;

  // Why some get fewer than 3 shown moves.
  let leastExposed = 0;
  let noSaferNeighbours = 0;
  let payOrGates = 0;
  const exposures = pool.map((o) => consensusOf(o.measures)?.percentile).filter((p): p is number => p !== undefined);
  for (const o of withProfile) {
    const p = paths.get(o);
    if (!p?.counts || p.moves.length >= 3) continue;
    const own = consensusOf(o.measures)?.percentile ?? 0;
    const safer = exposures.filter((e) => e <= own - TRANSITION_RULES.minExposureDrop).length;
    if (safer < exposures.length * 0.1) leastExposed++;
    else if (p.counts.safer < 3) noSaferNeighbours++;
    else payOrGates++;
  }

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

  const labels = judgeLabels(model, pool, reference);
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
      metric: 'coverage: ≥ 3 viable moves (similar, Job Zone ±1, no gate)',
      value: share(coverage * withProfile.length, withProfile.length),
      target: `≥ ${PATHS_TARGETS.coverage * 100} %`,
      pass: coverage >= PATHS_TARGETS.coverage,
    },
    {
      group,
      metric: 'coverage: ≥ 3 moves shown (also safer and desirable)',
      value: `${share(shownCoverage * withProfile.length, withProfile.length)}; of the rest: ${leastExposed} already among the least exposed, ${noSaferNeighbours} with < 3 viable moves ${TRANSITION_RULES.minExposureDrop} points safer, ${payOrGates} lose them to pay or gates`,
    },
    {
      group,
      metric: 'moves shown / long-range options',
      value: `${moves.length} / ${longRange} (median ${median(shown)} moves per occupation)`,
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
    {
      group,
      metric: 'labelled set: absurd moves never proposed',
      value: `${labels.absurd.ok} of ${labels.absurd.n}${labels.absurd.misses.length ? ` (proposed: ${labels.absurd.misses.join('; ')})` : ''}`,
      target: '100 %',
      pass: labels.absurd.ok / labels.absurd.n >= PATHS_TARGETS.absurdAvoided,
    },
    {
      group,
      metric: 'labelled set: long-range moves never plain',
      value: `${labels['long-range'].ok} of ${labels['long-range'].n}${labels['long-range'].misses.length ? ` (plain: ${labels['long-range'].misses.join('; ')})` : ''}`,
      target: '100 %',
      pass: labels['long-range'].ok / labels['long-range'].n >= PATHS_TARGETS.longRangeNeverPlain,
    },
    {
      group,
      metric: 'labelled set: sensible moves viable',
      value: `${labels.sensible.ok} of ${labels.sensible.n} (${share(labels.sensible.ok, labels.sensible.n)})`,
      target: `≥ ${PATHS_TARGETS.sensibleViable * 100} %`,
      pass: labels.sensible.ok / labels.sensible.n >= PATHS_TARGETS.sensibleViable,
    },
    {
      group,
      metric: 'proxy check: knowledge similarity to the task-nearest occupation',
      value: `median ${proxyCheck.median.toFixed(2)} over ${proxyCheck.n} rated occupations (same minor group, mean: ${proxyCheck.minorGroupMean.toFixed(2)})`,
    },
  ];
  return { rows, review: reviewTable(paths, pool) };
}

/** Moves that pass viability (similarity, Job Zone step) and no gate, whatever their exposure and pay. */
function viableMoves(origin: OccupationData, model: ReskillingModel, reference: OnetReference): number {
  const basis = model.proxyOf(origin)?.occupation ?? origin;
  const from = basis.profile as OnetProfile;
  const zone = origin.profile?.jobZone ?? from.jobZone;
  let n = 0;
  for (const target of model.similarity.rated) {
    if (target === origin || target === basis || /, all other$/i.test(target.title)) continue;
    const to = target.profile as OnetProfile;
    if (zone === undefined || to.jobZone === undefined || Math.abs(to.jobZone - zone) > TRANSITION_RULES.maxJobZoneStep)
      continue;
    const s = model.similarity.combinedBetween(from, to);
    if (s === null || s < model.thresholds.viable) continue;
    if (!gateOf(origin.soc, from, target, reference)) n++;
  }
  return n;
}

/** The labelled set, judged on viability and gates alone (safety and pay are not plausibility). */
function judgeLabels(model: ReskillingModel, pool: OccupationData[], reference: OnetReference) {
  const bySoc = new Map(pool.map((o) => [o.soc, o]));
  const out: Record<MoveLabel, { n: number; ok: number; misses: string[] }> = {
    sensible: { n: 0, ok: 0, misses: [] },
    'long-range': { n: 0, ok: 0, misses: [] },
    absurd: { n: 0, ok: 0, misses: [] },
  };
  for (const { from, to, label } of LABELLED_MOVES) {
    const origin = bySoc.get(from);
    const target = bySoc.get(to);
    if (!origin || !target?.profile) continue;
    const basis = model.proxyOf(origin)?.occupation ?? origin;
    const profile = basis.profile;
    if (!profile?.skills) continue;
    const zone = origin.profile?.jobZone ?? profile.jobZone;
    const s = model.similarity.combinedBetween(profile, target.profile);
    const viable =
      s !== null &&
      s >= model.thresholds.viable &&
      zone !== undefined &&
      target.profile.jobZone !== undefined &&
      Math.abs(target.profile.jobZone - zone) <= TRANSITION_RULES.maxJobZoneStep;
    const gated = Boolean(gateOf(origin.soc, profile, target, reference));
    const tally = out[label];
    tally.n++;
    const ok = label === 'sensible' ? viable && !gated : label === 'long-range' ? !viable || gated : !viable;
    if (ok) tally.ok++;
    else tally.misses.push(`${origin.title} → ${target.title}`);
  }
  return out;
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
          `${t.title} (${t.exposureGap}, ${t.payGap !== undefined ? `${t.payGap >= 0 ? '+' : '−'}$${Math.abs(t.payGap).toLocaleString('en-US')}` : '?'}, ${t.pay?.period ?? ''})`,
      )
      .join('; ');
    const long = p.longRange[0] ? `${p.longRange[0].title} (${p.longRange[0].gate?.kind})` : '—';
    lines.push(
      `| ${o.title}${p.proxy ? ` (via ${p.proxy.occupation.title})` : ''} | ${moves || `none (${p.counts?.viable ?? 0} viable, ${p.counts?.safer ?? 0} safer, ${p.counts?.desirable ?? 0} desirable)`} | ${long} |`,
    );
  }
  return lines.join('\n');
}

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? (s[Math.floor(s.length / 2)] as number) : NaN;
};
const ms = (n: number) => `${Math.round(n)} ms`;
