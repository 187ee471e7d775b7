// Every card, path and compare of every role stays within Block Kit's limits, and long text is cut cleanly.
import { describe, expect, it } from 'vitest';
import { answerMessage, roleCardMessage } from '../../src/renderers/blockkit/messages.js';
import { ACTIONS, anyNthAction } from '../../src/renderers/blockkit/ids.js';
import { compareModal, homeView, lookupModal } from '../../src/renderers/blockkit/views.js';
import { cut, escapeMrkdwn, link, markdownToMrkdwn } from '../../src/renderers/blockkit/text.js';
import { bootEngine } from '../../src/app/boot.js';
import { blockKitProblems, modalProblems, unsafeMarkup } from '../support/block-limits.js';

const { engine, catalog } = bootEngine();

describe('Block Kit limits', () => {
  it('hold for the card and path of every role', () => {
    expect(catalog.roles.size).toBeGreaterThan(700);
    const problems: string[] = [];
    for (const id of catalog.roles.keys()) {
      const card = engine.card(id)!;
      for (const [what, message] of [
        ['card', roleCardMessage(card)],
        ['path', answerMessage(engine.path(id))],
      ] as const) {
        for (const p of blockKitProblems(message.blocks)) problems.push(`${id} ${what}: ${p}`);
        if (!message.text || message.text.length > 3000) problems.push(`${id} ${what}: fallback text`);
        if (unsafeMarkup(message).length) problems.push(`${id} ${what}: unsafe markup`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('hold for comparisons, FAQs, help and App Home', () => {
    const messages = [
      engine.compare('medical coder vs accountant'),
      engine.ask('is medical coding still worth learning?'),
      engine.help(),
      engine.ask('manager'),
    ].map(answerMessage);
    for (const m of messages) expect(blockKitProblems(m.blocks)).toEqual([]);
    expect(blockKitProblems(homeView(engine.help()).blocks, 'view')).toEqual([]);
    expect(modalProblems(lookupModal() as never)).toEqual([]);
    expect(modalProblems(compareModal('A'.repeat(400), { roleId: 'x'.repeat(200), channel: 'C1' }) as never)).toEqual(
      [],
    );
  });

  it('gives each role button of a block its own action_id, all handled by the role listener', () => {
    const ambiguous = answerMessage(engine.ask('manager'));
    const buttons = ambiguous.blocks.flatMap((b) => (b.type === 'actions' ? b.elements : [])) as {
      action_id: string;
      value: string;
    }[];
    expect(buttons.length).toBeGreaterThan(1);
    expect(new Set(buttons.map((b) => b.action_id)).size).toBe(buttons.length);
    for (const b of buttons) expect(b.action_id).toMatch(anyNthAction(ACTIONS.pickRole));
    expect(ACTIONS.pickRole).toMatch(anyNthAction(ACTIONS.pickRole));
    expect(ACTIONS.path).not.toMatch(anyNthAction(ACTIONS.pickRole));
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

  it('never leaves a link half open, nor splits an emoji', () => {
    const text = `${'see '.repeat(30)}${link('https://example.org/a/very/long/path', 'the source')} end`;
    for (let max = 100; max < text.length; max++) {
      const out = cut(text, max);
      expect(out.lastIndexOf('<') <= out.lastIndexOf('>')).toBe(true);
    }
    expect(cut(`${'x'.repeat(9)}😀 more`, 11)).toBe(`${'x'.repeat(9)}…`);
  });

  it('links only http(s) URLs, and a URL cannot break out of its link', () => {
    expect(link('https://example.org/a?b=1&c=2', 'A & B')).toBe('<https://example.org/a?b=1&amp;c=2|A &amp; B>');
    expect(link('javascript:alert(1)', 'x')).toBe('x');
    expect(link(undefined, '<!here>')).toBe('&lt;!here&gt;');
    const hostile = link('https://example.org/>|<!channel>', 'docs|<@U123>');
    expect(unsafeMarkup(hostile)).toEqual([]);
    expect(hostile.match(/[<>|]/g)).toEqual(['<', '|', '>']);
  });

  it('converts knowledge Markdown to mrkdwn, escaping everything else', () => {
    const md = '**Short answer:** see [BLS & O*NET](https://www.bls.gov/ooh/?a=1&b=2).\n- first <!channel>\n- second';
    expect(markdownToMrkdwn(md)).toBe(
      '*Short answer:* see <https://www.bls.gov/ooh/?a=1&amp;b=2|BLS &amp; O*NET>.\n• first &lt;!channel&gt;\n• second',
    );
  });
});
