// O*NET 30.1 occupation profiles: skills and knowledge (importance and level), education, training and
// experience (category shares), Job Zones and the technologies each occupation uses. O*NET rates 8-digit
// O*NET-SOC occupations; this module folds them to 6-digit SOC codes.
//
// Columns are read by header name, so O*NET's own text edition and the Excel-derived copy in the shared data
// folder (which adds "Title" and "Scale Name" columns) both load. The files are large (Skills.txt alone has
// 62,000 rows), so they are scanned without a schema per row (see scanTsv) and every value is checked here.
//
// How an O*NET occupation's values are read:
// - Skills and Knowledge: importance (IM, 1–5) and level (LV, 0–7). A value O*NET marks "Recommend Suppress"
//   is left out (null); a level marked "Not Relevant" is 0, as O*NET means: the element is not used.
// - Education, Training, and Experience: the share (0–100) of workers in each category of required education
//   (RL), related work experience (RW), on-site training (PT) and on-the-job training (OJ). Suppressed category
//   shares are left out; the rest are scaled back to 100 when they still cover at least half the workers, and
//   the scale is left out for that occupation otherwise (its SOC then has none: detailed occupations do not
//   stand in for an unusable one). Also the importance (1–5) of a job-related professional
//   certification (element 2.D.4.a), where O*NET rates it: a licence or certificate the work calls for.
// - Job Zone (1–5) and the technologies with their Hot Technology and In Demand flags as published.
//
// How they fold to a SOC (for each file on its own): the SOC's own O*NET occupation (xx-xxxx.00) when the file
// has it, since O*NET rates it as the SOC; otherwise every O*NET occupation of that SOC in the file (the mean of
// each value, the nearest whole Job Zone to their mean, the union of their technologies). "All Other" SOCs and
// new SOC codes are typically rated only through such detailed occupations, or not at all. A SOC broad group
// (a code ending in 0, which some sources score as one occupation) folds every O*NET occupation in the group.
import type { OnetProfile, OnetRatings, OnetReference } from './types.js';
import { ONET_DIR } from './onet.js';
import { DatasetError, NUMBER, detach, gotValue as got, scanTsv } from './table.js';

export const ONET_FILES = {
  skills: `${ONET_DIR}/Skills.txt`,
  knowledge: `${ONET_DIR}/Knowledge.txt`,
  education: `${ONET_DIR}/Education, Training, and Experience.txt`,
  educationCategories: `${ONET_DIR}/Education, Training, and Experience Categories.txt`,
  jobZones: `${ONET_DIR}/Job Zones.txt`,
  jobZoneReference: `${ONET_DIR}/Job Zone Reference.txt`,
  technology: `${ONET_DIR}/Technology Skills.txt`,
} as const;

/** The ETE scales used, by O*NET scale id. Certification and apprenticeship importance (IM) rows are not used. */
const ETE_SCALES = { RL: 'education', RW: 'experience', PT: 'onSite', OJ: 'onTheJob' } as const;
type EteScale = keyof typeof ETE_SCALES;
type EteFacet = (typeof ETE_SCALES)[EteScale];

/** The share of workers a scale's reported categories must cover once suppressed ones are left out. */
const MIN_REPORTED_SHARE = 50;

export interface OnetProfiles {
  reference: OnetReference;
  /** Per 6-digit SOC that O*NET 30.1 covers in any of the files. */
  bySoc: Map<string, OnetProfile>;
  /** The profile of a SOC; for a broad-group code (xx-xxx0) that O*NET does not list, the fold of every
   *  O*NET occupation in the group. */
  profileOf: (soc: string) => OnetProfile | undefined;
  /** How many O*NET-SOC occupations have skills and knowledge ratings. */
  ratedOccupations: number;
}

export function readOnetProfiles(dir: string): OnetProfiles {
  const skills = readRatings(dir, ONET_FILES.skills);
  const knowledge = readRatings(dir, ONET_FILES.knowledge);
  const categories = readEteCategories(dir);
  const ete = readEte(dir, categories);
  const jobZones = readJobZones(dir);
  const technology = readTechnology(dir);

  const codesBySoc = new Map<string, Set<string>>();
  const addCodes = (codes: Iterable<string>) => {
    for (const code of codes) {
      const soc = code.slice(0, 7);
      let set = codesBySoc.get(soc);
      if (!set) codesBySoc.set(soc, (set = new Set()));
      set.add(code);
    }
  };
  addCodes(skills.byCode.keys());
  addCodes(knowledge.byCode.keys());
  addCodes(ete.keys());
  addCodes(jobZones.keys());
  addCodes(technology.byCode.keys());

  const profileOf = (soc: string, codes: string[]): OnetProfile => {
    const ratedCodes = foldCodes(
      soc,
      codes.filter((c) => skills.byCode.has(c) && knowledge.byCode.has(c)),
    );
    const profile: OnetProfile = { ratedCodes, technologies: [], inDemand: [] };
    if (ratedCodes.length) {
      profile.skills = meanRatings(ratedCodes.map((c) => skills.byCode.get(c) as OnetRatings));
      profile.knowledge = meanRatings(ratedCodes.map((c) => knowledge.byCode.get(c) as OnetRatings));
    }
    for (const facet of Object.values(ETE_SCALES)) {
      // The SOC's own occupation decides, even when its scale is unusable (null): the detailed occupations do
      // not stand in for it (advanced-practice nurses would make registered nurses need a master's degree).
      const from = foldCodes(
        soc,
        codes.filter((c) => ete.get(c)?.[facet] !== undefined),
      ).filter((c) => ete.get(c)?.[facet]);
      if (from.length) profile[facet] = meanShares(from.map((c) => ete.get(c)?.[facet] as number[]));
    }
    const certified = foldCodes(
      soc,
      codes.filter((c) => ete.get(c)?.certification !== undefined),
    );
    if (certified.length)
      profile.certification = round2(mean(certified.map((c) => ete.get(c)?.certification as number)));
    const zoned = foldCodes(
      soc,
      codes.filter((c) => jobZones.has(c)),
    );
    if (zoned.length) profile.jobZone = Math.round(mean(zoned.map((c) => jobZones.get(c) as number)));
    const tooled = foldCodes(
      soc,
      codes.filter((c) => technology.byCode.has(c)),
    );
    const all = new Set<number>();
    const demanded = new Set<number>();
    for (const c of tooled) {
      const t = technology.byCode.get(c);
      for (const i of t?.all ?? []) all.add(i);
      for (const i of t?.inDemand ?? []) demanded.add(i);
    }
    profile.technologies = [...all].sort((a, b) => a - b);
    profile.inDemand = [...demanded].sort((a, b) => a - b);
    return profile;
  };

  const bySoc = new Map<string, OnetProfile>();
  for (const [soc, set] of codesBySoc) bySoc.set(soc, profileOf(soc, [...set].sort()));

  // Some sources score a SOC broad group (xx-xxx0) as one occupation; O*NET rates its detailed occupations.
  const broadGroup = (soc: string): OnetProfile | undefined => {
    const prefix = soc.slice(0, 6);
    const codes = [...codesBySoc].filter(([s]) => s.startsWith(prefix)).flatMap(([, set]) => [...set]);
    return codes.length ? profileOf(soc, codes.sort()) : undefined;
  };

  return {
    reference: {
      skills: skills.elements,
      knowledge: knowledge.elements,
      categories: categories.labels,
      jobZones: readJobZoneNames(dir),
      technologies: technology.list,
    },
    bySoc,
    profileOf: (soc) => bySoc.get(soc) ?? (/^\d{2}-\d{3}0$/.test(soc) ? broadGroup(soc) : undefined),
    ratedOccupations: [...skills.byCode.keys()].filter((c) => knowledge.byCode.has(c)).length,
  };
}

/** The SOC's own O*NET occupation when it is among `codes`, else all of them. */
function foldCodes(soc: string, codes: string[]): string[] {
  const base = `${soc}.00`;
  return codes.includes(base) ? [base] : codes;
}

// ── Skills and Knowledge ─────────────────────────────────────────────────────────────────────────────────

interface RatingsFile {
  elements: { id: string; name: string }[];
  byCode: Map<string, OnetRatings>;
}

function readRatings(dir: string, file: string): RatingsFile {
  const columns = [
    'O*NET-SOC Code',
    'Element ID',
    'Element Name',
    'Scale ID',
    'Data Value',
    'Recommend Suppress',
    'Not Relevant',
  ];
  const elementIndex = new Map<string, number>();
  const elements: { id: string; name: string; line: number }[] = [];
  // Per occupation: values by element index (NaN = not given or suppressed) and the line each came from.
  const byCode = new Map<string, { im: number[]; lv: number[]; imLine: number[]; lvLine: number[] }>();
  scanTsv(dir, file, columns, ([code, id, name, scale, raw, suppress, notRelevant], line) => {
    checkCode(file, line, code as string);
    if (!id) throw new DatasetError(file, line, 'column "Element ID" must not be empty');
    if (scale !== 'IM' && scale !== 'LV')
      throw new DatasetError(file, line, `column "Scale ID" must be IM or LV, got "${scale}"`);
    checkFlag(file, line, 'Recommend Suppress', suppress as string);
    checkFlag(file, line, 'Not Relevant', notRelevant as string);
    const value =
      scale === 'IM'
        ? number(file, line, 'Data Value', raw as string, 1, 5)
        : number(file, line, 'Data Value', raw as string, 0, 7);
    let index = elementIndex.get(id);
    if (index === undefined) {
      if (!name) throw new DatasetError(file, line, 'column "Element Name" must not be empty');
      index = elements.length;
      elementIndex.set(id, index);
      elements.push({ id: detach(id), name: detach(name), line });
    } else if (name !== elements[index]?.name)
      throw new DatasetError(
        file,
        line,
        `element ${id} is named "${name}" here but "${elements[index]?.name}" on line ${elements[index]?.line}`,
      );
    let entry = byCode.get(code as string);
    if (!entry) byCode.set(code as string, (entry = { im: [], lv: [], imLine: [], lvLine: [] }));
    const lines = scale === 'IM' ? entry.imLine : entry.lvLine;
    const first = lines[index];
    if (first !== undefined)
      throw new DatasetError(file, line, `${code} has a second ${scale} value for ${name} (first on line ${first})`);
    lines[index] = line;
    const kept = scale === 'LV' && notRelevant === 'Y' ? 0 : suppress === 'Y' ? NaN : value;
    (scale === 'IM' ? entry.im : entry.lv)[index] = kept;
  });

  // Elements in O*NET's own order (by id: 2.A.1.a, 2.A.1.b, …), whatever order the rows came in.
  const order = elements
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.id.localeCompare(b.e.id, 'en', { numeric: true }))
    .map((x) => x.i);
  const out = new Map<string, OnetRatings>();
  for (const [code, entry] of byCode) {
    out.set(code, {
      importance: order.map((i) => valueOrNull(entry.im[i])),
      level: order.map((i) => valueOrNull(entry.lv[i])),
    });
  }
  return { elements: order.map((i) => ({ id: elements[i]?.id ?? '', name: elements[i]?.name ?? '' })), byCode: out };
}

function meanRatings(list: OnetRatings[]): OnetRatings {
  if (list.length === 1) return list[0] as OnetRatings;
  const fold = (pick: (r: OnetRatings) => (number | null)[]) =>
    (pick(list[0] as OnetRatings) ?? []).map((_, i) => {
      const values = list.map((r) => pick(r)[i]).filter((v): v is number => typeof v === 'number');
      return values.length ? round2(mean(values)) : null;
    });
  return { importance: fold((r) => r.importance), level: fold((r) => r.level) };
}

// ── Education, Training, and Experience ──────────────────────────────────────────────────────────────────

interface EteCategories {
  labels: Record<EteFacet, string[]>;
}

function readEteCategories(dir: string): EteCategories {
  const file = ONET_FILES.educationCategories;
  const labels: Record<EteFacet, string[]> = { education: [], experience: [], onSite: [], onTheJob: [] };
  const lines: Record<EteFacet, number[]> = { education: [], experience: [], onSite: [], onTheJob: [] };
  scanTsv(dir, file, ['Scale ID', 'Category', 'Category Description'], ([scale, raw, description], line) => {
    if (!((scale as string) in ETE_SCALES)) return;
    const facet = ETE_SCALES[scale as EteScale];
    const category = wholeNumber(file, line, 'Category', raw as string, 1, 99);
    if (!description) throw new DatasetError(file, line, 'column "Category Description" must not be empty');
    const first = lines[facet][category - 1];
    if (first !== undefined)
      throw new DatasetError(
        file,
        line,
        `category ${category} of scale ${scale} appears twice (first on line ${first})`,
      );
    lines[facet][category - 1] = line;
    labels[facet][category - 1] = detach(description as string);
  });
  for (const [scale, facet] of Object.entries(ETE_SCALES)) {
    const list = labels[facet];
    if (list.length === 0) throw new DatasetError(file, null, `scale ${scale} has no categories`);
    const hole = list.findIndex((l) => l === undefined);
    if (hole !== -1) throw new DatasetError(file, null, `scale ${scale} has no category ${hole + 1}`);
  }
  return { labels };
}

type EteShares = Partial<Record<EteFacet, number[] | null>> & { certification?: number };

/** ETE element "Job-Related Professional Certification": how important a certification or licence is (IM). */
const CERTIFICATION_ELEMENT = '2.D.4.a';

function readEte(dir: string, categories: EteCategories): Map<string, EteShares> {
  const file = ONET_FILES.education;
  const columns = ['O*NET-SOC Code', 'Element ID', 'Scale ID', 'Category', 'Data Value', 'Recommend Suppress'];
  const raw = new Map<
    string,
    Partial<Record<EteFacet, { shares: number[]; suppressed: boolean[]; lines: number[] }>>
  >();
  const certification = new Map<string, number>();
  scanTsv(dir, file, columns, ([code, element, scale, rawCategory, value, suppress], line) => {
    if (scale !== 'IM' && !((scale as string) in ETE_SCALES))
      throw new DatasetError(file, line, `column "Scale ID" must be RL, RW, PT, OJ or IM, got "${scale}"`);
    checkCode(file, line, code as string);
    checkFlag(file, line, 'Recommend Suppress', suppress as string);
    if (scale === 'IM') {
      // Importance (1–5) of a job-related professional certification; apprenticeship importance is not used.
      if (element !== CERTIFICATION_ELEMENT) return;
      const importance = number(file, line, 'Data Value', value as string, 1, 5);
      if (certification.has(code as string))
        throw new DatasetError(file, line, `${code} has a second certification importance`);
      if (suppress !== 'Y') certification.set(code as string, importance);
      return;
    }
    const facet = ETE_SCALES[scale as EteScale];
    const count = categories.labels[facet].length;
    const category = wholeNumber(file, line, 'Category', rawCategory as string, 1, count);
    const share = number(file, line, 'Data Value', value as string, 0, 100);
    let entry = raw.get(code as string);
    if (!entry) raw.set(code as string, (entry = {}));
    let scaleEntry = entry[facet];
    if (!scaleEntry)
      entry[facet] = scaleEntry = {
        shares: new Array<number>(count).fill(0),
        suppressed: new Array<boolean>(count).fill(false),
        lines: [],
      };
    const first = scaleEntry.lines[category - 1];
    if (first !== undefined)
      throw new DatasetError(file, line, `${code} has category ${category} of ${scale} twice (first on line ${first})`);
    scaleEntry.lines[category - 1] = line;
    scaleEntry.shares[category - 1] = share;
    scaleEntry.suppressed[category - 1] = suppress === 'Y';
  });
  const out = new Map<string, EteShares>();
  for (const [code, importance] of certification) out.set(code, { certification: importance });
  for (const [code, entry] of raw) {
    const kept: EteShares = {};
    for (const [facet, s] of Object.entries(entry) as [EteFacet, { shares: number[]; suppressed: boolean[] }][]) {
      const reported = s.shares.reduce((sum, v, i) => (s.suppressed[i] ? sum : sum + v), 0);
      // null: O*NET has the scale for this occupation but too little of it is reliable to use.
      kept[facet] =
        reported < MIN_REPORTED_SHARE
          ? null
          : s.shares.map((v, i) => (s.suppressed[i] ? 0 : round2((v / reported) * 100)));
    }
    out.set(code, { ...out.get(code), ...kept });
  }
  return out;
}

function meanShares(list: number[][]): number[] {
  if (list.length === 1) return list[0] as number[];
  return (list[0] ?? []).map((_, i) => round2(mean(list.map((s) => s[i] ?? 0))));
}

// ── Job Zones ────────────────────────────────────────────────────────────────────────────────────────────

function readJobZones(dir: string): Map<string, number> {
  const file = ONET_FILES.jobZones;
  const out = new Map<string, number>();
  const lines = new Map<string, number>();
  scanTsv(dir, file, ['O*NET-SOC Code', 'Job Zone'], ([code, zone], line) => {
    checkCode(file, line, code as string);
    const first = lines.get(code as string);
    if (first !== undefined) throw new DatasetError(file, line, `${code} appears twice (first on line ${first})`);
    lines.set(code as string, line);
    out.set(code as string, wholeNumber(file, line, 'Job Zone', zone as string, 1, 5));
  });
  return out;
}

/** "Job Zone Four: Considerable Preparation Needed", … by zone (index 0 = zone 1). */
function readJobZoneNames(dir: string): string[] {
  const file = ONET_FILES.jobZoneReference;
  const names: string[] = [];
  scanTsv(dir, file, ['Job Zone', 'Name'], ([zone, name], line) => {
    const z = wholeNumber(file, line, 'Job Zone', zone as string, 1, 5);
    if (!name) throw new DatasetError(file, line, 'column "Name" must not be empty');
    names[z - 1] = detach(name as string);
  });
  const hole = [0, 1, 2, 3, 4].find((i) => names[i] === undefined);
  if (hole !== undefined) throw new DatasetError(file, null, `Job Zone ${hole + 1} is missing`);
  return names;
}

// ── Technology Skills ────────────────────────────────────────────────────────────────────────────────────

interface TechnologyFile {
  list: OnetReference['technologies'];
  byCode: Map<string, { all: number[]; inDemand: number[] }>;
}

function readTechnology(dir: string): TechnologyFile {
  const file = ONET_FILES.technology;
  const columns = ['O*NET-SOC Code', 'Example', 'Commodity Title', 'Hot Technology', 'In Demand'];
  const index = new Map<string, number>();
  const list: OnetReference['technologies'] = [];
  const byCode = new Map<string, { all: number[]; inDemand: number[] }>();
  scanTsv(dir, file, columns, ([code, example, commodity, hot, inDemand], line) => {
    checkCode(file, line, code as string);
    if (!example) throw new DatasetError(file, line, 'column "Example" must not be empty');
    if (!commodity) throw new DatasetError(file, line, 'column "Commodity Title" must not be empty');
    checkYesNo(file, line, 'Hot Technology', hot as string);
    checkYesNo(file, line, 'In Demand', inDemand as string);
    let i = index.get(example);
    if (i === undefined) {
      i = list.length;
      index.set(example, i);
      list.push({ name: detach(example), commodity: detach(commodity as string), hot: false });
    }
    const tech = list[i] as OnetReference['technologies'][number];
    // Hot Technology describes the technology, wherever it is listed.
    if (hot === 'Y') tech.hot = true;
    let entry = byCode.get(code as string);
    if (!entry) byCode.set(code as string, (entry = { all: [], inDemand: [] }));
    entry.all.push(i);
    if (inDemand === 'Y') entry.inDemand.push(i);
  });
  return { list, byCode };
}

// ── Checks ───────────────────────────────────────────────────────────────────────────────────────────────

const ONET_SOC = /^\d{2}-\d{4}\.\d{2}$/;

let lastGoodCode = '';
function checkCode(file: string, line: number, code: string): void {
  // Rows come grouped by occupation: check each code once per run of rows.
  if (code === lastGoodCode) return;
  if (ONET_SOC.test(code)) lastGoodCode = code;
  else
    throw new DatasetError(
      file,
      line,
      `column "O*NET-SOC Code" must be an 8-digit O*NET-SOC code such as 29-2072.00, ${got(code)}`,
    );
}

function checkFlag(file: string, line: number, column: string, value: string): void {
  if (value !== '' && value !== 'Y' && value !== 'N')
    throw new DatasetError(file, line, `column "${column}" must be Y, N or empty, ${got(value)}`);
}

function checkYesNo(file: string, line: number, column: string, value: string): void {
  if (value !== 'Y' && value !== 'N')
    throw new DatasetError(file, line, `column "${column}" must be Y or N, ${got(value)}`);
}

function number(file: string, line: number, column: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!NUMBER.test(value) || n < min || n > max)
    throw new DatasetError(file, line, `column "${column}" must be a number from ${min} to ${max}, ${got(value)}`);
  return n;
}

function wholeNumber(file: string, line: number, column: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max)
    throw new DatasetError(
      file,
      line,
      `column "${column}" must be a whole number from ${min} to ${max}, ${got(value)}`,
    );
  return n;
}

const valueOrNull = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? null : v);
const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;
const round2 = (n: number) => Math.round(n * 100) / 100;
