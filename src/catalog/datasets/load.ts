// Reads the public datasets under AIRISK_DATA_DIR and joins them per 6-digit SOC occupation. Any file
// that is missing, lacks a column, has a malformed row or is cut off stops the load with a DatasetError
// naming the file and line: a partial join would answer with numbers silently missing.
//
// Which occupations: every SOC that at least one exposure source rates (GPTs are GPTs, Working with AI), and
// every SOC of O*NET 30.1, so that a title O*NET gives for an occupation no source rates ("Surgeons, All
// Other", the military) answers for that occupation with a card that says it is not rated, rather than for
// a rated neighbour. Pay, outlook, skills and projections only enrich those; what they could not join is
// counted in `note`.
import { statSync } from 'node:fs';
import type { FigureLine, Measure, TaskLine } from '../../answers/types.js';
import { formatFigure } from '../../answers/format.js';
import { GROUP_LABEL } from './group-figures.js';
import { titleKey } from './ids.js';
import { readEloundouExposure, readEloundouTasks, type EloundouExposure } from './eloundou.js';
import { readMicrosoftApplicability, type ApplicabilityScore } from './microsoft.js';
import { OEWS_TOP_CODE, oewsFor, readOews, type OewsEntry } from './oews.js';
import { indexOoh, readOoh, type OohEntry } from './ooh.js';
import { readOnetProfiles, type OnetProfiles } from './onet-profiles.js';
import { readOnetTitles, type OnetTitles } from './onet-titles.js';
import { percentileRanks } from './ranks.js';
import { readProjections, type Projection } from './projections.js';
import { DATASET_SOURCES, HEALTH_RECORD_WORK, MICROSOFT_CAVEAT, MICROSOFT_HEALTH_RECORDS_CAVEAT } from './sources.js';
import { DatasetError } from './table.js';
import type { AnnualPay, Datasets, DatasetSource, OccupationData, OccupationTitle } from './types.js';

export { DatasetError } from './table.js';
export { percentileRanks } from './ranks.js';

export const NO_DATA_NOTE =
  'No public datasets loaded (none fetched, AIRISK_DATA_DIR unset): answering from curated knowledge only.';

export function loadDatasets(dir: string | null): Datasets {
  if (dir === null)
    return { dir: null, occupations: new Map(), sources: new Map(), onet: null, titles: [], note: NO_DATA_NOTE };
  let isFolder = false;
  try {
    isFolder = statSync(dir).isDirectory();
  } catch {
    // reported just below
  }
  if (!isFolder) throw new DatasetError(dir, null, 'not found or not a folder (check AIRISK_DATA_DIR)', 'folder');

  const input: Inputs = {
    exposure: readEloundouExposure(dir),
    tasks: readEloundouTasks(dir),
    onetProfiles: readOnetProfiles(dir),
    projections: readProjections(dir),
    microsoft: readMicrosoftApplicability(dir),
    ooh: readOoh(dir),
    oews: readOews(dir),
    onetTitles: readOnetTitles(dir),
  };
  const { occupations, unjoined } = join(input);
  const sources = new Map<string, DatasetSource>(Object.values(DATASET_SOURCES).map((s) => [s.id, s]));
  const titles = titlesOf(input.onetTitles);
  return {
    dir,
    occupations,
    sources,
    onet: input.onetProfiles.reference,
    titles,
    note: noteOf(dir, occupations, input, unjoined, titles),
  };
}

/** Every O*NET title as a name of its 6-digit SOC: occupation titles, alternate titles, their short forms, reported
 *  titles. */
function titlesOf(onet: OnetTitles): OccupationTitle[] {
  const out: OccupationTitle[] = [];
  for (const [code, title] of onet.occupations) {
    const description = onet.descriptions.get(code);
    out.push({
      soc: code.slice(0, 7),
      code,
      title,
      source: 'onet-occupation',
      sources: 1,
      ...(description ? { description } : {}),
    });
  }
  for (const a of onet.alternate) {
    const soc = a.code.slice(0, 7);
    out.push({
      soc,
      code: a.code,
      title: a.title,
      source: 'onet-alternate',
      sources: a.sources,
      ...(a.short ? { short: a.short } : {}),
    });
    if (a.short) out.push({ soc, code: a.code, title: a.short, source: 'onet-short', of: a.title, sources: a.sources });
  }
  for (const r of onet.reported)
    out.push({ soc: r.code.slice(0, 7), code: r.code, title: r.title, source: 'onet-reported', sources: 1 });
  return out;
}

interface Inputs {
  exposure: Map<string, EloundouExposure>;
  tasks: Map<string, TaskLine[]>;
  onetProfiles: OnetProfiles;
  projections: Map<string, Projection>;
  microsoft: Map<string, ApplicabilityScore>;
  ooh: OohEntry[];
  oews: Map<string, OewsEntry>;
  onetTitles: OnetTitles;
}

interface Unjoined {
  ooh: number;
  projections: number;
}

function join(input: Inputs): { occupations: Map<string, OccupationData>; unjoined: Unjoined } {
  const onetBySoc = new Map<string, { code: string; title: string }[]>();
  for (const [code, title] of input.onetTitles.occupations) {
    const list = onetBySoc.get(code.slice(0, 7));
    if (list) list.push({ code, title });
    else onetBySoc.set(code.slice(0, 7), [{ code, title }]);
  }
  const socs = [...new Set([...input.exposure.keys(), ...input.microsoft.keys(), ...onetBySoc.keys()])].sort();
  const titles = new Map(socs.map((soc) => [soc, socTitle(soc, input, onetBySoc.get(soc) ?? [])]));

  // Titles that name each SOC, for the files keyed by title: its own title, its O*NET titles, its OEWS title.
  const socByTitle = new Map<string, string>();
  const addTitle = (title: string, soc: string) => {
    const key = titleKey(title);
    if (!socByTitle.has(key)) socByTitle.set(key, soc);
  };
  for (const soc of socs) addTitle(titles.get(soc) as string, soc);
  for (const soc of socs)
    for (const o of input.exposure.get(soc)?.onet ?? onetBySoc.get(soc) ?? []) addTitle(o.title, soc);
  for (const soc of socs) {
    const own = input.oews.get(soc);
    if (own?.group === 'detailed') addTitle(own.title, soc);
  }

  const projectionBySoc = new Map<string, Projection>();
  let projectionsJoined = 0;
  for (const p of input.projections.values()) {
    const soc = socByTitle.get(titleKey(p.title));
    if (soc && !projectionBySoc.has(soc)) {
      projectionBySoc.set(soc, p);
      projectionsJoined++;
    }
  }

  const oohOf = indexOoh(input.ooh);
  const oohByTitle = groupByTitle(
    input.ooh.filter((e) => !e.soc),
    (e) => e.title,
    socByTitle,
  );
  const oohUsed = new Set<OohEntry>();

  const rank = {
    gpt4: percentileRanks([...input.exposure.values()].map((e) => round3(e.gpt4))),
    human: percentileRanks([...input.exposure.values()].map((e) => round3(e.human))),
    microsoft: percentileRanks([...input.microsoft.values()].map((m) => round3(m.score))),
  };

  const occupations = new Map<string, OccupationData>();
  for (const soc of socs) {
    const exposure = input.exposure.get(soc);
    const applicability = input.microsoft.get(soc);
    const lacks: string[] = [];
    const measures: Measure[] = [];
    if (exposure) {
      const folded =
        exposure.onet.length > 1 ? `Mean of the ${exposure.onet.length} O*NET-SOC occupations in this SOC.` : undefined;
      measures.push(measureOf(DATASET_SOURCES.eloundouGpt4, round3(exposure.gpt4), rank.gpt4, folded));
      measures.push(measureOf(DATASET_SOURCES.eloundouHuman, round3(exposure.human), rank.human, folded));
    } else lacks.push('Not rated in GPTs are GPTs (no O*NET-SOC occupation for this SOC there).');
    const tasks = input.tasks.get(soc) ?? [];
    // Working with AI scores some SOCs only as their 2018 broad group (13-1020 for 13-1021…13-1023): use it, labelled.
    const groupScore = applicability ? undefined : input.microsoft.get(`${soc.slice(0, 6)}0`);
    const scored = applicability ?? groupScore;
    if (scored) {
      const value = round3(scored.score);
      const caveat = microsoftCaveat(tasks, rank.microsoft(value));
      const note = groupScore
        ? `Score for the group "${groupScore.title}" (${groupScore.soc}), which includes this occupation. ${caveat}`
        : caveat;
      measures.push(measureOf(DATASET_SOURCES.microsoft, value, rank.microsoft, note));
    } else lacks.push('Not rated in Working with AI (its data has no score for this SOC or its group).');

    if (exposure && tasks.length === 0) lacks.push('No task statements for this SOC in GPTs are GPTs.');

    const oohHit =
      oohOf(soc) ?? (oohByTitle.get(soc)?.[0] ? { entry: oohByTitle.get(soc)?.[0] as OohEntry, group: false } : null);
    if (oohHit) oohUsed.add(oohHit.entry);
    const figures = figuresOf(soc, oohHit, oewsFor(input.oews, soc), projectionBySoc.get(soc), lacks);

    const data: OccupationData = {
      soc,
      title: titles.get(soc) as string,
      onet: exposure?.onet ?? onetBySoc.get(soc) ?? [],
      measures,
      tasks,
      pay: figures.pay,
      employment: figures.employment,
      outlook: figures.outlook,
      annualPay: figures.annualPay,
    };
    if (figures.medianPay !== undefined) data.medianPay = figures.medianPay;
    const profile = input.onetProfiles.profileOf(soc);
    if (profile) data.profile = profile;
    if (oohHit) {
      const e = oohHit.entry;
      data.ooh = {
        url: e.url,
        category: e.category,
        title: e.title,
        ...(e.entryEducation ? { entryEducation: e.entryEducation } : {}),
      };
    }
    if (lacks.length) data.lacks = lacks;
    const prior = employmentPrior(soc, oohHit, input.oews, socs);
    if (prior) data.employmentPrior = prior;
    occupations.set(soc, data);
  }

  return {
    occupations,
    unjoined: {
      ooh: input.ooh.length - oohUsed.size,
      projections: input.projections.size - projectionsJoined,
    },
  };
}

/**
 * How many people hold the job, for ranking the occupations a title can mean: the Handbook's 2024 jobs when it
 * has a page for this very occupation (it counts the self-employed, which OEWS leaves out: farmers, many
 * trades), else the OEWS May 2021 employment of the occupation, else its broad group's shared evenly among the
 * group's occupations here.
 */
function employmentPrior(
  soc: string,
  ooh: { entry: OohEntry; group: boolean } | null,
  oews: Map<string, OewsEntry>,
  socs: string[],
): OccupationData['employmentPrior'] | undefined {
  if (ooh && !ooh.group && ooh.entry.jobs2024 != null) return { workers: ooh.entry.jobs2024, basis: 'ooh-2024' };
  const found = oewsFor(oews, soc);
  if (found?.entry.employment.kind !== 'value') return undefined;
  if (!found.group) return { workers: found.entry.employment.value, basis: 'oews-2021' };
  const group = found.entry.soc.slice(0, 6);
  const members = socs.filter((s) => s.startsWith(group) && !oews.has(s)).length || 1;
  return { workers: Math.round(found.entry.employment.value / members), basis: 'oews-2021-group-share' };
}

/** The O*NET title of the SOC's base occupation (xx-xxxx.00), else the OEWS title, else Microsoft's, else the first
 *  O*NET title. */
function socTitle(soc: string, input: Inputs, onet30: { code: string; title: string }[]): string {
  const onet = input.exposure.get(soc)?.onet ?? onet30;
  const own = input.oews.get(soc);
  return (
    onet.find((o) => o.code.endsWith('.00'))?.title ??
    (own?.group === 'detailed' ? own.title : undefined) ??
    input.microsoft.get(soc)?.title ??
    onet[0]?.title ??
    soc
  );
}

function groupByTitle<T>(
  items: Iterable<T>,
  titleOf: (item: T) => string,
  socByTitle: Map<string, string>,
): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const soc = socByTitle.get(titleKey(titleOf(item)));
    if (!soc) continue;
    const list = out.get(soc);
    if (list) list.push(item);
    else out.set(soc, [item]);
  }
  return out;
}

interface Figures {
  pay: FigureLine[];
  employment: FigureLine[];
  outlook: FigureLine[];
  medianPay?: number;
  annualPay: AnnualPay[];
}

/**
 * Pay, employment and outlook lines. Order, and the source of `medianPay`: the occupation's own
 * Handbook page (2024), its own OEWS row (May 2021), then group figures (Handbook group, OEWS broad group),
 * each group line saying which group it is. A top-coded or hourly-only wage is shown as BLS publishes it
 * and never used as `medianPay`.
 */
function figuresOf(
  soc: string,
  ooh: { entry: OohEntry; group: boolean } | null,
  oews: { entry: OewsEntry; group: boolean } | null,
  projection: Projection | undefined,
  lacks: string[],
): Figures {
  const out: Figures = { pay: [], employment: [], outlook: [], annualPay: [] };
  const oohNote = ooh?.group
    ? `For the Handbook's "${ooh.entry.title}" page${ooh.entry.soc ? ` (SOC ${ooh.entry.soc})` : ''}, a group that ` +
      `includes this occupation.`
    : undefined;
  const oewsNote = oews?.group
    ? `For the OEWS group "${oews.entry.title}" (${oews.entry.soc}): BLS did not publish ${soc} on its own in 2021.`
    : undefined;
  const figure = (
    source: DatasetSource,
    label: string,
    value: number,
    unit: string,
    period: string,
    notes: (string | undefined)[] = [],
    display?: string,
  ): FigureLine => {
    const note = notes.filter(Boolean).join(' ');
    return {
      label,
      value,
      unit,
      display: display ?? formatFigure(value, unit),
      source: source.id,
      sourceName: source.name,
      asOf: source.asOf,
      period,
      ...(note ? { note } : {}),
    };
  };
  // A group figure says so in its label too, for renderers that leave notes out.
  const grouped = (label: string, group: boolean | undefined) => (group ? `${label}${GROUP_LABEL}` : label);
  const oohLine = (label: string, value: number, unit: string, period: string, display?: string) =>
    figure(DATASET_SOURCES.blsOoh, grouped(label, ooh?.group), value, unit, period, [oohNote], display);
  const oewsLine = (label: string, value: number, unit: string, note?: string, display?: string) =>
    figure(
      DATASET_SOURCES.blsOews2021,
      grouped(label, oews?.group),
      value,
      unit,
      'May 2021',
      [oewsNote, note],
      display,
    );

  let medianPay: number | undefined;
  let payCapped = false;
  const oohPay = () => {
    if (!ooh || ooh.entry.medianPay === null) return;
    out.pay.push(oohLine('Median pay', ooh.entry.medianPay, 'usd-per-year', '2024'));
    if (payCapped) return;
    medianPay ??= ooh.entry.medianPay;
    out.annualPay.push(annual(DATASET_SOURCES.blsOoh, '2024', ooh.entry.medianPay, ooh.group));
  };
  const oewsPay = () => {
    if (!oews) return;
    const { annualMedian, hourlyMedian, hourlyOnly } = oews.entry;
    if (annualMedian.kind === 'value') {
      out.pay.push(oewsLine('Median annual wage', annualMedian.value, 'usd-per-year'));
      medianPay ??= annualMedian.value;
      if (!payCapped)
        out.annualPay.push(annual(DATASET_SOURCES.blsOews2021, 'May 2021', annualMedian.value, oews.group));
    } else if (annualMedian.kind === 'top-coded') {
      const top = formatFigure(OEWS_TOP_CODE.annual, 'usd');
      out.pay.push(
        oewsLine(
          'Median annual wage',
          OEWS_TOP_CODE.annual,
          'usd-per-year',
          `Top-coded: BLS publishes only that the median is at least ${top}.`,
          `${top} or more a year`,
        ),
      );
      // A group figure below would understate this occupation's pay.
      if (!oews.group) payCapped = true;
    } else if (hourlyMedian.kind === 'value') {
      const why = hourlyOnly
        ? 'BLS publishes only an hourly wage for this occupation (its workers often do not work full-time all year).'
        : 'BLS did not publish an annual median for this occupation.';
      out.pay.push(oewsLine('Median hourly wage', hourlyMedian.value, 'usd-per-hour', why));
    } else if (hourlyMedian.kind === 'top-coded') {
      const top = `$${OEWS_TOP_CODE.hourly.toFixed(2)}`;
      out.pay.push(
        oewsLine(
          'Median hourly wage',
          OEWS_TOP_CODE.hourly,
          'usd-per-hour',
          `Top-coded: BLS publishes only that the median is at least ${top} an hour.`,
          `${top} or more an hour`,
        ),
      );
      if (!oews.group) payCapped = true;
    } else
      lacks.push(
        `BLS did not publish a median wage for ` +
          `${oews.group ? `the OEWS group "${oews.entry.title}"` : 'this occupation'} in May 2021 (marked "*").`,
      );
  };
  // Own figures before group figures.
  if (ooh && !ooh.group) oohPay();
  if (oews && !oews.group) oewsPay();
  if (ooh?.group) oohPay();
  if (oews?.group) oewsPay();
  if (medianPay !== undefined) out.medianPay = medianPay;
  if (out.pay.length === 0 && !lacks.some((l) => l.startsWith('BLS did not publish')))
    lacks.push('No pay figures for this SOC in the BLS tables loaded.');

  if (ooh?.entry.jobs2024 != null) out.employment.push(oohLine('Jobs', ooh.entry.jobs2024, 'workers', '2024'));
  if (oews?.entry.employment.kind === 'value')
    out.employment.push(oewsLine('Employment', oews.entry.employment.value, 'workers'));

  if (ooh?.entry.outlookPct != null) {
    const pct = ooh.entry.outlookPct;
    const desc = ooh.entry.outlookDesc;
    out.outlook.push(
      oohLine(
        'Projected employment change, 2024–34',
        pct,
        'percent-change',
        '2024–2034',
        `${formatFigure(pct, 'percent-change')}${desc ? ` (${desc.toLowerCase()})` : ''}`,
      ),
    );
  }
  if (ooh?.entry.projected2034 != null)
    out.outlook.push(oohLine('Projected jobs, 2034', ooh.entry.projected2034, 'workers', '2034'));
  if (projection)
    out.outlook.push(
      figure(
        DATASET_SOURCES.blsProjections2020,
        'Projected employment change, 2020–30',
        projection.pctChange,
        'percent-change',
        '2020–2030',
      ),
    );
  return out;
}

/** The Microsoft caveat, with the health-record sentence only where health-record work is a large part of the job
 *  and the score ranks it low: on a card where the score ranks the occupation high, that sentence would mislead. */
export function microsoftCaveat(tasks: TaskLine[], percentile: number): string {
  const about = tasks.filter((t) => HEALTH_RECORD_WORK.task.test(t.task)).length;
  const applies =
    tasks.length > 0 &&
    about / tasks.length >= HEALTH_RECORD_WORK.minShare &&
    percentile < HEALTH_RECORD_WORK.belowPercentile;
  return applies ? `${MICROSOFT_CAVEAT} ${MICROSOFT_HEALTH_RECORDS_CAVEAT}` : MICROSOFT_CAVEAT;
}

function annual(source: DatasetSource, period: string, value: number, group: boolean): AnnualPay {
  return { source: source.id, sourceName: source.name, period, value, group };
}

function measureOf(
  source: DatasetSource,
  value: number,
  rankOf: (v: number) => number,
  note: string | undefined,
): Measure {
  const m = source.measure as NonNullable<DatasetSource['measure']>;
  return {
    source: source.id,
    sourceName: source.name,
    measure: m.name,
    value,
    scale: m.scale,
    percentile: rankOf(value),
    higherMeansMoreRisk: m.higherMeansMoreRisk,
    asOf: source.asOf,
    origin: 'dataset',
    ...(note ? { note } : {}),
  };
}

function noteOf(
  dir: string,
  occupations: Map<string, OccupationData>,
  input: Inputs,
  unjoined: Unjoined,
  titles: OccupationTitle[],
): string {
  const all = [...occupations.values()];
  const count = (pred: (o: OccupationData) => boolean) => all.filter(pred).length.toLocaleString('en-US');
  const parts = [
    `Public datasets from ${dir}: ${occupations.size.toLocaleString('en-US')} occupations`,
    ` (${input.exposure.size.toLocaleString('en-US')} rated in GPTs are GPTs, ` +
      `${input.microsoft.size.toLocaleString('en-US')} in Working with AI,`,
    ` ${count((o) => o.measures.length === 0)} by neither; ${titles.length.toLocaleString('en-US')} O*NET job titles;`,
    ` pay for ${count((o) => o.pay.length > 0)}, O*NET 30.1 skills and knowledge ratings for ` +
      `${count((o) => Boolean(o.profile?.skills))}).`,
    ` Not joined: ${unjoined.ooh} of ${input.ooh.length} Handbook pages (no SOC code, or none matching a rated ` +
      `occupation),`,
    ` ${unjoined.projections} of ${input.projections.size.toLocaleString('en-US')} 2020–30 projection titles (mostly ` +
      `occupation groups).`,
  ];
  return parts.join('');
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;
