// Quality guard over O*NET alternate titles the index does not hold (the people benchmark's held-out titles,
// src/bench/people.ts): the first 1,000 of the benchmark's fixed-seed sample, asked as written. Fails when
// the right occupation drops out of what the answer shows first (the card and its "Also" choices, or the
// first three candidates), or when a card for the wrong occupation comes back. Thresholds sit a little
// below what `npm run bench` measures, so that only a real regression fails. Not a timing test.
import { describe, expect, it } from 'vitest';
import { engineWithout, holdOutTitles, judge, tally } from '../../src/bench/people.js';
import { buildCatalog } from '../../src/catalog/catalog.js';
import { loadDatasets } from '../../src/catalog/datasets/load.js';
import { resolveDataDir } from '../../src/catalog/datasets/folder.js';
import { loadKnowledge } from '../../src/catalog/knowledge/load.js';
import { defaultKnowledgeDir } from '../../src/catalog/paths.js';

const dir = resolveDataDir().dir;
/** Measured on 2026-12-02: 76.0 % top-3 and 0.1 % (1 of 1,000) confident wrong. */
const TOP3 = 0.73;
const WRONG = 0.005;

describe.skipIf(!dir)('held-out O*NET titles', () => {
  const catalog = buildCatalog(loadKnowledge(defaultKnowledgeDir), loadDatasets(dir));
  const { heldOut, keys } = holdOutTitles(catalog);
  const engine = engineWithout(catalog, keys);
  const sample = heldOut.slice(0, 1000);
  const judged = sample.map((h) => judge(h.title, h.socs, engine.ask(h.title)));
  const t = tally(judged);

  it('are a fixed sample of 1,000', () => {
    expect(sample).toHaveLength(1000);
    expect(sample[0]?.title).toBe(holdOutTitles(catalog).heldOut[0]?.title);
  });

  it('show the right occupation among the first three at least 73 % of the time', () => {
    expect(t.top3).toBeGreaterThanOrEqual(TOP3);
  });

  it('get a card for the wrong occupation at most 0.5 % of the time', () => {
    const wrong = judged.filter((j) => j.outcome === 'confident-wrong').map((j) => `"${j.query}" -> ${j.answered}`);
    expect(t.confidentWrong, wrong.join('\n')).toBeLessThanOrEqual(WRONG);
  });
});
