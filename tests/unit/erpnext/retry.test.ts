import { describe, expect, it, vi } from 'vitest';
import { ErpNextError } from '../../../electron/erpnext/errors';
import { Backoff, backoffDelay, withRetry } from '../../../electron/erpnext/retry';

const policy = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1_000, maxTotalMs: 10_000 };
const transient = (retryAfterMs?: number) => new ErpNextError({ code: 'service_unavailable', retryAfterMs });

describe('backoff', () => {
  it('is full jitter: anywhere in [0, cap], the cap growing exponentially up to maxDelayMs', () => {
    for (let attempt = 1; attempt <= 8; attempt++) {
      const cap = Math.min(1_000, 100 * 2 ** (attempt - 1));
      expect(backoffDelay(attempt, policy, undefined, () => 0)).toBe(0);
      expect(backoffDelay(attempt, policy, undefined, () => 0.5)).toBe(cap / 2);
      expect(backoffDelay(attempt, policy, undefined, () => 1)).toBe(cap);
    }
  });

  it('spreads delays over the whole range (not only its upper half)', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const delays = Array.from({ length: 400 }, () => backoffDelay(4, policy, undefined, random));
    expect(delays.filter((d) => d < 400).length).toBeGreaterThan(120);
    expect(Math.max(...delays)).toBeLessThanOrEqual(800);
  });

  it('never waits less than Retry-After', () => {
    expect(backoffDelay(1, policy, 2_500, () => 0.5)).toBe(2_500);
  });
});

describe('Backoff', () => {
  it('gives delays until attempts run out', () => {
    const backoff = new Backoff({ ...policy, maxAttempts: 3 }, { random: () => 1 });
    expect([backoff.next(), backoff.next(), backoff.next()]).toEqual([100, 200, null]);
    expect(backoff.attempt).toBe(3);
  });

  it('gives no delay that would end past the time budget, counted from when the wait began', () => {
    let now = 10_000;
    const backoff = new Backoff({ ...policy, maxAttempts: 100, maxTotalMs: 1_000 }, { random: () => 1, now: () => now, startedAt: 9_500 });
    expect(backoff.next()).toBe(100);
    now = 10_300;
    expect(backoff.next()).toBe(200);
    expect(backoff.next()).toBeNull();
  });
});

describe('withRetry', () => {
  it('retries transient failures until success', async () => {
    const attempt = vi.fn().mockRejectedValueOnce(transient()).mockRejectedValueOnce(transient()).mockResolvedValue('ok');
    await expect(withRetry(attempt, { policy: { ...policy, baseDelayMs: 1 }, shouldRetry: (e) => e.transient })).resolves.toBe('ok');
    expect(attempt).toHaveBeenCalledTimes(3);
  });

  it('stops at the attempt bound and reports how many were made', async () => {
    const attempt = vi.fn().mockRejectedValue(transient());
    const error = (await withRetry(attempt, { policy: { ...policy, baseDelayMs: 1, maxAttempts: 3 }, shouldRetry: () => true }).catch((e: unknown) => e)) as ErpNextError;
    expect(attempt).toHaveBeenCalledTimes(3);
    expect(error.attempts).toBe(3);
  });

  it('stops when the next wait would exceed the total time bound', async () => {
    const attempt = vi.fn().mockRejectedValue(transient(5_000));
    await expect(withRetry(attempt, { policy: { ...policy, maxTotalMs: 1_000 }, shouldRetry: () => true })).rejects.toThrow(ErpNextError);
    expect(attempt).toHaveBeenCalledTimes(1);
  });

  it('never retries what the caller says is final (a 417)', async () => {
    const attempt = vi.fn().mockRejectedValue(new ErpNextError({ code: 'validation_failed', status: 417 }));
    await expect(withRetry(attempt, { policy, shouldRetry: (e) => e.transient })).rejects.toMatchObject({ code: 'validation_failed' });
    expect(attempt).toHaveBeenCalledTimes(1);
  });

  it('is cancelled during a wait', async () => {
    const controller = new AbortController();
    const attempt = vi.fn().mockRejectedValue(transient(60_000));
    const run = withRetry(attempt, { policy: { ...policy, maxTotalMs: 120_000 }, signal: controller.signal, shouldRetry: () => true });
    setTimeout(() => controller.abort(), 20);
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('reports each retry with its delay', async () => {
    const events: number[] = [];
    const attempt = vi.fn().mockRejectedValueOnce(transient(30)).mockResolvedValue(1);
    await withRetry(attempt, { policy, shouldRetry: () => true, onRetry: (e) => events.push(e.delayMs), random: () => 0 });
    expect(events).toEqual([30]);
  });

  it('passes non-ERPNext errors (bugs) straight through', async () => {
    const attempt = vi.fn().mockRejectedValue(new TypeError('bug'));
    await expect(withRetry(attempt, { policy, shouldRetry: () => true })).rejects.toThrow(TypeError);
    expect(attempt).toHaveBeenCalledTimes(1);
  });
});
