// Every occupation in the datasets, and every curated role, gets a valid, sourced answer.
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/renderers/terminal.js';
import { bootEngine, warmUpInBackground } from '../../src/transports/boot.js';

describe('an answer for every occupation', () => {
  const { engine, catalog } = bootEngine();

  it('covers every dataset occupation', () => {
    expect(catalog.datasets.occupations.size).toBeGreaterThan(700);
    for (const soc of catalog.datasets.occupations.keys()) expect(catalog.bySoc.has(soc), soc).toBe(true);
  });

  it('composes and renders a card for each role, with dated sources and honest gaps', () => {
    let withTransitions = 0;
    for (const role of catalog.roles.values()) {
      const answer = engine.roleById(role.id);
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
      if (answer.path.transitions.length >= 3) withTransitions++;
      const text = renderText(answer);
      expect(text).toContain(role.title);
      expect(text).not.toMatch(/undefined|NaN|\[object Object\]/);
    }
    // Most occupations get a computed path; those without a skills profile say so in `lacks`.
    expect(withTransitions / catalog.roles.size).toBeGreaterThan(0.5);
  });

  it("shows BLS median pay for medical coders once, from the seed's citation and the BLS files both", () => {
    const card = engine.roleById('medical-coder');
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
