// How a headline's zone and label read, in every renderer.
import { describe, expect, it } from 'vitest';
import { headlineWords } from '../../src/answers/format.js';

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
