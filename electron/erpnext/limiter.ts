import { withDefaults } from '../../shared/withDefaults';
import { ErpNextError } from './errors';
import { abortError, sleep } from './retry';

export interface LimiterOptions {
  /**
   * The most requests in flight at once against one site. A small ERPNext (2 workers) is CPU-bound:
   * more than a few at once only queue there; they pay off when network latency dominates.
   */
  maxConcurrent: number;
  /** Where the limit starts, and the least it backs off to. */
  initialConcurrent: number;
  minConcurrent: number;
  /** Request starts per second; 0 = no cap (the default: the limit in flight adapts instead). */
  requestsPerSecond: number;
  /** A request this many times slower than the fastest seen means the server is saturated. */
  slowdownFactor: number;
}

export const DEFAULT_LIMITS: LimiterOptions = { maxConcurrent: 4, initialConcurrent: 2, minConcurrent: 1, requestsPerSecond: 0, slowdownFactor: 3 };

/** Latencies below this never count as a slowdown (a loopback sandbox answers in a millisecond). */
const SLOW_FLOOR_MS = 250;

interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

/**
 * Adaptive per-site limit on requests in flight (AIMD, like TCP's congestion window): grows by one each
 * time a full window of requests came back fine, halves on 429/503 or when answers get much slower than
 * the fastest seen, and stops new starts until a Retry-After has passed. No requests-per-second cap
 * unless one is set. A queued request whose caller gives up leaves the queue at once.
 */
export class SiteLimiter {
  private active = 0;
  private limit: number;
  /** Fractional growth: the limit rises by 1 after `limit` good answers. */
  private credit = 0;
  private fastestMs = Number.POSITIVE_INFINITY;
  private coolDownUntil = 0;
  private nextStart = 0;
  private readonly waiting: Waiter[] = [];
  readonly options: LimiterOptions;

  constructor(options: Partial<LimiterOptions> = {}) {
    this.options = withDefaults(DEFAULT_LIMITS, options);
    this.options.initialConcurrent = Math.min(this.options.initialConcurrent, this.options.maxConcurrent);
    this.limit = this.options.initialConcurrent;
  }

  get inFlight(): number {
    return this.active;
  }

  /** The current limit on requests in flight (it moves between minConcurrent and maxConcurrent). */
  get concurrency(): number {
    return this.limit;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /**
   * Runs `task` when a slot is free. Only reads (`read`) are timed for the slowdown signal: writes vary
   * too much by what they do (a Company insert builds a whole chart of accounts) to compare.
   */
  async run<T>(task: () => Promise<T>, signal?: AbortSignal, read = false): Promise<T> {
    await this.acquire(signal);
    try {
      await this.pace(signal);
      const started = performance.now();
      try {
        const result = await task();
        this.onAnswer(read ? performance.now() - started : null);
        return result;
      } catch (error) {
        this.onFailure(error, read ? performance.now() - started : null);
        throw error;
      }
    } finally {
      this.release();
    }
  }

  /** Waits out a Retry-After cool-down and, when set, the requests-per-second spacing. */
  private async pace(signal?: AbortSignal): Promise<void> {
    const now = Date.now();
    let startAt = Math.max(now, this.coolDownUntil);
    if (this.options.requestsPerSecond > 0) {
      startAt = Math.max(startAt, this.nextStart);
      this.nextStart = startAt + 1000 / this.options.requestsPerSecond;
    }
    if (startAt > now) await sleep(startAt - now, signal);
  }

  private onAnswer(latencyMs: number | null): void {
    if (latencyMs !== null) {
      this.fastestMs = Math.min(this.fastestMs, latencyMs);
      if (latencyMs > SLOW_FLOOR_MS && latencyMs > this.fastestMs * this.options.slowdownFactor) return this.decrease();
    }
    this.credit += 1;
    if (this.credit >= this.limit && this.limit < this.options.maxConcurrent) {
      this.credit = 0;
      this.limit += 1;
      this.wake();
    }
  }

  private onFailure(error: unknown, latencyMs: number | null): void {
    if (!(error instanceof ErpNextError)) return;
    if (error.code === 'rate_limited' || error.code === 'service_unavailable') {
      if (error.retryAfterMs) this.coolDownUntil = Math.max(this.coolDownUntil, Date.now() + error.retryAfterMs);
      this.decrease();
    } else if (error.status !== undefined) this.onAnswer(latencyMs);
  }

  private decrease(): void {
    this.limit = Math.max(this.options.minConcurrent, Math.floor(this.limit / 2));
    this.credit = 0;
  }

  private acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortError(signal));
    if (this.active < this.limit) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, signal };
      if (signal) {
        waiter.onAbort = () => {
          const index = this.waiting.indexOf(waiter);
          if (index >= 0) this.waiting.splice(index, 1);
          reject(abortError(signal));
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.waiting.push(waiter);
    });
  }

  private release(): void {
    this.active--;
    this.wake();
  }

  /** Starts as many queued requests as the (possibly grown) limit allows. */
  private wake(): void {
    while (this.active < this.limit && this.waiting.length > 0) {
      const next = this.waiting.shift()!;
      if (next.signal && next.onAbort) next.signal.removeEventListener('abort', next.onAbort);
      this.active++;
      next.resolve();
    }
  }
}

const limiters = new Map<string, SiteLimiter>();

/** One limiter per site origin, shared by every client of that site in this process. */
export function limiterFor(origin: string, options?: Partial<LimiterOptions>): SiteLimiter {
  let limiter = limiters.get(origin);
  if (!limiter) {
    limiter = new SiteLimiter(options);
    limiters.set(origin, limiter);
  }
  return limiter;
}
