import { describe, expect, it } from 'vitest';
import { durationStats, quantile, rate } from '../../../shared/stats';

describe('one statistics module for the ETA and Insights', () => {
  it('interpolates quantiles between ranks', () => {
    expect(quantile([1, 2, 3, 10], 0.5)).toBe(2.5);
    expect(quantile([5], 0.9)).toBe(5);
    expect(quantile([], 0.5)).toBeNull();
    expect(quantile([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.9)).toBe(91);
    expect(quantile([1, 2, 3], 0)).toBe(1);
    expect(quantile([1, 2, 3], 1)).toBe(3);
  });

  it('median and p90 of sorted durations, rounded to whole milliseconds', () => {
    expect(durationStats([100, 200, 300, 401])).toEqual({ count: 4, medianMs: 250, p90Ms: 371 });
    expect(durationStats([])).toBeNull();
  });

  it('a failure rate has nothing to say about a step never tried', () => {
    expect(rate(1, 4)).toBe(0.25);
    expect(rate(0, 0)).toBeNull();
  });
});
