// The verdict: one direction for every role (more is always more exposed), bar, colour and word from the same
// step, and the same verdict in compare. The measures keep their own scales in the details.
import { describe, expect, it } from 'vitest';
import { VERDICT_STEPS, barCells, exposureBar, rankInWords, verdictStep } from '../../src/answers/format.js';
import type { RoleCard } from '../../src/answers/types.js';
import { bandOf, consensusOf } from '../../src/engine/consensus.js';
import { answerMessage, roleCardMessage, verdictLine } from '../../src/renderers/blockkit/messages.js';
import { bootEngine } from '../../src/app/boot.js';

const { engine, catalog } = bootEngine();
const cards = [...catalog.roles.keys()].map((id) => engine.card(id)!);
const stepIndex = (card: RoleCard) => VERDICT_STEPS.findIndex((s) => s.level === card.verdict!.level);
const COLOURS = ['green', 'yellow', 'orange', 'red'];

describe('the verdict', () => {
  it('exists for every role a measure covers, and says so where none does', () => {
    expect(cards.length).toBeGreaterThan(700);
    for (const card of cards) {
      const measured = card.aijri || card.consensus || card.measures.some((m) => /AIJRI/.test(m.measure));
      expect(Boolean(card.verdict), card.role.id).toBe(Boolean(measured));
      if (!card.verdict) expect(card.lacks.length, card.role.id).toBeGreaterThan(0);
    }
    expect(engine.card('clinical-documentation-improvement-specialist')!.verdict).toBeNull();
  });

  it('points one way across every role: more exposure never shows a smaller fill, a lower step or a cooler colour', () => {
    const sorted = cards.filter((c) => c.verdict).sort((a, b) => a.verdict!.exposure - b.verdict!.exposure);
    expect(sorted.length).toBeGreaterThan(700);
    for (let i = 1; i < sorted.length; i++) {
      const [lo, hi] = [sorted[i - 1]!, sorted[i]!];
      const at = `${lo.role.id} (${lo.verdict!.exposure}) → ${hi.role.id} (${hi.verdict!.exposure})`;
      expect(barCells(hi.verdict!.exposure), at).toBeGreaterThanOrEqual(barCells(lo.verdict!.exposure));
      expect(stepIndex(hi), at).toBeGreaterThanOrEqual(stepIndex(lo));
      const colour = (c: RoleCard) => COLOURS.indexOf(verdictStep(c.verdict!.level).colour);
      expect(colour(hi), at).toBeGreaterThanOrEqual(colour(lo));
    }
    // Both ends of the scale are used.
    expect(sorted[0]!.verdict!.level).toBe('very-low');
    expect(sorted.at(-1)!.verdict!.level).toBe('very-high');
  });

  it('draws bar, colour and word from the verdict in the card and in compare, for every role', () => {
    for (const card of cards) {
      if (!card.verdict) continue;
      const v = card.verdict;
      expect(v.level, card.role.id).toBe(bandOf(v.exposure));
      const step = verdictStep(v.level);
      const line = `${step.emoji} *${step.words} AI exposure*  ${exposureBar(v.exposure)}`;
      expect(verdictLine(v).startsWith(line), card.role.id).toBe(true);
      expect(JSON.stringify(roleCardMessage(card).blocks), card.role.id).toContain(line);
      // Any other step's words or emoji-and-words next to this bar would contradict it.
      for (const other of VERDICT_STEPS.filter((s) => s.level !== v.level))
        expect(verdictLine(v), card.role.id).not.toContain(`*${other.words} AI exposure*`);
    }
    const compared = engine.compare('medical coder vs accountant');
    if (compared.kind !== 'compare') throw new Error('expected a comparison');
    const blocks = JSON.stringify(answerMessage(compared).blocks);
    for (const card of compared.roles) expect(blocks).toContain(verdictLine(card.verdict!));
  });

  it('turns an AIJRI round (100 − AIJRI) and keeps the datasets’ rank beside it, never inventing one', () => {
    const coder = engine.card('medical-coder')!;
    expect(coder.verdict).toMatchObject({
      level: 'very-high',
      exposure: 88.4,
      exposurePercentile: coder.consensus!.percentile,
      basis: 'aijri',
      confidence: 'high',
    });
    expect(coder.verdict!.method).toContain('100 − 11.6 = 88.4');
    expect(coder.verdict!.from).toContain('AIJRI 11.6 of 100 (higher = more resistant)');

    const manager = engine.card('compliance-manager')!;
    expect(manager.consensus).toBeNull();
    expect(manager.verdict).toMatchObject({
      basis: 'aijri-published',
      exposure: 51.8,
      exposurePercentile: null,
      level: 'moderate',
      confidence: 'low',
    });
    expect(manager.verdict!.confidenceNote).toBe(
      'Only one source (JobZone Risk) scores this role; no public dataset ranks it.',
    );
    expect(manager.verdict!.sentence).not.toMatch(/in 10 occupations/);
  });

  it('follows the ranked datasets where there is no AIJRI, and says their disagreement first', () => {
    const accountant = engine.card('accountants-and-auditors')!;
    expect(accountant.verdict).toMatchObject({
      basis: 'consensus',
      exposure: accountant.consensus!.percentile,
      exposurePercentile: accountant.consensus!.percentile,
      level: 'high',
      confidence: 'high',
    });
    expect(accountant.verdict!.sentence).toBe(
      `On average, three public datasets rank this occupation ${rankInWords(accountant.consensus!.percentile)}.`,
    );

    const cashier = engine.card('cashiers')!;
    expect(cashier.verdict!.confidence).toBe('low');
    expect(cashier.verdict!.confidenceNote).toMatch(/^The three sources disagree: one ranks it less exposed than/);
    const section = JSON.stringify(roleCardMessage(cashier).blocks[1]);
    expect(section.indexOf('Low confidence')).toBeGreaterThan(-1);
    expect(section.indexOf('Low confidence')).toBeLessThan(section.indexOf('AI exposure*'));

    // An assessment and datasets two steps apart: low confidence, said first.
    const nurse = engine.card('registered-nurse')!;
    expect(nurse.verdict).toMatchObject({ basis: 'aijri-published', level: 'very-low', confidence: 'low' });
    expect(consensusOf(nurse.measures.filter((m) => m.percentile !== null))!.band).toBe('moderate');
  });

  it('says ranks in words: more (or less) exposed than about N in 10 occupations', () => {
    expect(rankInWords(79.6)).toBe('more exposed than about 8 in 10 occupations');
    expect(rankInWords(50)).toBe('more exposed than about 5 in 10 occupations');
    expect(rankInWords(17.8)).toBe('less exposed than about 8 in 10 occupations');
    expect(rankInWords(97)).toBe('more exposed than about 19 in 20 occupations');
    expect(rankInWords(2)).toBe('less exposed than about 19 in 20 occupations');
  });
});
