// How numbers, dates and reskilling moves read, and the shared pieces of the first screen, in every renderer.
import { describe, expect, it } from 'vitest';
import type { KeyFigure, Transition } from '../../src/answers/types.js';
import {
  VERDICT_STEPS,
  exposureBar,
  formatAsOf,
  formatFigure,
  keyFigureText,
  nextStepText,
  readableDate,
  stepRange,
  transitionDetails,
  transitionFacts,
} from '../../src/answers/format.js';

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

describe('formatFigure', () => {
  it('puts a sign on changes only, never on levels', () => {
    expect(formatFigure(70, 'percent')).toBe('70%');
    expect(formatFigure(48, 'percent')).toBe('48%');
    expect(formatFigure(7, 'percent-change')).toBe('+7%');
    expect(formatFigure(-1.5, 'percent-change')).toBe('-1.5%');
    expect(formatFigure(0, 'percent-change')).toBe('0%');
  });
});

describe('formatAsOf', () => {
  it('shows a date no source states as approximate', () => {
    expect(formatAsOf('2026', true)).toBe('about 2026');
    expect(formatAsOf('2024-05')).toBe('May 2024');
  });
});

describe("a reskilling move's facts and details", () => {
  const move: Transition = {
    id: 'credit-analysts',
    title: 'Credit Analysts',
    soc: '13-2041',
    why: 'Both rely on Economics and Accounting.',
    origin: 'computed',
    exposureGap: -11.2,
    payGap: 14060,
    medianPay: 77440,
    pay: {
      source: 'bls-oews-2021',
      sourceName: 'BLS Occupational Employment and Wage Statistics, May 2021',
      period: 'May 2021',
      origin: 63380,
      target: 77440,
      ratio: 1.222,
      group: false,
    },
    similarity: 0.987,
    fit: 'highly viable',
    skillsToBuild: [{ name: 'Economics and Accounting', kind: 'knowledge', gap: 1.52, level: 5.94, have: 4.02 }],
    technologies: [
      { name: 'SQL', hot: true, inDemand: true },
      { name: 'Tableau', hot: true, inDemand: false },
    ],
    steps: [
      {
        kind: 'experience',
        to: 'Over 2 years, up to and including 4 years',
        from: 'Over 1 year, up to and including 2 years',
        share: 61,
      },
    ],
  };

  it('name the year of the two wages behind a pay gap', () => {
    expect(transitionFacts(move)).toEqual(['exposure −11.2 points', 'pay +$14,060 (May 2021)']);
  });

  it('spell out fit, what to learn, technologies, steps and where the pay comes from', () => {
    expect(transitionDetails(move)).toEqual([
      { label: 'Fit', text: 'highly viable: more alike than 98.7 % of occupation pairs (O*NET 30.1 profiles)' },
      { label: 'To learn', text: 'Economics and Accounting (4 → 5.9) · O*NET levels 0–7' },
      { label: 'Technologies', text: 'SQL (in demand), Tableau (hot)' },
      {
        label: 'Experience',
        text:
          'usually over 2 years, up to and including 4 years of related experience (61 % of workers at that ' +
          'level or above), where yours is over 1 year, up to and including 2 years',
      },
      {
        label: 'Pay',
        text: '$63,380 → $77,440 a year, both May 2021 (BLS Occupational Employment and Wage Statistics, May 2021)',
      },
    ]);
  });
});
