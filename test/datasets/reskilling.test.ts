// Computed reskilling moves on made-up occupations, so each rule can be seen in isolation: viability (similar
// profiles, Job Zone step), safer, desirable (pay within one source and year), the professional gates, what to
// learn, and the proxy for an unrated occupation. The real datasets are checked move by move in
// test/engine/every-occupation.test.ts.
import { describe, expect, it } from 'vitest';
import type { Measure, TaskLine } from '../../src/answers/types.js';
import type { AnnualPay, OccupationData, OnetProfile, OnetReference } from '../../src/catalog/datasets/types.js';
import {
  TRANSITION_RULES,
  comparePay,
  gateOf,
  isSaferOrLateral,
  reskillingModel,
  skillGaps,
  typicalCategory,
  typicalEducation,
} from '../../src/engine/reskilling.js';

const label = (n: number, text: string) => `${text} ${n}`;
const reference: OnetReference = {
  knowledge: [
    'Economics and Accounting',
    'Law and Government',
    'Medicine and Dentistry',
    'Fine Arts',
    'Mechanical',
  ].map((name, i) => ({ id: `2.C.${i}`, name })),
  skills: ['Mathematics', 'Writing', 'Repairing', 'Speaking'].map((name, i) => ({ id: `2.A.${i}`, name })),
  categories: {
    education: [
      'Less than a High School Diploma',
      'High School Diploma - or the equivalent',
      'Post-Secondary Certificate - awarded for training completed after high school',
      'Some College Courses',
      "Associate's Degree (or other 2-year degree)",
      "Bachelor's Degree",
      'Post-Baccalaureate Certificate - awarded for completion of an organized program of study',
      "Master's Degree",
      "Post-Master's Certificate - awarded for completion of an organized program of study",
      'First Professional Degree - awarded for completion of a program that provides all remaining academic ' +
        'requirements',
      'Doctoral Degree',
      'Post-Doctoral Training',
    ],
    experience: Array.from({ length: 11 }, (_, i) => label(i + 1, 'Experience')),
    onSite: Array.from({ length: 9 }, (_, i) => label(i + 1, 'On site')),
    onTheJob: Array.from({ length: 9 }, (_, i) => label(i + 1, 'On the job')),
  },
  jobZones: [1, 2, 3, 4, 5].map((z) => `Job Zone ${z}`),
  technologies: [
    { name: 'Ledger Pro', commodity: 'Accounting software', hot: true },
    { name: 'Spreadsheet', commodity: 'Spreadsheet software', hot: true },
    { name: 'SQL', commodity: 'Database software', hot: true },
    { name: 'Tableau', commodity: 'Business intelligence software', hot: false },
    { name: 'Paintbox', commodity: 'Graphics software', hot: true },
    { name: 'Wrench CAD', commodity: 'Design software', hot: false },
    { name: 'Sheets', commodity: 'Spreadsheet software', hot: true },
  ],
};

/** Shares (0–100) with `share` % at category `at` and the rest one category lower. */
const shares = (length: number, at: number, share = 100) =>
  Array.from({ length }, (_, i) => (i + 1 === at ? share : i + 2 === at ? 100 - share : 0));

interface Spec {
  knowledge: number[];
  skills: number[];
  jobZone?: number;
  education?: number | number[];
  /** Typical on-the-job and on-site training categories (O*NET OJ and PT). */
  onTheJob?: number;
  onSite?: number;
  certification?: number;
  technologies?: number[];
  inDemand?: number[];
}

/** A rated profile: importance 1–5 and level 0–7 from one "strength" number (0–1) per element. */
function profile(spec: Spec): OnetProfile {
  const ratings = (values: number[]) => ({
    importance: values.map((v) => Math.round((1 + 4 * v) * 100) / 100),
    level: values.map((v) => Math.round(7 * v * 100) / 100),
  });
  const p: OnetProfile = {
    ratedCodes: ['xx-xxxx.00'],
    knowledge: ratings(spec.knowledge),
    skills: ratings(spec.skills),
    education: Array.isArray(spec.education) ? spec.education : shares(12, spec.education ?? 6),
    experience: shares(11, 5),
    onTheJob: shares(9, spec.onTheJob ?? 4),
    onSite: shares(9, spec.onSite ?? 2),
    jobZone: spec.jobZone ?? 4,
    technologies: spec.technologies ?? [0, 1],
    inDemand: spec.inDemand ?? [],
  };
  if (spec.certification !== undefined) p.certification = spec.certification;
  return p;
}

const pay = (value: number, source = 'bls-oews-2021', period = 'May 2021', group = false): AnnualPay => ({
  source,
  sourceName: source === 'bls-ooh' ? 'BLS Occupational Outlook Handbook' : 'BLS OEWS',
  period,
  value,
  group,
});

function job(
  soc: string,
  title: string,
  exposure: number,
  spec: Spec | null,
  extra: Partial<OccupationData> = {},
): OccupationData {
  const measure: Measure = {
    source: 'test',
    sourceName: 'Test',
    measure: 'exposure',
    value: exposure / 100,
    scale: '0–1',
    percentile: exposure,
    higherMeansMoreRisk: true,
    asOf: '2025',
    origin: 'dataset',
  };
  return {
    soc,
    title,
    onet: [],
    measures: [measure],
    tasks: [],
    pay: [],
    employment: [],
    outlook: [],
    annualPay: [pay(60000)],
    ...(spec ? { profile: profile(spec) } : {}),
    ...extra,
  };
}

// The ledger family: one knowledge and skill mix (accounting, law, mathematics, writing).
const LEDGER: Spec = {
  knowledge: [0.9, 0.6, 0.1, 0.05, 0.1],
  skills: [0.8, 0.7, 0.1, 0.5],
  technologies: [0, 1],
};
const ledger = (extra: Partial<Spec> = {}): Spec => ({ ...LEDGER, ...extra });

const origin = job('90-1011', 'Ledger Keepers', 80, ledger(), {
  annualPay: [pay(61000, 'bls-ooh', '2024'), pay(57000)],
});
// Auditors also use SQL (in demand for them) and Tableau (neither hot nor in demand for them).
const auditors = job('90-1012', 'Ledger Auditors', 50, ledger({ technologies: [0, 1, 2, 3, 4, 6], inDemand: [2, 6] }), {
  annualPay: [pay(65000)],
});
const pool: OccupationData[] = [
  origin,
  auditors,
  job('90-1013', 'Barely Safer Clerks', 80 - TRANSITION_RULES.minExposureDrop + 1, ledger(), {
    annualPay: [pay(90000)],
  }),
  job('90-1014', 'Cheaper Keepers', 40, ledger(), { annualPay: [pay(0.7 * 57000)] }),
  // 80 % of the origin's pay: above Nesta's 75 % floor.
  job('90-1017', 'Leaner Keepers', 40, ledger(), { annualPay: [pay(0.8 * 57000)] }),
  job('90-1015', 'Unpaid Keepers', 40, ledger(), { annualPay: [] }),
  job('90-1016', 'Keepers, All Other', 40, ledger(), { annualPay: [pay(90000)] }),
  job('90-1021', 'Distant Keepers', 40, ledger({ jobZone: 2 }), { annualPay: [pay(90000)] }),
  job('90-1022', 'Lower Keepers', 40, ledger({ jobZone: 3 }), { annualPay: [pay(0.95 * 57000)] }),
  job('90-1023', 'Lower Well-Paid Keepers', 45, ledger({ jobZone: 3 }), { annualPay: [pay(60000)] }),
  job('90-1031', 'Ledger Lawyers', 30, ledger({ education: 11, jobZone: 5 }), { annualPay: [pay(120000)] }),
  job('90-1032', 'Certified Ledger Pilots', 35, ledger({ certification: 4.6 }), { annualPay: [pay(70000)] }),
  job('29-1091', 'Ledger Nurses', 20, ledger(), { annualPay: [pay(80000)] }),
  job('90-1033', 'Graduate Ledger Planners', 25, ledger({ education: 8, jobZone: 5 }), {
    annualPay: [pay(90000)],
  }),
  job('90-1041', 'Unranked Keepers', 10, ledger(), { annualPay: [pay(90000)], measures: [] }),
  // Other families, so that what is typical inside a group and across all pairs can be measured.
  job('91-1011', 'Stage Painters', 20, {
    knowledge: [0.05, 0.1, 0.05, 0.9, 0.3],
    skills: [0.2, 0.3, 0.4, 0.6],
    technologies: [4, 2],
  }),
  job('91-1012', 'Set Painters', 25, {
    knowledge: [0.1, 0.05, 0.05, 0.8, 0.5],
    skills: [0.3, 0.2, 0.6, 0.5],
    technologies: [4, 5, 2],
  }),
  job('92-1011', 'Wrench Fitters', 30, {
    knowledge: [0.1, 0.1, 0.05, 0.1, 0.9],
    skills: [0.4, 0.1, 0.9, 0.2],
    jobZone: 2,
    technologies: [5, 2, 3],
  }),
  job('92-1012', 'Pipe Fitters', 35, {
    knowledge: [0.2, 0.3, 0.05, 0.05, 0.8],
    skills: [0.5, 0.2, 0.7, 0.4],
    jobZone: 2,
    technologies: [5, 2, 3],
  }),
  job('93-1011', 'Ward Clerks', 60, {
    knowledge: [0.3, 0.2, 0.8, 0.05, 0.1],
    skills: [0.3, 0.6, 0.1, 0.7],
    jobZone: 3,
    technologies: [0, 1],
  }),
  ...fillers(),
  job('93-1012', 'Ward Scribes', 65, {
    knowledge: [0.1, 0.5, 0.6, 0.2, 0.05],
    skills: [0.2, 0.9, 0.05, 0.4],
    jobZone: 3,
  }),
];
const model = reskillingModel(pool, reference);

/** Thirty more occupations of varied profiles, so that technologies and similarities are measured against a
 *  realistic spread rather than against the ledger family alone. */
function fillers(): OccupationData[] {
  let seed = 7;
  const next = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 0.9 + 0.05;
  return Array.from({ length: 30 }, (_, i) =>
    // Paid too little to be a desirable move from the ledger family, whatever their similarity.
    job(
      `9${4 + (i % 3)}-1${String(10 + i).padStart(3, '0')}`,
      `Filler ${i}`,
      20 + (i % 50),
      {
        knowledge: [next(), next(), next(), next(), next()],
        skills: [next(), next(), next(), next()],
        jobZone: 1 + (i % 5),
        technologies: i % 2 ? [4] : [5],
      },
      { annualPay: [pay(30000)] },
    ),
  );
}
const path = model.pathFrom(origin, 10);
const titles = (list: { title: string }[]) => list.map((t) => t.title).sort();

describe('computed moves', () => {
  it('keep only viable, safer and desirable moves; gated ones become long-range options', () => {
    expect(titles(path.moves)).toEqual(['Leaner Keepers', 'Ledger Auditors', 'Lower Well-Paid Keepers']);
    // Four are gated (nurses, pilots, planners, lawyers); the two most alike are listed.
    expect(titles(path.longRange)).toEqual(['Certified Ledger Pilots', 'Ledger Nurses']);
  });

  it('leave out each kind of move a rule excludes', () => {
    const all = [...path.moves, ...path.longRange].map((t) => t.title);
    // not at least minExposureDrop points safer; below the pay floor; no pay to compare; a residual category;
    // two Job Zones away; one Job Zone down at lower pay; no exposure rank; not similar at all.
    for (const title of [
      'Barely Safer Clerks',
      'Cheaper Keepers',
      'Unpaid Keepers',
      'Keepers, All Other',
      'Distant Keepers',
      'Lower Keepers',
      'Unranked Keepers',
      'Stage Painters',
      'Wrench Fitters',
    ])
      expect(all, title).not.toContain(title);
  });

  it('count what each rule left, to say why a path is short', () => {
    expect(path.counts?.viable).toBeGreaterThanOrEqual(11);
    expect(path.counts?.safer).toBeLessThan(path.counts?.viable ?? 0);
    expect(path.counts?.desirable).toBe(path.moves.length + 4);
  });

  it('list at most TRANSITION_RULES.longRange long-range options, most alike first', () => {
    expect(path.longRange.length).toBeLessThanOrEqual(TRANSITION_RULES.longRange);
    for (const t of path.longRange) expect(t.gate?.requirement).toBe(t.requires);
  });

  it('report fit, exposure and a pay gap within one source and one year', () => {
    const move = path.moves.find((t) => t.title === 'Ledger Auditors');
    expect(move).toMatchObject({
      id: 'ledger-auditors',
      soc: '90-1012',
      fit: 'highly viable',
      exposurePercentile: 50,
      exposureGap: -30,
      // Both May 2021: 65,000 − 57,000, never 65,000 (2021) − 61,000 (2024).
      medianPay: 65000,
      payGap: 8000,
      pay: { source: 'bls-oews-2021', period: 'May 2021', origin: 57000, target: 65000, ratio: 1.14, group: false },
      origin: 'computed',
    });
    expect(move?.similarity).toBeGreaterThan(0.5);
    expect(move?.similarity).toBeLessThanOrEqual(1);
  });

  it('name the new technologies in demand for the destination, not a kind of software the origin already uses', () => {
    const move = path.moves.find((t) => t.title === 'Ledger Auditors');
    expect(move?.technologies).toEqual([
      { name: 'SQL', hot: true, inDemand: true },
      // Tableau is neither hot nor in demand here; Paintbox is hot in postings at large but not in demand for
      // auditors; Sheets is in demand, but the origin already uses a spreadsheet.
    ]);
  });

  it('explain the move with the knowledge areas both rely on, and the exposure drop', () => {
    const move = path.moves.find((t) => t.title === 'Ledger Auditors');
    expect(move?.why).toBe(
      'Both rely on Economics and Accounting and Law and Government, more than most jobs do, and it ranks 30 ' +
        'percentile points lower for AI exposure.',
    );
  });

  it('respect the limit', () => {
    expect(model.pathFrom(origin, 1).moves).toHaveLength(1);
  });

  it('accept the model for a pool once, and the same model after', () => {
    expect(reskillingModel(pool, reference)).toBe(model);
  });
});

describe('professional gates', () => {
  const gate = (title: string) => path.longRange.find((t) => t.title === title)?.gate;

  it('a licence to practise healthcare (SOC 29-1000), or one O*NET rates very important', () => {
    expect(gate('Certified Ledger Pilots')).toEqual({
      kind: 'licence',
      requirement:
        'A licence or certificate for this work: O*NET rates a job-related professional certification 4.6 out of 5 ' +
        'in importance for Certified Ledger Pilots.',
    });
    expect(gate('Ledger Nurses')).toEqual({
      kind: 'licence',
      requirement:
        "A licence to practise, after an accredited programme (typically a bachelor's degree): Ledger Nurses are " +
        'licensed healthcare practitioners.',
    });
  });

  it('a graduate degree for a Job Zone 5 destination the origin lacks', () => {
    const planners = pool.find((o) => o.title === 'Graduate Ledger Planners') as OccupationData;
    expect(gateOf(origin, origin.profile as OnetProfile, planners, reference)).toEqual({
      kind: 'graduate-degree',
      requirement:
        "Usually a master's degree: 100 % of Graduate Ledger Planners report needing a post-baccalaureate " +
        'certificate or more (Job Zone 5, O*NET 30.1).',
    });
  });

  it('a first professional or doctoral degree', () => {
    const lawyers = pool.find((o) => o.title === 'Ledger Lawyers') as OccupationData;
    expect(gateOf(origin, origin.profile as OnetProfile, lawyers, reference)).toEqual({
      kind: 'professional-degree',
      requirement:
        'Usually a doctoral degree: 100 % of Ledger Lawyers report needing a first professional degree or more ' +
        '(O*NET 30.1).',
    });
    expect(gateOf(origin, origin.profile as OnetProfile, auditors, reference)).toBeUndefined();
  });

  it('open to an origin in the same SOC broad group that has the same level of degree', () => {
    const lawyers = pool.find((o) => o.title === 'Ledger Lawyers') as OccupationData;
    const fellow = profile(ledger({ education: 11, jobZone: 5 }));
    const at = (soc: string) => job(soc, 'Fellow Lawyers', 30, ledger({ education: 11, jobZone: 5 }));
    expect(gateOf(at('90-1039'), fellow, lawyers, reference)).toBeUndefined();
    expect(gateOf(at('90-1049'), fellow, lawyers, reference)?.kind).toBe('professional-degree');
  });

  it('never let a gated destination through as a plain move', () => {
    for (const t of path.moves) expect(t.gate).toBeUndefined();
  });
});

describe('what to learn', () => {
  const have = profile(LEDGER);
  const target = profile({ ...LEDGER, knowledge: [0.9, 0.9, 0.6, 0.05, 0.3], skills: [0.8, 0.9, 0.1, 0.5] });

  it('lists knowledge areas and skills by importance-weighted level gap, largest first', () => {
    const gaps = skillGaps(have, target, reference);
    // Mechanical (gap 0.42) comes fourth, under the clear gap of 0.5 that a fourth or fifth entry needs.
    expect(gaps.map((g) => [g.name, g.kind])).toEqual([
      ['Medicine and Dentistry', 'knowledge'],
      ['Law and Government', 'knowledge'],
      ['Writing', 'skill'],
    ]);
    const medicine = gaps[0];
    // Importance 1 + 4 × 0.6 = 3.4 → weight 0.6; levels 4.2 and 0.7.
    expect(medicine).toEqual({ name: 'Medicine and Dentistry', kind: 'knowledge', gap: 2.1, level: 4.2, have: 0.7 });
  });

  it('skips a value O*NET suppresses instead of reading it as 0', () => {
    const suppressed: OnetProfile = {
      ...have,
      knowledge: { importance: [...(have.knowledge?.importance ?? [])], level: [5, 4, null, 0.4, 0.7] },
    };
    expect(skillGaps(suppressed, target, reference).map((g) => g.name)).not.toContain('Medicine and Dentistry');
  });

  it('says which education or experience the target usually needs beyond the origin', () => {
    const planners = model.factsOf(origin, pool.find((o) => o.title === 'Graduate Ledger Planners') as OccupationData);
    expect(planners.steps).toEqual([
      { kind: 'education', to: "Master's Degree", from: "Bachelor's Degree", share: 100 },
    ]);
    expect(path.moves.find((t) => t.title === 'Ledger Auditors')?.steps).toBeUndefined();
  });

  it('reads the typical level as the category the median worker reports', () => {
    expect(typicalCategory([10, 30, 20, 40])).toBe(3);
    expect(typicalCategory([50, 50])).toBe(1);
    expect(typicalCategory(undefined)).toBeUndefined();
  });
});

describe('pay gaps', () => {
  it('compare one source and one year, the freshest where both have their own figures', () => {
    const a = [pay(61000, 'bls-ooh', '2024'), pay(57000)];
    expect(comparePay(a, [pay(70000, 'bls-ooh', '2024'), pay(66000)])).toMatchObject({ period: '2024', origin: 61000 });
    expect(comparePay(a, [pay(66000)])).toMatchObject({ period: 'May 2021', origin: 57000, target: 66000 });
  });

  it('prefer own figures to group figures, and say when a group figure is used', () => {
    const a = [pay(61000, 'bls-ooh', '2024', true), pay(57000)];
    expect(comparePay(a, [pay(70000, 'bls-ooh', '2024'), pay(66000)])).toMatchObject({
      period: 'May 2021',
      group: false,
    });
    expect(comparePay(a, [pay(70000, 'bls-ooh', '2024')])).toMatchObject({ period: '2024', group: true });
  });

  it('give no gap when no source and year covers both', () => {
    expect(comparePay([pay(61000, 'bls-ooh', '2024')], [pay(66000)])).toBeUndefined();
  });
});

describe('an occupation O*NET does not rate', () => {
  const task = (text: string): TaskLine => ({ task: text, exposure: 0, source: 'test' });
  const ledgerTasks = ['Post entries to the ledger.', 'Reconcile ledger balances monthly.', 'Audit ledger accounts.'];
  const withTasks = (o: OccupationData, tasks: string[]): OccupationData => ({ ...o, tasks: tasks.map(task) });
  const unrated = (tasks: string[], jobZone = 4): OccupationData =>
    withTasks(
      job('90-1099', 'Ledger Scribes', 85, null, {
        profile: { ratedCodes: [], jobZone, technologies: [], inDemand: [] },
        annualPay: [pay(50000)],
      }),
      tasks,
    );
  // The ledger family keeps ledgers; the others paint. Auditors' wording is nearest the scribes'.
  const rated = pool.map((o) =>
    o.title === 'Ledger Auditors'
      ? withTasks(o, ledgerTasks)
      : o.soc.startsWith('90-10')
        ? withTasks(o, [...ledgerTasks, `File ${o.title} records for the office.`])
        : withTasks(o, [`Paint ${o.title}.`]),
  );

  it('borrows the profile of the rated occupation in its Job Zone whose tasks read most alike, and names it', () => {
    const scribes = unrated(['Post entries to the ledger.', 'Reconcile ledger balances.']);
    const m = reskillingModel([...rated, scribes], reference);
    expect(m.proxyOf(scribes)?.occupation.title).toBe('Ledger Auditors');
    const p = m.pathFrom(scribes, 5);
    expect(p.proxy?.occupation.title).toBe('Ledger Auditors');
    expect(p.moves.length).toBeGreaterThan(0);
    // The stand-in is not offered as a move: its similarity would be 1 by construction.
    expect(p.moves.map((t) => t.title)).not.toContain('Ledger Auditors');
  });

  it('gets no computed moves or gaps when no rated occupation shares its tasks or Job Zone', () => {
    const strangers = unrated(['Herd clouds across the valley.']);
    const m = reskillingModel([...rated, strangers], reference);
    expect(m.proxyOf(strangers)).toBeUndefined();
    expect(m.pathFrom(strangers, 5)).toEqual({ moves: [], longRange: [] });
    expect(m.factsOf(strangers, auditors).skillsToBuild).toBeUndefined();
    const elsewhere = unrated(ledgerTasks, 1);
    expect(reskillingModel([...rated, elsewhere], reference).proxyOf(elsewhere)).toBeUndefined();
  });
});

describe('thresholds', () => {
  it('are the mean minus one standard deviation of within-group similarity (SOC minor and broad groups)', () => {
    const { viable, highlyViable, minorGroups, broadGroups } = model.thresholds;
    expect(viable).toBeCloseTo(minorGroups.mean - minorGroups.sd, 10);
    expect(highlyViable).toBeCloseTo(broadGroups.mean - broadGroups.sd, 10);
    // Minor groups with two or more rated occupations: 90-1, 91-1, 92-1, 93-1, the fillers' 94-1, 95-1, 96-1.
    expect(minorGroups.groups).toBe(7);
  });
});

describe('safer, or lateral from among the least exposed', () => {
  it('asks a drop of minExposureDrop points, and of an origin already among the least exposed only no more', () => {
    const { minExposureDrop, leastExposedBelow } = TRANSITION_RULES;
    expect(leastExposedBelow).toBe(20);
    expect(isSaferOrLateral(60, 60 - minExposureDrop)).toBe(true);
    expect(isSaferOrLateral(60, 60 - minExposureDrop + 0.1)).toBe(false);
    // Already among the least exposed: no more exposed, and still in the least exposed fifth.
    expect(isSaferOrLateral(15, 15)).toBe(true);
    expect(isSaferOrLateral(15, 4)).toBe(true);
    expect(isSaferOrLateral(15, 15.5)).toBe(false);
    expect(isSaferOrLateral(19, 19)).toBe(true);
    expect(isSaferOrLateral(20, 19)).toBe(false);
  });

  it('labels lateral moves, says so in the reason, and counts them like safer ones', () => {
    const quiet = job('90-1050', 'Quiet Keepers', 15, ledger(), { annualPay: [pay(57000)] });
    const calm = [
      job('90-1051', 'Calmer Keepers', 8, ledger(), { annualPay: [pay(60000)] }),
      job('90-1052', 'Equal Keepers', 15, ledger(), { annualPay: [pay(60000)] }),
      job('90-1053', 'Busier Keepers', 18, ledger(), { annualPay: [pay(60000)] }),
    ];
    const m = reskillingModel([...pool, quiet, ...calm], reference);
    const p = m.pathFrom(quiet, 10);
    expect(p.leastExposed).toBe(true);
    expect(titles(p.moves)).toEqual(['Calmer Keepers', 'Equal Keepers']);
    for (const t of p.moves) {
      expect(t.lateral).toBe(true);
      expect(t.why).toMatch(/like yours it is among the fifth of occupations least exposed to AI\.$/);
    }
    expect(p.counts?.safer).toBeGreaterThanOrEqual(2);
    // A safer path is not lateral.
    expect(path.leastExposed).toBeUndefined();
    for (const t of path.moves) expect(t.lateral).toBeUndefined();
  });
});

describe('gates added in the second round', () => {
  const from = (spec: Partial<Spec>, soc = '80-1011', extra: Partial<OccupationData> = {}) =>
    job(soc, 'Origin Workers', 60, ledger(spec), extra);
  const to = (spec: Partial<Spec>, soc = '81-2021') => job(soc, 'Target Workers', 30, ledger(spec));
  const gate = (origin: OccupationData, target: OccupationData, core?: Parameters<typeof gateOf>[4]) =>
    gateOf(origin, origin.profile as OnetProfile, target, reference, core);

  it('a bachelor’s degree the origin typically lacks', () => {
    expect(gate(from({ education: 3 }), to({ education: 6 }))).toEqual({
      kind: 'degree',
      requirement:
        "Usually a bachelor's degree: 100 % of Target Workers report needing a bachelor's degree or more (O*NET 30.1).",
    });
    expect(gate(from({ education: 6 }), to({ education: 6 }))).toBeUndefined();
  });

  it('an education two steps above the origin’s (none to an associate’s degree)', () => {
    expect(gate(from({ education: 2 }), to({ education: 5 }))).toEqual({
      kind: 'education-step',
      requirement:
        "Usually an associate's degree, two steps of education above a high school diploma: 100 % of Target Workers report needing an associate's degree or more (O*NET 30.1).",
    });
    // A post-secondary certificate to an associate's degree is one step: shown as a step, not a gate.
    expect(gate(from({ education: 3 }), to({ education: 5 }))).toBeUndefined();
  });

  it('a vocational certificate most of the target’s workers report, when the origin has less', () => {
    const mostly = Array.from({ length: 12 }, (_, i) => (i === 2 ? 70 : i === 1 ? 30 : 0));
    const some = Array.from({ length: 12 }, (_, i) => (i === 2 ? 45 : i === 1 ? 55 : 0));
    expect(gate(from({ education: 2 }), to({ education: mostly }))).toEqual({
      kind: 'certificate',
      requirement:
        'A post-secondary certificate from a vocational programme: 70 % of Target Workers report needing one (O*NET 30.1).',
    });
    expect(gate(from({ education: 2 }), to({ education: some }))).toBeUndefined();
    expect(gate(from({ education: 3 }), to({ education: mostly }))).toBeUndefined();
  });

  it('an apprenticeship or long employer programme, unless the origin is in the same SOC broad group', () => {
    const trade = to({ education: 2, onTheJob: 7 });
    expect(gate(from({ education: 2 }), trade)).toEqual({
      kind: 'apprenticeship',
      requirement:
        'An apprenticeship or long training programme: the typical Target Workers had on the job 7 of on-the-job training (O*NET 30.1).',
    });
    expect(gate(from({ education: 2 }, '81-2022'), trade)).toBeUndefined();
    expect(gate(from({ education: 2 }), to({ education: 2, onTheJob: 6, onSite: 6 }))?.kind).toBe('apprenticeship');
    expect(gate(from({ education: 2 }), to({ education: 2, onTheJob: 6, onSite: 5 }))).toBeUndefined();
    // Long training after a degree is a profession's, not an apprenticeship: no gate for an origin with one.
    expect(gate(from({ education: 6 }), to({ education: 6, onTheJob: 7 }))).toBeUndefined();
  });

  it('a field of study the origin lacks, among the target’s two most distinctive knowledge areas (Job Zone 3+)', () => {
    // Target relies on Medicine and Dentistry (index 2) at level 0.9 × 7; the origin at 0.1 × 7.
    const clinic = (jobZone: number) => to({ knowledge: [0.9, 0.6, 0.9, 0.05, 0.1], jobZone, education: 6 }, '82-3031');
    const core = { knowledge: [0, 2], skills: [] };
    expect(gate(from({ education: 6 }), clinic(4), core)).toEqual({
      kind: 'study',
      requirement:
        'Study of Medicine and Dentistry: Target Workers rely on it more than most jobs do, at level 6.3 of 7 where Origin Workers are at 0.7 (O*NET 30.1).',
    });
    expect(gate(from({ education: 6 }), clinic(2), core)).toBeUndefined();
    expect(gate(from({ education: 6 }), clinic(4), { knowledge: [0, 1, 2], skills: [] })).toBeUndefined();
    expect(gate(from({ education: 6 }), clinic(4))).toBeUndefined();
  });

  it('reads an origin’s education from the Handbook where O*NET has none', () => {
    const bare = job('80-1012', 'Bare Workers', 60, null, {
      profile: { ratedCodes: [], technologies: [], inDemand: [] },
      ooh: { url: 'https://www.bls.gov/ooh/x.htm', entryEducation: "Bachelor's degree" },
    });
    expect(typicalEducation(bare)).toBe(TRANSITION_RULES.bachelorsEducation);
    expect(typicalEducation(bare, profile(ledger({ education: 2 })))).toBe(2);
  });
});

describe('viability added in the second round', () => {
  const task = (text: string): TaskLine => ({ task: text, exposure: 0, source: 'test' });
  const withTasks = (o: OccupationData, tasks: string[]): OccupationData => ({ ...o, tasks: tasks.map(task) });
  const ledgerWork = ['Post entries to the ledger.', 'Reconcile ledger balances monthly.', 'Audit ledger accounts.'];
  // Every family's members share their family's wording, so pairs inside a minor group overlap.
  const worded = pool.map((o) =>
    withTasks(o, o.soc.startsWith('90-') ? [...ledgerWork, `File ${o.title} records.`] : [`Paint ${o.soc} walls.`]),
  );
  const stranger = withTasks(job('90-1060', 'Ledger Painters', 40, ledger(), { annualPay: [pay(60000)] }), [
    'Paint walls and ceilings with rollers.',
    'Mix paint colours for each room.',
  ]);
  const m = reskillingModel([...worded, stranger], reference);
  const origin = worded[0] as OccupationData;

  it('asks the task statements to overlap at least as much as nine in ten pairs inside one SOC minor group', () => {
    const { floor, quantile, pairs } = m.thresholds.tasks;
    expect(quantile).toBe(0.1);
    expect(pairs).toBeGreaterThan(0);
    expect(floor).toBeGreaterThan(0);
    const auditorsHere = worded.find((o) => o.title === 'Ledger Auditors') as OccupationData;
    expect(m.similarity.tasksBetween(origin.profile as OnetProfile, stranger.profile as OnetProfile)).toBeLessThan(
      floor,
    );
    // The same profile with other work: not viable. The same profile with the same work: viable.
    expect(m.isViableMove(origin, stranger)).toBe(false);
    expect(m.isViableMove(origin, auditorsHere)).toBe(true);
    expect(titles(m.pathFrom(origin, 10).moves)).not.toContain('Ledger Painters');
  });

  it('derives a stricter task floor from SOC broad groups, and a knowledge floor between two degree jobs', () => {
    expect(m.thresholds.tasks.broadFloor).toBeGreaterThanOrEqual(0);
    expect(m.thresholds.degreeKnowledge.quantile).toBe(TRANSITION_RULES.degreeKnowledgeQuantile);
    expect(m.thresholds.degreeKnowledge.pairs).toBeGreaterThan(0);
  });

  it('finds the knowledge area a match rests on', () => {
    const artsy = profile({ knowledge: [0.05, 0.05, 0.05, 0.95, 0.05], skills: [0.3, 0.3, 0.3, 0.3] });
    const alsoArtsy = profile({ knowledge: [0.1, 0.05, 0.1, 0.9, 0.1], skills: [0.6, 0.1, 0.6, 0.2] });
    const one = m.similarity.largestKnowledgeShare(artsy, alsoArtsy);
    expect(reference.knowledge[one?.element ?? -1]?.name).toBe('Fine Arts');
    expect(one?.share).toBeGreaterThan(TRANSITION_RULES.oneAreaShare);
    const ledgerShare = m.similarity.largestKnowledgeShare(
      origin.profile as OnetProfile,
      origin.profile as OnetProfile,
    );
    expect(ledgerShare?.share).toBeLessThan(1);
  });
});

describe('the gap a move turns on', () => {
  const have = profile(LEDGER);
  // Gaps: Medicine 2.1, Law 1.89, Mechanical 1.4, Writing 1.26, Speaking 0.42 (under the clear gap of 0.5).
  const target = profile({ ...LEDGER, knowledge: [0.9, 0.9, 0.6, 0.05, 0.5], skills: [0.8, 0.9, 0.1, 0.6] });

  it('marks the target’s core elements and keeps the largest of them in the list', () => {
    const plain = skillGaps(have, target, reference);
    expect(plain.map((g) => g.name)).toEqual(['Medicine and Dentistry', 'Law and Government', 'Mechanical', 'Writing']);
    expect(plain.some((g) => g.core)).toBe(false);
    // Speaking (skill index 3) as the only core element: marked, and kept though its gap is small.
    const gaps = skillGaps(have, target, reference, { knowledge: [], skills: [3] });
    expect(gaps.map((g) => [g.name, Boolean(g.core)])).toEqual([
      ['Medicine and Dentistry', false],
      ['Law and Government', false],
      ['Mechanical', false],
      ['Writing', false],
      ['Speaking', true],
    ]);
    // With Mechanical core too, the largest core gap is already listed: nothing is added.
    expect(skillGaps(have, target, reference, { knowledge: [4], skills: [3] }).map((g) => g.name)).toEqual(
      plain.map((g) => g.name),
    );
  });

  it('names an element once when it is both a knowledge area and a skill (Mathematics), with the larger gap', () => {
    // O*NET has Mathematics as both; here the first knowledge area and the first skill share one name.
    const twin = {
      ...reference,
      skills: [{ id: '2.A.0', name: 'Economics and Accounting' }, ...reference.skills.slice(1)],
    };
    const from = profile({ ...LEDGER, knowledge: [0.5, 0.6, 0.1, 0.05, 0.1], skills: [0.1, 0.7, 0.1, 0.5] });
    const to = profile({ ...LEDGER, knowledge: [0.9, 0.6, 0.1, 0.05, 0.1], skills: [0.8, 0.7, 0.1, 0.5] });
    const gaps = skillGaps(from, to, twin);
    // Knowledge 0.5 → 0.9 (gap 0.9 × 2.8 = 2.52) and skill 0.1 → 0.8 (0.8 × 4.9 = 3.92): the skill's gap is kept.
    expect(gaps).toEqual([{ name: 'Economics and Accounting', kind: 'skill', gap: 3.92, level: 5.6, have: 0.7 }]);
  });
});
