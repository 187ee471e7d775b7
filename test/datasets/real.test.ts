// The real public datasets (AIRISK_DATA_DIR, ../shared/datasets in tests): what a person asking about
// accountants or medical coders will see.
import { describe, expect, it } from 'vitest';
import { loadDatasets } from '../../src/catalog/datasets/load.js';
import type { OccupationData } from '../../src/catalog/datasets/types.js';
import { consensusOf } from '../../src/engine/consensus.js';
import { TRANSITION_RULES, reskillingModel, skillGaps } from '../../src/engine/reskilling.js';

const dir = process.env.AIRISK_DATA_DIR;
if (!dir) throw new Error('AIRISK_DATA_DIR must be set (vitest.config.ts sets it to ../shared/datasets)');
const data = loadDatasets(dir);
const all = [...data.occupations.values()];
const model = () => reskillingModel(all, data.onet as NonNullable<typeof data.onet>);
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

  it('gets at least three computed moves that are safer and pay comparably, in the same year', () => {
    const origin = consensusOf(accountant.measures);
    const { moves } = model().pathFrom(accountant, 5);
    expect(moves.length).toBeGreaterThanOrEqual(3);
    for (const move of moves) {
      expect(move.origin).toBe('computed');
      expect(move.exposurePercentile).toBeLessThanOrEqual((origin?.percentile ?? 0) - TRANSITION_RULES.minExposureDrop);
      expect(move.exposureGap).toBeLessThan(0);
      expect(move.pay?.ratio).toBeGreaterThanOrEqual(TRANSITION_RULES.minPayRatio);
      const own = accountant.annualPay.find((p) => p.source === move.pay?.source && p.period === move.pay?.period);
      expect(move.pay?.origin).toBe(own?.value);
      expect(move.payGap).toBe((move.medianPay ?? 0) - (own?.value ?? 0));
      expect(move.similarity).toBeGreaterThan(0);
      expect(move.similarity).toBeLessThanOrEqual(1);
      expect(move.why).toMatch(/^Both rely on .+ and it ranks [\d.]+ percentile points lower for AI exposure\.$/);
      expect(move.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    }
    const similarities = moves.map((m) => m.similarity ?? 0);
    expect(similarities).toEqual([...similarities].sort((a, b) => b - a));
  });

  it('is no longer pointed at engineers, architects or dentists', () => {
    const titles = model()
      .pathFrom(accountant, 6)
      .moves.map((t) => t.title);
    for (const absurd of [
      'Marine Engineers and Naval Architects',
      'Agricultural Engineers',
      'Architects, Except Landscape and Naval',
    ])
      expect(titles).not.toContain(absurd);
    expect(titles).toContain('Financial Managers');
  });

  it('has gaps toward a move that are real, importance-weighted level differences, biggest first', () => {
    const target = occupation(model().pathFrom(accountant, 1).moves[0]?.soc ?? '');
    const reference = data.onet as NonNullable<typeof data.onet>;
    const gaps = skillGaps(
      accountant.profile as NonNullable<OccupationData['profile']>,
      target.profile as NonNullable<OccupationData['profile']>,
      reference,
    );
    expect(gaps.length).toBeGreaterThanOrEqual(3);
    for (const g of gaps) {
      const kind = g.kind === 'knowledge' ? 'knowledge' : 'skills';
      const i = reference[kind].findIndex((e) => e.name === g.name);
      const importance = target.profile?.[kind]?.importance[i] ?? 0;
      expect(g.level).toBe(target.profile?.[kind]?.level[i]);
      expect(g.have).toBe(accountant.profile?.[kind]?.level[i]);
      expect(g.gap).toBeCloseTo(((importance - 1) / 4) * (g.level - g.have), 1);
      expect(g.gap).toBeGreaterThan(0);
    }
    expect(gaps.map((g) => g.gap)).toEqual(gaps.map((g) => g.gap).sort((a, b) => b - a));
  });
});

describe('Loan Officers (13-2072) to Credit Analysts (13-2041)', () => {
  it('compares pay within one year: May 2021 for both, +$14,060, never 2021 against 2024', () => {
    const facts = model().factsOf(occupation('13-2072'), occupation('13-2041'));
    expect(facts.pay).toMatchObject({ source: 'bls-oews-2021', period: 'May 2021', origin: 63380, target: 77440 });
    expect(facts.payGap).toBe(14060);
  });
});

describe('Registered Nurses (29-1141): tasks of the specialties folded into the SOC', () => {
  it("marks a Critical Care Nurses' task (29-1141.03) as a specialty's, and keeps the nurses' own unmarked", () => {
    const tasks = occupation('29-1141').tasks;
    expect(tasks.find((t) => t.task === 'Provide post-mortem care.')).toMatchObject({ specialty: true });
    const own = tasks.find((t) => t.task.startsWith('Administer medications to patients'));
    expect(own?.specialty).toBeUndefined();
    expect(own?.supplemental).toBeUndefined();
    expect(tasks.some((t) => t.supplemental)).toBe(true);
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

  it('has no O*NET ratings, so its gaps come from a named proxy: the rated occupation whose tasks are most alike', () => {
    expect(records.profile?.skills).toBeUndefined();
    const proxy = model().proxyOf(records);
    expect(proxy?.occupation.soc).toBe('31-9094');
    expect(proxy?.occupation.profile?.jobZone).toBe(records.profile?.jobZone);
    expect(proxy?.taskSimilarity).toBeGreaterThanOrEqual(0.15);
  });

  it('lists tasks most exposed first and flags only real disagreements', () => {
    const exposures = records.tasks.map((t) => t.exposure);
    expect(exposures).toEqual([...exposures].sort((a, b) => b - a));
    for (const t of records.tasks) expect(Boolean(t.disagreement)).toBe(t.humanExposure !== t.gpt4Exposure);
  });
});

describe('the whole load', () => {
  it('has O*NET 30.1 skills and knowledge ratings for nearly every occupation', () => {
    const rated = all.filter((o) => o.profile?.skills && o.profile.knowledge);
    expect(rated.length).toBeGreaterThanOrEqual(775);
    expect(data.onet?.skills).toHaveLength(35);
    expect(data.onet?.knowledge).toHaveLength(33);
  });

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
