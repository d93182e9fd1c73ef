/**
 * The one place durations become statistics: the ETA (electron/engine/view.ts, via
 * RunsRepository.typicalDurations) and the Insights screen read the same numbers from here, so the time
 * a run predicts is the median Insights shows.
 */

/**
 * The p-quantile (0..1) of ascending values, interpolated between the two nearest ranks (the usual
 * "linear" method of spreadsheets and numpy): the median of [1, 2, 3, 10] is 2.5, not 2 or 3.
 */
export function quantile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const { below, fraction } = quantilePosition(sorted.length, p);
  return between(sorted[below]!, sorted[Math.min(sorted.length - 1, below + 1)]!, fraction);
}

/**
 * Where the p-quantile of `count` ascending values lies: the rank (0-based) just below it, and how far
 * towards the next rank. A database can then read just those two values from an ordered index.
 */
export function quantilePosition(count: number, p: number): { below: number; fraction: number } {
  const position = (count - 1) * Math.min(1, Math.max(0, p));
  const below = Math.floor(position);
  return { below, fraction: position - below };
}

/** The value `fraction` of the way from `low` to `high`. */
export const between = (low: number, high: number, fraction: number) => low + (high - low) * fraction;

export interface DurationStats {
  count: number;
  medianMs: number;
  p90Ms: number;
}

/** Median and 90th percentile of durations given in ascending order (null when there are none). */
export function durationStats(sorted: readonly number[]): DurationStats | null {
  if (sorted.length === 0) return null;
  return { count: sorted.length, medianMs: Math.round(quantile(sorted, 0.5)!), p90Ms: Math.round(quantile(sorted, 0.9)!) };
}

/** failures / attempts, or null when nothing was tried. */
export const rate = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
