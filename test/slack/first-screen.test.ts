// The first screen (the card's first message) of every role: within a block and text budget that fits Slack's
// desktop client at 1280×800 (the browser test measures the pixels for roles from across the economy and for
// the longest cards), in plain words, saying low confidence first, once what was measured, one line per fact.
import { describe, expect, it } from 'vitest';
import { verdictStep } from '../../src/answers/format.js';
import { ACTIONS } from '../../src/renderers/blockkit/ids.js';
import { roleCardMessage } from '../../src/renderers/blockkit/messages.js';
import { bootEngine } from '../../src/app/boot.js';
import { blockTexts, visibleText } from '../support/block-text.js';

const { engine, catalog } = bootEngine();

/** The budget. Blocks: seven today, two left for the resolver's matched-title and "Also" lines (issue 10). */
const FIRST_SCREEN_BUDGET = {
  blocks: 9,
  /** Visible characters, buttons left out. */
  chars: 1600,
  /** Lines of text; each list line (AI can, AI can't, a step, a figure) is one line in Slack. */
  lines: 20,
  listLine: 120,
  /** A paragraph (the verdict's reason, the caveat, the experience) wraps to two lines at most. */
  paragraph: 260,
} as const;

const cards = [...catalog.roles.keys()].map((id) => engine.card(id)!);

describe('the first screen', () => {
  it('stays within the block and text budget for every role', () => {
    expect(cards.length).toBeGreaterThan(700);
    const over: string[] = [];
    for (const card of cards) {
      const { blocks } = roleCardMessage(card);
      const text = visibleText(blocks);
      const lines = blockTexts(blocks).filter(Boolean).join('\n').split('\n');
      const id = card.role.id;
      if (blocks.length > FIRST_SCREEN_BUDGET.blocks) over.push(`${id}: ${blocks.length} blocks`);
      if (text.length > FIRST_SCREEN_BUDGET.chars) over.push(`${id}: ${text.length} characters`);
      if (lines.length > FIRST_SCREEN_BUDGET.lines) over.push(`${id}: ${lines.length} lines`);
      for (const line of lines) {
        const list = /^(✅|❌|\d\. |💵|👥|📈)/.test(line);
        const max = list ? FIRST_SCREEN_BUDGET.listLine : FIRST_SCREEN_BUDGET.paragraph;
        if (line.length > max) over.push(`${id}: a ${list ? 'list line' : 'paragraph'} of ${line.length}: ${line}`);
      }
    }
    expect(over).toEqual([]);
  });

  it('speaks plainly: no β, rating codes, occupation codes or percentiles', () => {
    const found: string[] = [];
    for (const card of cards) {
      const text = visibleText(roleCardMessage(card).blocks);
      const bad = /β|\bE[012]\b|\bSOC\b|\b\d{2}-\d{4}\b|percentile|\bpct\b|AIJRI \d/i.exec(text);
      if (bad) found.push(`${card.role.id}: “${bad[0]}”`);
    }
    expect(found).toEqual([]);
  });

  it('says low confidence before the verdict, and the caveat and what was measured exactly once', () => {
    for (const card of cards) {
      const v = card.verdict;
      if (!v) continue;
      const text = visibleText(roleCardMessage(card).blocks);
      const verdictAt = text.indexOf(`${verdictStep(v.level).words} AI exposure`);
      expect(verdictAt, card.role.id).toBeGreaterThan(-1);
      if (v.confidence === 'low') {
        expect(text.indexOf('Low confidence.'), card.role.id).toBeGreaterThan(-1);
        expect(text.indexOf('Low confidence.'), card.role.id).toBeLessThan(verdictAt);
      } else expect(text, card.role.id).toContain(`${v.confidence} confidence`);
      expect(text.toLowerCase().split('not a layoff forecast').length - 1, card.role.id).toBe(1);
      expect(text.split('language models and chat assistants').length - 1, card.role.id).toBe(1);
      // The reason comes right after the verdict line.
      expect(text, card.role.id).toContain(v.sentence);
    }
  });

  it('gives one pay, one jobs and one outlook line, the outlook naming its forecaster on its own line', () => {
    for (const card of cards) {
      const lines = blockTexts(roleCardMessage(card).blocks).join('\n').split('\n');
      const count = (lead: string) => lines.filter((l) => l.startsWith(lead)).length;
      expect(count('💵 Pay:'), card.role.id).toBe(card.keyFigures.pay ? 1 : 0);
      expect(count('👥 Jobs:'), card.role.id).toBe(card.keyFigures.employment ? 1 : 0);
      expect(count('📈 Outlook:'), card.role.id).toBe(card.keyFigures.outlook ? 1 : 0);
      const outlook = lines.find((l) => l.startsWith('📈 Outlook:'));
      if (outlook) expect(outlook, card.role.id).toMatch(/· forecast by \S/);
    }
    const coder = blockTexts(roleCardMessage(engine.card('medical-coder')!).blocks).join('\n');
    expect(coder).toContain('💵 Pay: $50,250 a year — median pay, all medical records specialists · BLS, May 2024');
    expect(coder).toContain(
      '📈 Outlook: +7% — projected employment growth, all medical records specialists · 2024–2034 · forecast by BLS',
    );
    expect(coder).not.toMatch(/\$48,000|\$65,007|\$46,660|194,800|180,570/);
  });

  it('shows two things AI can and two it cannot do, and up to three things to do now', () => {
    const coder = blockTexts(roleCardMessage(engine.card('medical-coder')!).blocks).join('\n');
    expect(coder.match(/^✅ AI can /gm)?.length).toBe(2);
    expect(coder.match(/^❌ AI can't \(yet\) /gm)?.length).toBe(2);
    expect(coder).toContain(
      '1. Look at a move to Clinical Documentation Improvement Specialist — the most direct step',
    );
    expect(coder).toContain('2. Build AI coding validation and governance');

    // A dataset occupation: the most and least exposed task statements, with their source.
    const accountant = blockTexts(roleCardMessage(engine.card('accountants-and-auditors')!).blocks).join('\n');
    expect(accountant.match(/^✅ AI can speed up: /gm)?.length).toBe(2);
    expect(accountant.match(/^❌ AI barely helps: /gm)?.length).toBe(2);
    expect(accountant).toContain('Task statements rated by people and GPT-4 (GPTs are GPTs: task exposure labels).');

    // A role with no reskilling path still gets something to do.
    const pathless = cards.find((c) => c.path.transitions.length === 0 && c.tasks.length > 0)!;
    expect(pathless, 'a role without moves').toBeDefined();
    expect(pathless.nextSteps.length).toBeGreaterThan(0);
    expect(blockTexts(roleCardMessage(pathless).blocks).join('\n')).toContain('What to do now');

    for (const card of cards) expect(card.nextSteps.length, card.role.id).toBeLessThanOrEqual(3);
  });

  it('ends with the buttons: Reskilling path, How we scored this, Compare, Share, 👍 / 👎; a shared card keeps two', () => {
    const ids = (shared: boolean) =>
      (
        roleCardMessage(engine.card('cashiers')!, { shared }).blocks.at(-1) as {
          elements: { action_id: string }[];
        }
      ).elements.map((e) => e.action_id);
    expect(ids(false)).toEqual([
      ACTIONS.path,
      ACTIONS.details,
      ACTIONS.compare,
      ACTIONS.share,
      ACTIONS.helpful,
      ACTIONS.notHelpful,
    ]);
    expect(ids(true)).toEqual([ACTIONS.details, ACTIONS.path]);
  });
});
