import { withDefaults } from '../../shared/withDefaults';
import { ErpNextError } from './errors';

export interface RetryPolicy {
  /** Total tries including the first. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** No new attempt starts when it could not begin before this much time has passed since the first. */
  maxTotalMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 15_000, maxTotalMs: 60_000 };

export interface RetryEvent {
  attempt: number;
  delayMs: number;
  error: ErpNextError;
}

export interface RetryOptions {
  policy?: Partial<RetryPolicy>;
  signal?: AbortSignal;
  /** Whether this failure may be tried again (the caller knows whether the request is safe to resend). */
  shouldRetry: (error: ErpNextError) => boolean;
  onRetry?: (event: RetryEvent) => void;
  random?: () => number;
  now?: () => number;
}

/**
 * "Full jitter" backoff (a random delay up to the exponential cap) spreads retries of many clients,
 * but never waits less than the server asked for with Retry-After.
 */
export function backoffDelay(attempt: number, policy: RetryPolicy, retryAfterMs: number | undefined, random: () => number): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const jittered = Math.round(cap / 2 + (random() * cap) / 2);
  return Math.max(jittered, retryAfterMs ?? 0);
}

export function abortError(signal?: AbortSignal): ErpNextError {
  return new ErpNextError({ code: 'cancelled', cause: signal?.reason });
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Runs `attempt` until it succeeds, fails for good, runs out of tries or time, or is cancelled. */
export async function withRetry<T>(attempt: (n: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const policy = withDefaults(DEFAULT_RETRY, options.policy);
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const started = now();
  for (let n = 1; ; n++) {
    if (options.signal?.aborted) throw abortError(options.signal);
    try {
      return await attempt(n);
    } catch (caught) {
      if (!(caught instanceof ErpNextError)) throw caught;
      caught.attempts = n;
      if (caught.code === 'cancelled' || n >= policy.maxAttempts || !options.shouldRetry(caught)) throw caught;
      const delayMs = backoffDelay(n, policy, caught.retryAfterMs, random);
      if (now() - started + delayMs > policy.maxTotalMs) throw caught;
      options.onRetry?.({ attempt: n, delayMs, error: caught });
      await sleep(delayMs, options.signal);
    }
  }
}
