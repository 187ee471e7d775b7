// How the shared pieces of the first screen read, in every renderer: steps and bars, dates, key figures, steps.
import { describe, expect, it } from 'vitest';
import {
  VERDICT_STEPS,
  exposureBar,
  keyFigureText,
  nextStepText,
  readableDate,
  stepRange,
} from '../../src/answers/format.js';
import type { KeyFigure } from '../../src/answers/types.js';

const figure = (over: Partial<KeyFigure>): KeyFigure => ({
  label: 'Median pay',
  value: 81680,
  unit: 'usd-per-year',
  display: '$81,680 a year',
  source: 'bls-ooh',
  sourceName: 'BLS Occupational Outlook Handbook',
  asOf: '2024',
  by: 'BLS',
  when: '2024',
  ...over,
});
const plain = (s: string) => s;

describe('first-screen formats', () => {
  it('gives five steps, lowest first, with ranges that meet and a bar that fills with exposure', () => {
    expect(VERDICT_STEPS.map((s) => s.words)).toEqual(['Very low', 'Low', 'Moderate', 'High', 'Very high']);
    expect(VERDICT_STEPS.map((s) => stepRange(s.level))).toEqual([
      'below 20',
      '20 to 40',
      '40 to 60',
      '60 to 80',
      '80 and up',
    ]);
    expect(exposureBar(88.4)).toBe('▰▰▰▰▰▰▰▰▰▱');
    expect(exposureBar(4)).toBe('▱▱▱▱▱▱▱▱▱▱');
    expect(exposureBar(100)).toBe('▰▰▰▰▰▰▰▰▰▰');
  });

  it('writes dates as people read them', () => {
    expect(readableDate('2024-05')).toBe('May 2024');
    expect(readableDate('2025-10-03')).toBe('October 2025');
    expect(readableDate('2026')).toBe('2026');
  });

  it('shows a key figure’s label only where it adds to the heading, and the outlook as a forecast by its source', () => {
    expect(keyFigureText('pay', figure({}), plain)).toBe('Pay: $81,680 a year · BLS, 2024');
    expect(keyFigureText('pay', figure({ label: 'Median pay, all medical records specialists' }), plain)).toBe(
      'Pay: $81,680 a year — median pay, all medical records specialists · BLS, 2024',
    );
    expect(keyFigureText('employment', figure({ label: 'Jobs (group)', display: '282,900 workers' }), plain)).toBe(
      'Jobs: 282,900 workers, for a wider group of occupations · BLS, 2024',
    );
    expect(
      keyFigureText(
        'outlook',
        figure({
          label: 'Projected employment change, 2024–34',
          display: '+5% (faster than average)',
          period: '2024–2034',
        }),
        (t) => `*${t}*`,
      ),
    ).toBe('*Outlook:* +5% (faster than average) · 2024–2034 · forecast by BLS');
  });

  it('reads a step as a sentence: action, title, reason', () => {
    expect(
      nextStepText(
        { kind: 'move', action: 'Look at a move to', title: 'Actuaries', why: 'less exposed to AI' },
        (t) => `*${t}*`,
      ),
    ).toBe('Look at a move to *Actuaries* — less exposed to AI');
    expect(nextStepText({ kind: 'skill', action: 'Build', title: 'Programming', why: '' }, plain)).toBe(
      'Build Programming',
    );
  });
});
