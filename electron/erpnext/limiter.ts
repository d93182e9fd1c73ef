import { withDefaults } from '../../shared/withDefaults';
import { sleep } from './retry';

export interface LimiterOptions {
  /** Requests in flight at once against one site. ERPNext on a small server is CPU-bound: keep it low. */
  maxConcurrent: number;
  /** Request starts per second against one site. */
  requestsPerSecond: number;
}

export const DEFAULT_LIMITS: LimiterOptions = { maxConcurrent: 2, requestsPerSecond: 10 };

/**
 * Caps concurrency and start rate for one site. Starts are spaced evenly (1/rps apart) rather than in
 * bursts, which is kinder to a single-worker ERPNext.
 */
export class SiteLimiter {
  private active = 0;
  private nextStart = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly options: LimiterOptions = DEFAULT_LIMITS) {}

  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.acquire();
    try {
      const now = Date.now();
      const gap = 1000 / Math.max(this.options.requestsPerSecond, 0.001);
      const startAt = Math.max(now, this.nextStart);
      this.nextStart = startAt + gap;
      if (startAt > now) await sleep(startAt - now, signal);
      return await task();
    } finally {
      this.release();
    }
  }

  get inFlight(): number {
    return this.active;
  }

  private acquire(): Promise<void> {
    if (this.active < this.options.maxConcurrent) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(() => resolve()));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}

const limiters = new Map<string, SiteLimiter>();

/** One limiter per site origin, shared by every client of that site in this process. */
export function limiterFor(origin: string, options?: Partial<LimiterOptions>): SiteLimiter {
  let limiter = limiters.get(origin);
  if (!limiter) {
    limiter = new SiteLimiter(withDefaults(DEFAULT_LIMITS, options));
    limiters.set(origin, limiter);
  }
  return limiter;
}
