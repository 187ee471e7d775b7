// "What jobs are safe from AI?": an FAQ whose answer ends with the common occupations the exposure measures rank
// least exposed, computed from the datasets. Checked against the catalog's own figures, not a fixed list.
import { describe, expect, it } from 'vitest';
import type { FaqAnswer } from '../../src/answers/types.js';
import { bootEngine } from '../../src/app/boot.js';
import { buildCatalog } from '../../src/catalog/catalog.js';
import { isGroupFigure } from '../../src/catalog/datasets/group-figures.js';
import { loadDatasets } from '../../src/catalog/datasets/load.js';
import { loadKnowledge } from '../../src/catalog/knowledge/load.js';
import { defaultKnowledgeDir } from '../../src/catalog/paths.js';
import { consensusOf } from '../../src/engine/consensus.js';
import { createEngine } from '../../src/engine/engine.js';
import { answerMessage } from '../../src/renderers/blockkit/messages.js';
import { blockKitProblems } from '../support/block-limits.js';

const { engine, catalog } = bootEngine();

function faq(text: string): FaqAnswer {
  const answer = engine.ask(text);
  expect(answer.kind, text).toBe('faq');
  return answer as FaqAnswer;
}

describe('which jobs are least exposed to AI', () => {
  it.each(['what jobs are safe from AI?', 'Which jobs are safest from AI', 'AI proof jobs'])('answers "%s"', (q) => {
    expect(faq(q).faq.id).toBe('which-jobs-are-least-exposed');
  });

  it('still asks for the job when a question names none ("will AI replace my job?")', () => {
    expect(engine.ask('will AI replace my job?')).toMatchObject({ kind: 'not_found', reason: 'no_job' });
  });

  it('lists the least exposed common occupations, each with its own workers and the measures behind it', () => {
    const answer = faq('what jobs are safe from AI?');
    const common = [...catalog.bySoc.values()].flatMap((role) => {
      const c = role.data && consensusOf(role.data.measures);
      const workers = role.data?.employment.find((f) => f.unit === 'workers' && !isGroupFigure(f));
      return c && c.sourceCount >= 2 && workers && workers.value >= 100_000 && !/, all other$/i.test(role.title)
        ? [{ role, percentile: c.percentile, workers }]
        : [];
    });
    expect(answer.roles).toHaveLength(10);
    const listed = answer.roles.map((r) => common.find((c) => c.role.id === r.id));
    expect(listed.every(Boolean)).toBe(true);
    // No common occupation left out is less exposed than one listed.
    const highest = Math.max(...listed.map((c) => c!.percentile));
    const ids = new Set(answer.roles.map((r) => r.id));
    expect(common.filter((c) => !ids.has(c.role.id) && c.percentile < highest)).toEqual([]);
    for (const c of listed) {
      expect(answer.faq.answer).toContain(`**${c!.role.title}**`);
      expect(answer.faq.answer).toContain(c!.workers.display);
    }
    // A Handbook page's group count is never a listed occupation's own (539,500 construction equipment operators).
    expect(answer.faq.answer).not.toContain('539,500');
    const sources = new Set(answer.sources.map((s) => s.id));
    expect(sources.has('gpts-are-gpts-paper')).toBe(true);
    for (const c of listed) for (const m of c!.role.data?.measures ?? []) expect(sources.has(m.source)).toBe(true);
  });

  it('offers their score cards as buttons in Slack', () => {
    const message = answerMessage(faq('which jobs are safest from AI'));
    expect(blockKitProblems(message.blocks)).toEqual([]);
    expect(JSON.stringify(message.blocks)).toContain('Score card: ');
  });

  it('says the list cannot be computed when the datasets are not loaded', () => {
    const bare = createEngine(buildCatalog(loadKnowledge(defaultKnowledgeDir), loadDatasets(null)));
    const answer = bare.ask('what jobs are safe from AI?') as FaqAnswer;
    expect(answer.kind).toBe('faq');
    expect(answer.roles).toEqual([]);
    expect(answer.faq.answer).toContain('The public datasets are not loaded on this server');
  });
});
