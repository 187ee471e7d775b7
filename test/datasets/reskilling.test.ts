// Computed reskilling moves and skill gaps on made-up occupations, so each rule can be seen in isolation.
import { describe, expect, it } from 'vitest';
import type { Measure } from '../../src/answers/types.js';
import type { OccupationData } from '../../src/catalog/datasets/types.js';
import { TRANSITION_RULES, computedTransitions, cosine, skillGaps } from '../../src/engine/reskilling.js';

const SKILLS = ['Mathematics', 'Reading Comprehension', 'Speaking', 'Science'];

function job(
  soc: string,
  title: string,
  exposure: number,
  levels: (number | null)[],
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
    skills: SKILLS.map((name, i) => ({ name, importance: 50, level: levels[i] ?? null })),
    ...extra,
  };
}

const origin = job('90-0001', 'Ledger Keepers', 80, [70, 60, 30, 10], { medianPay: 60000, jobZone: 3 });
const twin = job('90-0002', 'Ledger Auditors', 50, [72, 62, 32, 12], { medianPay: 65000, jobZone: 3 });
const cousin = job('90-0003', 'Number Planners', 40, [60, 60, 40, 30], { medianPay: 58000, jobZone: 4 });
const opposite = job('90-0004', 'Stage Hosts', 10, [10, 40, 90, 10], { medianPay: 90000, jobZone: 2 });
// Occupations each rule must leave out; their profile sits mid-pool so it does not dominate the standardization.
const MID = [50, 50, 50, 50];
const pool = [
  origin,
  twin,
  cousin,
  opposite,
  job('90-0005', 'Riskier Clerks', 90, MID, { medianPay: 70000 }),
  job('90-0006', 'Barely Safer Clerks', 80 - TRANSITION_RULES.minExposureDrop + 1, MID, { medianPay: 70000 }),
  job('90-0007', 'Cheaper Keepers', 20, MID, { medianPay: 53000 }),
  job('90-0008', 'Unpaid Keepers', 20, MID),
  job('90-0009', 'Doctoral Keepers', 20, MID, { medianPay: 90000, jobZone: 5 }),
  job('90-0010', 'Keepers, All Other', 20, MID, { medianPay: 90000 }),
  job('90-0011', 'Unskilled Keepers', 20, [], { medianPay: 90000, skills: undefined }),
  job('90-0012', 'Unranked Keepers', 20, MID, { medianPay: 90000, measures: [] }),
];

describe('computedTransitions', () => {
  const moves = computedTransitions(origin, pool);

  it('keeps only safer, comparably paid, reachable, real occupations with a skills profile', () => {
    expect(moves.map((m) => m.title).sort()).toEqual(['Ledger Auditors', 'Number Planners']);
  });

  it('ranks by standardized skill similarity, most similar first', () => {
    expect(moves.map((m) => m.soc)).toEqual(['90-0002', '90-0003']);
    expect(moves[0]?.similarity).toBeGreaterThan(moves[1]?.similarity ?? 1);
  });

  it('reports exposure and pay gaps against the origin', () => {
    expect(moves[0]).toMatchObject({
      id: 'ledger-auditors',
      title: 'Ledger Auditors',
      soc: '90-0002',
      exposurePercentile: 50,
      exposureGap: -30,
      medianPay: 65000,
      payGap: 5000,
      origin: 'computed',
    });
    expect(moves[0]?.skillsToBuild).toEqual([
      { name: 'Mathematics', gap: 2 },
      { name: 'Reading Comprehension', gap: 2 },
      { name: 'Science', gap: 2 },
    ]);
  });

  it('explains the move with the strengths both jobs share', () => {
    expect(moves[0]?.why).toBe(
      'Like Ledger Keepers, it needs more Reading Comprehension and Mathematics than most jobs, and it ranks 30 percentile points lower for AI exposure.',
    );
  });

  it('respects the limit', () => {
    expect(computedTransitions(origin, pool, 1)).toHaveLength(1);
  });

  it('has nothing to offer without a skills profile or a ranked exposure', () => {
    expect(computedTransitions({ ...origin, skills: undefined }, pool)).toEqual([]);
    expect(computedTransitions({ ...origin, measures: [] }, pool)).toEqual([]);
  });

  it('accepts any iterable, such as a Map of occupations', () => {
    expect(computedTransitions(origin, new Map(pool.map((o) => [o.soc, o])).values())).toEqual(moves);
  });
});

describe('skillGaps', () => {
  it('lists skills the target needs more of, biggest gap first, in level points', () => {
    expect(skillGaps(origin, opposite)).toEqual([
      {
        id: 'gap-speaking',
        name: 'Speaking',
        kind: 'gap',
        gap: 60,
        description: 'Stage Hosts uses it at level 90, Ledger Keepers at 30 (O*NET, 0–100).',
      },
    ]);
    expect(skillGaps(origin, cousin).map((g) => [g.name, g.gap])).toEqual([
      ['Science', 20],
      ['Speaking', 10],
    ]);
    expect(skillGaps(origin, cousin, 1)).toHaveLength(1);
  });

  it('counts an origin skill O*NET marks "Not relevant" as level 0', () => {
    const noScience = job('90-0020', 'Pure Readers', 50, [70, 60, 30, null]);
    expect(skillGaps(noScience, cousin).find((g) => g.name === 'Science')?.gap).toBe(30);
  });
});

describe('cosine', () => {
  it('is 1 for proportional vectors, 0 for orthogonal or empty ones', () => {
    expect(cosine([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 10);
    expect(cosine([1, 0], [0, 1])).toBe(0);
    expect(cosine([0, 0], [1, 1])).toBe(0);
  });
});
