// Every card, path and compare of every role stays within Block Kit's limits, and long text is cut cleanly.
import { describe, expect, it } from 'vitest';
import { answerMessage, roleCardMessage } from '../../src/renderers/blockkit/messages.js';
import { homeView } from '../../src/renderers/blockkit/views.js';
import { cut, escapeMrkdwn } from '../../src/renderers/blockkit/text.js';
import { bootEngine } from '../../src/transports/boot.js';
import { blockKitProblems, unsafeMarkup } from '../support/block-limits.js';

const { engine, catalog } = bootEngine();

describe('Block Kit limits', () => {
  it('hold for the card and path of every role', () => {
    expect(catalog.roles.size).toBeGreaterThan(700);
    const problems: string[] = [];
    for (const id of catalog.roles.keys()) {
      const card = engine.roleById(id)!;
      for (const [what, message] of [['card', roleCardMessage(card)], ['path', answerMessage(engine.path(id))]] as const) {
        for (const p of blockKitProblems(message.blocks)) problems.push(`${id} ${what}: ${p}`);
        if (!message.text || message.text.length > 3000) problems.push(`${id} ${what}: fallback text`);
        if (unsafeMarkup(message).length) problems.push(`${id} ${what}: unsafe markup`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('hold for comparisons, FAQs, help and App Home', () => {
    const messages = [engine.compare('medical coder vs accountant'), engine.ask('is medical coding still worth learning?'), engine.help(), engine.ask('manager')].map(answerMessage);
    for (const m of messages) expect(blockKitProblems(m.blocks)).toEqual([]);
    expect(blockKitProblems(homeView(engine.help(), engine.stats()).blocks, 'view')).toEqual([]);
  });

  it('cuts long text at a word, never inside an escape', () => {
    const text = escapeMrkdwn(`${'word '.repeat(40)}a & b`);
    for (let max = 180; max < text.length; max++) {
      const out = cut(text, max);
      expect(out.length).toBeLessThanOrEqual(max);
      expect(out).not.toMatch(/&(a|am|amp)?…$/);
    }
    expect(cut('short', 10)).toBe('short');
  });
});
