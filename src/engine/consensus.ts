// The consensus exposure band: where the ranked sources, taken together, place an occupation among all
// occupations, and how far they agree. Only measures with a percentile count (dataset measures); curated
// scores have no rank among all occupations.
import { VERDICT_STEPS, ordinal } from '../answers/format.js';
import type { Band, Confidence, Consensus, Measure } from '../answers/types.js';

/** Thresholds in one place, so tests, docs and the help text use the same numbers. */
export const CONSENSUS = {
  /** A mean exposure percentile below `below` falls in `band`; at or above the last one it is very-high. The
   *  thresholds are the verdict's five steps (answers/format.ts), so a band and a verdict level always agree. */
  bands: VERDICT_STEPS.slice(0, -1).map((s, i) => ({
    band: s.level as Band,
    below: VERDICT_STEPS[i + 1]?.from ?? 100,
  })),
  /** Confidence needs enough sources whose percentiles lie close together (spread = highest − lowest). */
  confidence: {
    high: { minSources: 3, maxSpread: 25 },
    medium: { minSources: 2, maxSpread: 40 },
  },
} as const;

/** The band (and verdict step) of a 0–100 value in the exposure direction. */
export function bandOf(percentile: number): Band {
  return CONSENSUS.bands.find((b) => percentile < b.below)?.band ?? 'very-high';
}

export function confidenceOf(sourceCount: number, spread: number): Confidence {
  const { high, medium } = CONSENSUS.confidence;
  if (sourceCount >= high.minSources && spread <= high.maxSpread) return 'high';
  if (sourceCount >= medium.minSources && spread <= medium.maxSpread) return 'medium';
  return 'low';
}

const cache = new WeakMap<readonly Measure[], Consensus | null>();

/**
 * The mean exposure percentile of the measures that have one (a resilience measure, where higher means
 * less risk, counts as 100 − its percentile), its band, and a confidence from the number of sources and
 * their spread. null when no measure has a percentile. Results are cached per measures array.
 */
export function consensusOf(measures: readonly Measure[]): Consensus | null {
  const cached = cache.get(measures);
  if (cached !== undefined) return cached;
  const result = compute(measures);
  cache.set(measures, result);
  return result;
}

/** Each ranked measure's percentile in the exposure direction (a resilience measure counts as 100 − it). */
export function exposureRanks(measures: readonly Measure[]): number[] {
  return measures.flatMap((m) =>
    m.percentile === null ? [] : [m.higherMeansMoreRisk ? m.percentile : 100 - m.percentile],
  );
}

function compute(measures: readonly Measure[]): Consensus | null {
  const ranks = exposureRanks(measures);
  if (ranks.length === 0) return null;
  const percentile = Math.round((ranks.reduce((a, b) => a + b, 0) / ranks.length) * 10) / 10;
  const low = Math.min(...ranks);
  const high = Math.max(...ranks);
  const spread = high - low;
  const confidence = confidenceOf(ranks.length, spread);
  return {
    band: bandOf(percentile),
    percentile,
    confidence,
    sourceCount: ranks.length,
    explanation: explain(ranks.length, low, high, spread),
  };
}

function explain(count: number, low: number, high: number, spread: number): string {
  const lo = ordinal(Math.round(low));
  const hi = ordinal(Math.round(high));
  if (count === 1) return `Only one source ranks this occupation (${lo} percentile): treat this band with caution.`;
  const range = lo === hi ? `all at the ${lo} percentile` : `ranks ${lo} to ${hi} percentile`;
  if (spread <= CONSENSUS.confidence.high.maxSpread) return `${count} sources agree closely (${range}).`;
  if (spread <= CONSENSUS.confidence.medium.maxSpread) return `${count} sources broadly agree (${range}).`;
  return (
    `${count} sources disagree (${count === 2 ? `${lo} vs ${hi}` : `${lo} to ${hi}`} percentile): treat this ` +
    `band with caution.`
  );
}
