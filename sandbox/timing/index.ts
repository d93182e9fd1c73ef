import { serverSeconds } from './derive';
import { ERPNEXT15 } from './erpnext15';
import { WorkerPool } from './workers';

// `timing: 'erpnext15'`: each request that reaches the site takes the server time a real ERPNext 15
// took for that operation and outcome (erpnext15.ts), on one of two workers (a 2-worker bench); the
// rest queue. Off by default, so tests stay fast. Latency and faults apply as before: latency is the
// network in front, a fault that answers (502, 429, reset…) never reaches a worker.

export type TimingName = 'off' | 'erpnext15';
export interface TimingSettings { profile: TimingName; workers: number; scale: number }

export const TIMING_NAMES: TimingName[] = ['off', 'erpnext15'];
export const DEFAULT_WORKERS = 2;

export class ServerTiming {
  private readonly pool: WorkerPool;

  constructor(private settings: TimingSettings) {
    this.pool = new WorkerPool(settings.workers);
  }

  get current(): TimingSettings {
    return { ...this.settings };
  }

  get enabled(): boolean {
    return this.settings.profile !== 'off';
  }

  set(settings: TimingSettings): void {
    this.settings = settings;
    this.pool.resize(settings.workers);
  }

  /** Milliseconds of work for a request that ended with `status`. */
  workMs(method: string, path: string, status: number): number {
    if (!this.enabled) return 0;
    return serverSeconds(ERPNEXT15, method, path, status) * 1000 * this.settings.scale;
  }

  acquire(): Promise<() => void> {
    return this.pool.acquire();
  }
}

export function timingSettings(profile: TimingName | undefined, workers?: number, scale?: number): TimingSettings {
  return { profile: profile ?? 'off', workers: Math.max(1, Math.floor(workers ?? DEFAULT_WORKERS)), scale: scale ?? 1 };
}
