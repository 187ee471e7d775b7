// How numbers, dates, headlines and reskilling moves read, in every renderer.
import { describe, expect, it } from 'vitest';
import type { Transition } from '../../src/answers/types.js';
import {
  formatAsOf,
  formatFigure,
  headlineWords,
  transitionDetails,
  transitionFacts,
} from '../../src/answers/format.js';

const headline = (over: Partial<{ zone: 'red' | 'green'; band: 'very-high'; label: string }>) => ({
  value: 11.6,
  scale: '0–100',
  source: 's',
  label: '',
  ...over,
});

describe('headlineWords', () => {
  it('drops a label that only repeats the zone or band', () => {
    expect(headlineWords(headline({ zone: 'red', label: 'Red' }))).toEqual({ zone: 'RED', label: '' });
    expect(headlineWords(headline({ band: 'very-high', label: 'Consensus exposure: very high' }))).toEqual({
      zone: 'very high exposure',
      label: '',
    });
  });

  it('keeps a label that says more', () => {
    expect(headlineWords(headline({ zone: 'red', label: 'Red (Imminent)' })).label).toBe('Red (Imminent)');
    expect(headlineWords(headline({ zone: 'green', label: 'AIJRI score (published)' })).label).toBe(
      'AIJRI score (published)',
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
    expect(formatAsOf('2024-05')).toBe('2024-05');
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
        text: 'usually over 2 years, up to and including 4 years of related experience (61 % of workers at that level or above), where yours is over 1 year, up to and including 2 years',
      },
      {
        label: 'Pay',
        text: '$63,380 → $77,440 a year, both May 2021 (BLS Occupational Employment and Wage Statistics, May 2021)',
      },
    ]);
  });
});
