// The consensus band, its confidence and the sentence explaining them, from the sources' percentiles.
import { describe, expect, it } from 'vitest';
import type { Measure } from '../../src/answers/types.js';
import { CONSENSUS, bandOf, confidenceOf, consensusOf } from '../../src/engine/consensus.js';
import { ordinal } from '../../src/answers/format.js';

let n = 0;
function ranked(percentile: number | null, higherMeansMoreRisk = true): Measure {
  n++;
  return {
    source: `source-${n}`,
    sourceName: `Source ${n}`,
    measure: 'exposure',
    value: 0.5,
    scale: '0–1',
    percentile,
    higherMeansMoreRisk,
    asOf: '2025',
    origin: percentile === null ? 'curated' : 'dataset',
  };
}

describe('consensusOf', () => {
  it('is null when no measure has a percentile (curated scores only)', () => {
    expect(consensusOf([])).toBeNull();
    expect(consensusOf([ranked(null), ranked(null, false)])).toBeNull();
  });

  it('ignores curated scores next to ranked ones', () => {
    expect(consensusOf([ranked(null), ranked(70), ranked(80)])?.sourceCount).toBe(2);
  });

  it('three close sources: high confidence', () => {
    expect(consensusOf([ranked(71), ranked(84), ranked(79)])).toEqual({
      band: 'high',
      percentile: 78,
      confidence: 'high',
      sourceCount: 3,
      explanation: '3 sources agree closely (ranks 71st to 84th percentile).',
    });
  });

  it('two sources far apart: low confidence and a warning', () => {
    expect(consensusOf([ranked(12), ranked(78)])).toEqual({
      band: 'moderate',
      percentile: 45,
      confidence: 'low',
      sourceCount: 2,
      explanation: '2 sources disagree (12th vs 78th percentile): treat this band with caution.',
    });
  });

  it('two close sources: medium confidence (too few for high)', () => {
    const c = consensusOf([ranked(41), ranked(43)]);
    expect(c).toMatchObject({ band: 'moderate', confidence: 'medium' });
    expect(c?.explanation).toBe('2 sources agree closely (ranks 41st to 43rd percentile).');
  });

  it('three sources with a middling spread: medium confidence', () => {
    const c = consensusOf([ranked(50), ranked(60), ranked(85)]);
    expect(c).toMatchObject({ percentile: 65, band: 'high', confidence: 'medium' });
    expect(c?.explanation).toBe('3 sources broadly agree (ranks 50th to 85th percentile).');
  });

  it('three sources far apart: low confidence', () => {
    expect(consensusOf([ranked(5), ranked(50), ranked(95)])?.explanation).toBe(
      '3 sources disagree (5th to 95th percentile): treat this band with caution.',
    );
  });

  it('one source: low confidence, said plainly', () => {
    expect(consensusOf([ranked(62)])).toMatchObject({
      band: 'high',
      confidence: 'low',
      explanation: 'Only one source ranks this occupation (62nd percentile): treat this band with caution.',
    });
  });

  it('turns a resilience measure (higher = safer) into exposure: 100 − percentile', () => {
    expect(consensusOf([ranked(90, false)])?.percentile).toBe(10);
    expect(consensusOf([ranked(90, false), ranked(10)])).toMatchObject({
      percentile: 10,
      band: 'very-low',
      confidence: 'medium',
    });
  });
});

describe('thresholds', () => {
  it('bands change exactly at the exported limits', () => {
    for (const { band, below } of CONSENSUS.bands) {
      expect(bandOf(below - 0.1)).toBe(band);
      expect(bandOf(below)).not.toBe(band);
    }
    expect(bandOf(0)).toBe('very-low');
    expect(bandOf(80)).toBe('very-high');
    expect(bandOf(100)).toBe('very-high');
  });

  it('confidence changes exactly at the exported limits', () => {
    const { high, medium } = CONSENSUS.confidence;
    expect(confidenceOf(high.minSources, high.maxSpread)).toBe('high');
    expect(confidenceOf(high.minSources, high.maxSpread + 0.1)).toBe('medium');
    expect(confidenceOf(high.minSources - 1, 0)).toBe('medium');
    expect(confidenceOf(medium.minSources, medium.maxSpread + 0.1)).toBe('low');
    expect(confidenceOf(medium.minSources - 1, 0)).toBe('low');
  });

  it('ordinals read as English', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 100, 101, 111].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '100th',
      '101st',
      '111th',
    ]);
  });
});
