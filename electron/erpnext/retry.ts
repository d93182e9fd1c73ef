import { withDefaults } from '../../shared/withDefaults';
import { ErpNextError } from './errors';

/**
 * How something is tried again: the one policy shape used by the client's request retries, the
 * look-again rounds of a write whose answer was lost, and the network wait. Each use has its own
 * numbers; the rules (full jitter, Retry-After, attempt and time bounds) are the same.
 */
export interface RetryPolicy {
  /** Total tries including the first. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** No new attempt starts when it could not begin before this much time has passed since the first. */
  maxTotalMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 15_000, maxTotalMs: 60_000 };

export interface BackoffClock {
  random?: () => number;
  now?: () => number;
  /** When the first attempt happened (a wait that resumes keeps its clock); defaults to now. */
  startedAt?: number;
}

/**
 * "Full jitter" backoff: a random delay between 0 and the exponential cap, which spreads the retries
 * of many clients best; never less than the server asked for with Retry-After.
 */
export function backoffDelay(attempt: number, policy: RetryPolicy, retryAfterMs: number | undefined, random: () => number): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.max(Math.round(random() * cap), retryAfterMs ?? 0);
}

/** The delays of one retried operation, in order; `next` says null once attempts or time run out. */
export class Backoff {
  readonly policy: RetryPolicy;
  readonly startedAt: number;
  private attempts = 1;
  private readonly random: () => number;
  private readonly now: () => number;

  constructor(policy: Partial<RetryPolicy> | undefined, clock: BackoffClock = {}) {
    this.policy = withDefaults(DEFAULT_RETRY, policy);
    this.random = clock.random ?? Math.random;
    this.now = clock.now ?? Date.now;
    this.startedAt = clock.startedAt ?? this.now();
  }

  /** Attempts made so far (the first counts). */
  get attempt(): number {
    return this.attempts;
  }

  get elapsedMs(): number {
    return this.now() - this.startedAt;
  }

  /** The pause before the next attempt, or null when no further attempt fits the policy. */
  next(retryAfterMs?: number): number | null {
    if (this.attempts >= this.policy.maxAttempts) return null;
    const delayMs = backoffDelay(this.attempts, this.policy, retryAfterMs, this.random);
    if (this.elapsedMs + delayMs > this.policy.maxTotalMs) return null;
    this.attempts += 1;
    return delayMs;
  }
}

export interface RetryEvent {
  attempt: number;
  delayMs: number;
  error: ErpNextError;
}

export interface RetryOptions extends BackoffClock {
  policy?: Partial<RetryPolicy>;
  signal?: AbortSignal;
  /** Whether this failure may be tried again (the caller knows whether the request is safe to resend). */
  shouldRetry: (error: ErpNextError) => boolean;
  onRetry?: (event: RetryEvent) => void;
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
  const backoff = new Backoff(options.policy, options);
  for (;;) {
    if (options.signal?.aborted) throw abortError(options.signal);
    const n = backoff.attempt;
    try {
      return await attempt(n);
    } catch (caught) {
      if (!(caught instanceof ErpNextError)) throw caught;
      caught.attempts = n;
      if (caught.code === 'cancelled' || !options.shouldRetry(caught)) throw caught;
      const delayMs = backoff.next(caught.retryAfterMs);
      if (delayMs === null) throw caught;
      options.onRetry?.({ attempt: n, delayMs, error: caught });
      await sleep(delayMs, options.signal);
    }
  }
}
