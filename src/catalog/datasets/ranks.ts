// Ranks among all occupations, pure: the datasets rank each measure with it, the engine ranks pair similarities.

/**
 * Percentile rank among all occupations a source covers: the share (0–100, one decimal) with a strictly
 * lower value. Tied occupations share a rank; the lowest value ranks 0.
 */
export function percentileRanks(values: number[]): (value: number) => number {
  const sorted = Float64Array.from(values).sort();
  return (value) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] as number) < value) lo = mid + 1;
      else hi = mid;
    }
    return Math.round((lo / sorted.length) * 1000) / 10;
  };
}
