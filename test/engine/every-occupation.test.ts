// Every occupation in the datasets, and every curated role, gets a valid, sourced answer.
import { describe, expect, it } from 'vitest';
import type { Transition } from '../../src/answers/types.js';
import type { OccupationData } from '../../src/catalog/datasets/types.js';
import { consensusOf } from '../../src/engine/consensus.js';
import { TRANSITION_RULES, isSaferOrLateral, reskillingModel, typicalEducation } from '../../src/engine/reskilling.js';
import { renderText } from '../../src/renderers/terminal.js';
import { bootEngine, warmUpInBackground } from '../../src/app/boot.js';

describe('an answer for every occupation', () => {
  const { engine, catalog } = bootEngine();

  it('covers every dataset occupation', () => {
    expect(catalog.datasets.occupations.size).toBeGreaterThan(700);
    for (const soc of catalog.datasets.occupations.keys()) expect(catalog.bySoc.has(soc), soc).toBe(true);
  });

  it('composes and renders a card for each role, with dated sources and honest gaps', () => {
    for (const role of catalog.roles.values()) {
      const answer = engine.card(role.id);
      expect(answer, role.id).not.toBeNull();
      if (!answer) continue;
      expect(answer.role.id).toBe(role.id);
      expect(answer.headline ?? answer.lacks.length, `${role.id} has a headline or says what it lacks`).toBeTruthy();
      for (const m of answer.measures) {
        expect(m.asOf, `${role.id} ${m.source} has a date`).toMatch(/^\d{4}/);
        if (m.percentile !== null) expect(m.percentile).toBeGreaterThanOrEqual(0);
        if (m.percentile !== null) expect(m.percentile).toBeLessThanOrEqual(100);
      }
      if (role.data) {
        // An O*NET occupation no exposure source rates is answered too, saying so instead of showing a score.
        const rated = answer.measures.some((m) => m.origin === 'dataset');
        const saysUnrated = answer.lacks.some((l) => /^Not rated in/.test(l));
        expect(rated || saysUnrated, `${role.id} shows dataset measures or says it is not rated`).toBe(true);
        expect(answer.tasks.length + answer.lacks.length).toBeGreaterThan(0);
      }
      for (const s of answer.sources) expect(s.name.length).toBeGreaterThan(0);
      // A figure a seed quotes and a dataset repeats (same value, unit and period) is shown once, naming both sources.
      for (const list of [answer.pay, answer.employment, answer.outlook]) {
        const keys = list.map((f) => `${f.unit} ${f.value} ${f.period ?? ''}`);
        expect(new Set(keys).size, `${role.id}: ${keys.join(', ')}`).toBe(keys.length);
        for (const f of list)
          for (const id of f.confirmedBy ?? []) expect(answer.sources.map((s) => s.id)).toContain(id);
      }

      const text = renderText(answer);
      expect(text).toContain(role.title);
      expect(text).not.toMatch(/undefined|NaN|\[object Object\]/);
    }
  });

  it('never computes a move that breaks a documented rule (every move of every occupation)', () => {
    const occupations = [...catalog.datasets.occupations.values()];
    const reference = catalog.datasets.onet;
    if (!reference) throw new Error('the O*NET reference must be loaded');
    const model = reskillingModel(occupations, reference);
    const { viable, tasks, degreeKnowledge } = model.thresholds;
    const rules = TRANSITION_RULES;
    type Profile = NonNullable<OccupationData['profile']>;
    let moves = 0;
    let lateral = 0;
    for (const origin of occupations) {
      const path = model.pathFrom(origin, 6);
      const basis = path.proxy?.occupation ?? origin;
      const from = consensusOf(origin.measures)?.percentile ?? NaN;
      const zone = origin.profile?.jobZone ?? basis.profile?.jobZone ?? NaN;
      expect(Boolean(path.leastExposed), origin.soc).toBe(from < rules.leastExposedBelow);
      for (const t of [...path.moves, ...path.longRange]) {
        const target = catalog.datasets.occupations.get(t.soc ?? '') as OccupationData;
        const where = `${origin.soc} → ${t.soc}`;
        moves++;
        expect(target, where).toBeDefined();
        expect(t.soc, where).not.toBe(origin.soc);
        expect(target.title, where).not.toMatch(/, all other$/i);
        // Viable: similar enough, at most one Job Zone apart, task statements that overlap, a knowledge match that
        // does not rest on one area with unlike tasks, and between two degree jobs, knowledge that carries over.
        const a = basis.profile as Profile;
        const b = target.profile as Profile;
        const s = model.similarity.between(a, b);
        expect(s?.combined ?? -Infinity, where).toBeGreaterThanOrEqual(viable);
        expect(['viable', 'highly viable'], where).toContain(t.fit);
        expect(Math.abs((b.jobZone ?? NaN) - zone), where).toBeLessThanOrEqual(rules.maxJobZoneStep);
        const overlap = model.similarity.tasksBetween(a, b);
        if (overlap !== null) expect(overlap, where).toBeGreaterThanOrEqual(tasks.floor);
        const oneArea = model.similarity.largestKnowledgeShare(a, b);
        if (oneArea && oneArea.share > rules.oneAreaShare && overlap !== null)
          expect(overlap, where).toBeGreaterThanOrEqual(tasks.broadFloor);
        const degrees = [typicalEducation(origin, a), typicalEducation(target)].every(
          (e) => (e ?? 0) >= rules.bachelorsEducation,
        );
        if (degrees) expect(s?.facets.knowledge ?? -1, where).toBeGreaterThanOrEqual(degreeKnowledge.floor);
        // Safer by the margin, or from an origin already among the least exposed, no more exposed (and labelled).
        expect(isSaferOrLateral(from, t.exposurePercentile ?? Infinity), where).toBe(true);
        expect(Boolean(t.lateral), where).toBe(Boolean(path.leastExposed));
        if (t.lateral) lateral++;
        // Desirable, within one source and one year, both figures as published.
        const floor = (b.jobZone ?? 0) < zone ? rules.lowerZoneMinPayRatio : rules.minPayRatio;
        expect(t.pay?.ratio ?? 0, where).toBeGreaterThanOrEqual(floor);
        expectOneSourceAndYear(t, origin, target, where);
      }
      // A plain move needs nothing the origin lacks; a long-range option says what it needs.
      for (const t of path.moves) {
        const target = catalog.datasets.occupations.get(t.soc ?? '') as OccupationData;
        expect(t.gate, `${origin.soc} → ${t.soc}`).toBeUndefined();
        expect(model.gateOf(origin, target), `${origin.soc} → ${t.soc}`).toBeUndefined();
      }
      for (const t of path.longRange) {
        const target = catalog.datasets.occupations.get(t.soc ?? '') as OccupationData;
        expect(t.gate?.requirement, `${origin.soc} → ${t.soc}`).toBeTruthy();
        expect(model.gateOf(origin, target)?.kind, `${origin.soc} → ${t.soc}`).toBe(t.gate?.kind);
      }
    }
    expect(moves).toBeGreaterThan(2000);
    expect(lateral).toBeGreaterThan(100);
  });

  it('shows no skill gap from a missing profile and no pay gap across years or sources, on any card', () => {
    for (const role of catalog.roles.values()) {
      const card = engine.card(role.id);
      if (!card) continue;
      const rated = Boolean(role.data?.profile?.skills && role.data.profile.knowledge);
      const all = [...card.path.transitions, ...card.path.longRange];
      if (!rated && !card.path.proxy) {
        for (const t of all) expect(t.skillsToBuild, `${role.id} → ${t.id}`).toBeUndefined();
        expect(
          card.path.skills.filter((s) => s.kind === 'gap'),
          role.id,
        ).toEqual([]);
      }
      if (card.path.proxy) {
        expect(rated, role.id).toBe(false);
        expect(card.path.proxy.note).toContain(card.path.proxy.title);
        expect(renderText(card, { details: true }).replace(/\s+/g, ' ')).toContain(
          `profile of ${card.path.proxy.title}`,
        );
      }
      for (const t of all) {
        const target = t.soc ? catalog.datasets.occupations.get(t.soc) : undefined;
        // Computed numbers only where the target has a profile too (a curated move may lack one).
        if (t.skillsToBuild) expect(target?.profile?.skills, `${role.id} → ${t.id}`).toBeDefined();
        if (t.payGap !== undefined && role.data && target)
          expectOneSourceAndYear(t, role.data, target, `${role.id} → ${t.id}`);
      }
    }
  });

  it('gives most occupations three moves or more, and says why where it cannot', () => {
    let threeOrMore = 0;
    let rated = 0;
    for (const role of catalog.roles.values()) {
      const card = engine.card(role.id);
      if (!card) continue;
      // Only an occupation an exposure source rates can have safer moves.
      if (card.consensus) rated++;
      if (card.path.transitions.length >= 3) threeOrMore++;
      else if (role.data) expect(card.lacks.join(' '), role.id).toMatch(/computed moves|No reskilling moves/);
      // A job already among the least exposed says its moves are lateral, and its computed moves are labelled so.
      const least = (card.consensus?.percentile ?? 100) < TRANSITION_RULES.leastExposedBelow;
      const computed = card.path.transitions.filter((t) => t.origin === 'computed');
      if (least && computed.length) {
        expect(
          card.lacks.some((l) => l.startsWith('Already among the fifth')),
          role.id,
        ).toBe(true);
        for (const t of computed) expect(t.lateral, `${role.id} → ${t.id}`).toBe(true);
      }
      for (const t of computed) if (!least) expect(t.lateral, `${role.id} → ${t.id}`).toBeUndefined();
    }
    expect(threeOrMore / rated).toBeGreaterThan(0.5);
  });

  it("shows BLS median pay for medical coders once, from the seed's citation and the BLS files both", () => {
    const card = engine.card('medical-coder');
    const blsPay = card?.pay.filter((f) => f.value === 50250) ?? [];
    expect(blsPay).toHaveLength(1);
    expect(blsPay[0]).toMatchObject({ source: 'bls-median-pay-may-2024', confirmedBy: ['bls-ooh'] });
    expect(blsPay[0]?.note).toMatch(/BLS Occupational Outlook Handbook \(2024\) gives the same figure\.$/);
    // Different figures from the same files stay: 2021 wage, employment counts.
    expect(card?.pay.some((f) => f.value === 46660)).toBe(true);
  });

  it('warms up in short steps a server can answer between, ending with every card composed', () => {
    const fresh = bootEngine().engine;
    const question = 'someone who draws blood samples from patients';
    const steps = fresh.warmUpSteps();
    let count = 0;
    for (let next = steps.next(); !next.done; next = steps.next()) {
      // A question midway (here, one that needs the task index) is answered in full, as after the warm-up.
      if (++count === 3) expect(fresh.ask(question)).toEqual(engine.ask(question));
    }
    // At least one step per card: each is a millisecond or two.
    expect(count).toBeGreaterThanOrEqual(catalog.roles.size);
    expect(fresh.warmUp()).toBe(catalog.roles.size);
    expect(fresh.ask(question)).toEqual(engine.ask(question));
  });

  it('warms up in the background in slices, so the event loop keeps turning for requests', async () => {
    const fresh = bootEngine().engine;
    let finished = false;
    warmUpInBackground(fresh, () => (finished = true));
    let turns = 0;
    while (!finished) {
      await new Promise((r) => setImmediate(r));
      turns++;
    }
    // Done in one block, the loop would have turned once; in slices of a few ms it turns hundreds of times.
    expect(turns).toBeGreaterThan(50);
    expect(fresh.warmUp()).toBe(catalog.roles.size);
  });
});

/** A pay gap's two wages are each occupation's own published figure for one source and one period. */
function expectOneSourceAndYear(t: Transition, origin: OccupationData, target: OccupationData, where: string): void {
  const pay = t.pay;
  expect(pay, where).toBeDefined();
  if (!pay) return;
  const mine = origin.annualPay.find((p) => p.source === pay.source && p.period === pay.period);
  const theirs = target.annualPay.find((p) => p.source === pay.source && p.period === pay.period);
  expect(pay.origin, where).toBe(mine?.value);
  expect(pay.target, where).toBe(theirs?.value);
  expect(t.payGap, where).toBe(pay.target - pay.origin);
  expect(t.medianPay, where).toBe(pay.target);
}
