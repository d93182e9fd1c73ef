import { describe, expect, it } from 'vitest';
import { ErpNextError } from '../../../electron/erpnext/errors';
import { DEFAULT_LIMITS, SiteLimiter } from '../../../electron/erpnext/limiter';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function peakOf(limiter: SiteLimiter, tasks: number, work = () => tick(10)): Promise<number> {
  let running = 0;
  let peak = 0;
  await Promise.all(
    Array.from({ length: tasks }, () =>
      limiter.run(async () => {
        running++;
        peak = Math.max(peak, running);
        await work();
        running--;
      }),
    ),
  );
  return peak;
}

describe('adaptive per-site limiter', () => {
  it('by default has no rate cap and starts at two in flight, growing to four while answers stay fast', async () => {
    expect(DEFAULT_LIMITS).toMatchObject({ initialConcurrent: 2, maxConcurrent: 4, requestsPerSecond: 0 });
    const limiter = new SiteLimiter();
    expect(limiter.concurrency).toBe(2);
    const started = performance.now();
    // 40 quick requests: no per-second floor (the old default of 10/s took 4 s for these).
    await peakOf(limiter, 40, () => tick(1));
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(limiter.concurrency).toBe(4);
    expect(await peakOf(limiter, 12)).toBe(4);
  });

  it('never runs more than its limit', async () => {
    expect(await peakOf(new SiteLimiter({ maxConcurrent: 1, initialConcurrent: 1 }), 8)).toBe(1);
  });

  it('halves on 429 and 503 and holds new starts until Retry-After has passed', async () => {
    const limiter = new SiteLimiter({ initialConcurrent: 4 });
    const busy = new ErpNextError({ code: 'rate_limited', status: 429, retryAfterMs: 300 });
    await expect(limiter.run(() => Promise.reject(busy))).rejects.toBe(busy);
    expect(limiter.concurrency).toBe(2);
    const started = Date.now();
    await limiter.run(async () => undefined);
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    await expect(limiter.run(() => Promise.reject(new ErpNextError({ code: 'service_unavailable', status: 503 })))).rejects.toThrow();
    expect(limiter.concurrency).toBe(1);
  });

  it('backs off when answers get much slower than the fastest seen (a saturated server)', async () => {
    const limiter = new SiteLimiter({ initialConcurrent: 4 });
    await limiter.run(() => tick(20), undefined, true);
    // A slow write (a Company insert) is not a slowdown signal; a slow read is.
    await limiter.run(() => tick(400));
    expect(limiter.concurrency).toBe(4);
    await limiter.run(() => tick(400), undefined, true);
    expect(limiter.concurrency).toBe(2);
  });

  it('spaces starts by 1/rps when a cap is set', async () => {
    const limiter = new SiteLimiter({ maxConcurrent: 10, initialConcurrent: 10, requestsPerSecond: 20 });
    const starts: number[] = [];
    const before = performance.now();
    await Promise.all(Array.from({ length: 5 }, () => limiter.run(async () => void starts.push(performance.now()))));
    // The fifth start cannot come before 4 × 50 ms (a busy machine can only make starts later, not earlier).
    expect(Math.max(...starts) - before).toBeGreaterThanOrEqual(198);
  });

  it('lets a cancelled caller leave the queue at once, and frees the slot of a failed task', async () => {
    const limiter = new SiteLimiter({ maxConcurrent: 1, initialConcurrent: 1 });
    const holding = limiter.run(() => tick(200));
    const controller = new AbortController();
    const queued = limiter.run(async () => 'never', controller.signal);
    expect(limiter.queued).toBe(1);
    controller.abort();
    await expect(queued).rejects.toMatchObject({ code: 'cancelled' });
    expect(limiter.queued).toBe(0);
    await holding;
    await expect(limiter.run(async () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    await expect(limiter.run(async () => 'next')).resolves.toBe('next');
    expect(limiter.inFlight).toBe(0);
  });
});
