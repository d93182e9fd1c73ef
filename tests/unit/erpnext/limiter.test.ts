import { describe, expect, it } from 'vitest';
import { SiteLimiter } from '../../../electron/erpnext/limiter';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('per-site limiter', () => {
  it('never runs more than maxConcurrent tasks at once', async () => {
    const limiter = new SiteLimiter({ maxConcurrent: 2, requestsPerSecond: 1_000 });
    let running = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 8 }, () =>
        limiter.run(async () => {
          running++;
          peak = Math.max(peak, running);
          await tick(10);
          running--;
        }),
      ),
    );
    expect(peak).toBe(2);
  });

  it('spaces starts by 1/rps', async () => {
    const limiter = new SiteLimiter({ maxConcurrent: 10, requestsPerSecond: 20 });
    const starts: number[] = [];
    await Promise.all(Array.from({ length: 5 }, () => limiter.run(async () => void starts.push(performance.now()))));
    const gaps = starts.slice(1).map((t, i) => t - starts[i]!);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(45);
  });

  it('frees its slot when a task fails', async () => {
    const limiter = new SiteLimiter({ maxConcurrent: 1, requestsPerSecond: 1_000 });
    await expect(limiter.run(async () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    await expect(limiter.run(async () => 'next')).resolves.toBe('next');
    expect(limiter.inFlight).toBe(0);
  });
});
