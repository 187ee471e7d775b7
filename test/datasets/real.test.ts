// The real public datasets (AIRISK_DATA_DIR, ../shared/datasets in tests): what a person asking about
// accountants or medical coders will see.
import { describe, expect, it } from 'vitest';
import { loadDatasets } from '../../src/catalog/datasets/load.js';
import type { OccupationData } from '../../src/catalog/datasets/types.js';
import { consensusOf } from '../../src/engine/consensus.js';
import { TRANSITION_RULES, computedTransitions, skillGaps } from '../../src/engine/reskilling.js';

const dir = process.env.AIRISK_DATA_DIR;
if (!dir) throw new Error('AIRISK_DATA_DIR must be set (vitest.config.ts sets it to ../shared/datasets)');
const data = loadDatasets(dir);
const all = [...data.occupations.values()];
const occupation = (soc: string): OccupationData => {
  const o = data.occupations.get(soc);
  if (!o) throw new Error(`SOC ${soc} is not in the datasets`);
  return o;
};

describe('Accountants and Auditors (13-2011)', () => {
  const accountant = occupation('13-2011');

  it('is ranked by at least two sources, each with a percentile', () => {
    expect(accountant.title).toBe('Accountants and Auditors');
    const ranked = accountant.measures.filter((m) => m.percentile !== null);
    expect(new Set(ranked.map((m) => m.source)).size).toBeGreaterThanOrEqual(2);
    for (const m of ranked) {
      expect(m.percentile).toBeGreaterThanOrEqual(0);
      expect(m.percentile).toBeLessThanOrEqual(100);
      expect(data.sources.get(m.source)?.name).toBe(m.sourceName);
    }
    expect(consensusOf(accountant.measures)?.sourceCount).toBe(ranked.length);
  });

  it('has pay, employment and outlook a person can read', () => {
    expect(accountant.pay[0]).toMatchObject({ label: 'Median pay', source: 'bls-ooh', period: '2024' });
    expect(accountant.pay[0]?.display).toMatch(/^\$\d{2,3},\d{3} a year$/);
    expect(accountant.medianPay).toBe(accountant.pay[0]?.value);
    expect(accountant.employment.length).toBeGreaterThan(0);
    const outlook = accountant.outlook.find((f) => f.period === '2024–2034');
    expect(outlook?.display).toMatch(/^[+-]?\d+% \([a-z ]+\)$/);
    expect(accountant.ooh?.url).toMatch(/^https:\/\/www\.bls\.gov\/ooh\//);
  });

  it('gets at least three computed moves that are safer and pay comparably', () => {
    const origin = consensusOf(accountant.measures);
    const moves = computedTransitions(accountant, all);
    expect(moves.length).toBeGreaterThanOrEqual(3);
    for (const move of moves) {
      expect(move.origin).toBe('computed');
      expect(move.exposurePercentile).toBeLessThanOrEqual((origin?.percentile ?? 0) - TRANSITION_RULES.minExposureDrop);
      expect(move.exposureGap).toBeLessThan(0);
      expect(move.medianPay).toBeGreaterThanOrEqual(TRANSITION_RULES.minPayRatio * (accountant.medianPay ?? Infinity));
      expect(move.payGap).toBe((move.medianPay ?? 0) - (accountant.medianPay ?? 0));
      expect(move.similarity).toBeGreaterThan(0);
      expect(move.similarity).toBeLessThanOrEqual(1);
      expect(move.why).toMatch(/percentile points lower for AI exposure\.$/);
      expect(move.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    }
    const similarities = moves.map((m) => m.similarity ?? 0);
    expect(similarities).toEqual([...similarities].sort((a, b) => b - a));
  });

  it('has skill gaps toward a move that are real level differences, biggest first', () => {
    const target = occupation(computedTransitions(accountant, all)[0]?.soc ?? '');
    const gaps = skillGaps(accountant, target);
    for (const g of gaps) {
      const want = target.skills?.find((s) => s.name === g.name)?.level ?? 0;
      const have = accountant.skills?.find((s) => s.name === g.name)?.level ?? 0;
      expect(g.kind).toBe('gap');
      expect(g.gap).toBeCloseTo(want - have, 5);
      expect(g.gap).toBeGreaterThan(0);
    }
    expect(gaps.map((g) => g.gap)).toEqual(gaps.map((g) => g.gap).sort((a, b) => (b ?? 0) - (a ?? 0)));
  });
});

describe('Medical Records Specialists (29-2072), where medical coders sit', () => {
  const records = occupation('29-2072');

  it('flags the coding task humans call E0 and GPT-4 calls E2', () => {
    const coding = records.tasks.find((t) => t.task.startsWith('Identify, compile, abstract, and code patient data'));
    expect(coding).toMatchObject({
      humanExposure: 'E0',
      gpt4Exposure: 'E2',
      disagreement: true,
      exposure: 0.25,
      source: 'eloundou-tasks',
    });
  });

  it('lists tasks most exposed first and flags only real disagreements', () => {
    const exposures = records.tasks.map((t) => t.exposure);
    expect(exposures).toEqual([...exposures].sort((a, b) => b - a));
    for (const t of records.tasks) expect(Boolean(t.disagreement)).toBe(t.humanExposure !== t.gpt4Exposure);
  });
});

describe('the whole load', () => {
  it('covers the occupations the exposure sources rate and says what did not join', () => {
    expect(data.occupations.size).toBeGreaterThanOrEqual(785);
    expect(data.note).toMatch(/^Public datasets from .+: [\d,]+ occupations/);
    expect(data.note).toMatch(/Not joined: \d+ of \d+ Handbook pages/);
  });

  it('never shows a BLS mark as a number', () => {
    for (const o of all) {
      for (const f of [...o.pay, ...o.employment, ...o.outlook]) {
        expect(Number.isFinite(f.value), `${o.soc} ${f.label}`).toBe(true);
        expect(f.display, `${o.soc} ${f.label}`).not.toMatch(/NaN|undefined|\*|#/);
      }
      if (o.medianPay !== undefined) expect(o.medianPay).toBeGreaterThan(0);
    }
  });

  it('shows a top-coded OEWS median as "or more", never as medianPay', () => {
    const topCoded = all.filter((o) => o.pay.some((p) => p.note?.includes('Top-coded')));
    expect(topCoded.length).toBeGreaterThan(0);
    for (const o of topCoded) {
      const line = o.pay.find((p) => p.note?.includes('Top-coded'));
      expect(line?.display).toMatch(/or more/);
      expect(o.medianPay).not.toBe(line?.value);
    }
  });
});
