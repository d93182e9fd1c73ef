import type { RunPhase, RunStatus } from '../status';
import type { StepId } from '../steps/catalog';

/**
 * Where a shop stands in a fleet rollout: waiting for a slot, running, at rest with its run's status,
 * skipped (already COMPLETED with this configuration), busy (another process or laptop runs it), or
 * not started because of an error that is not the run's (e.g. no API secret).
 */
export type FleetShopState = 'queued' | 'running' | 'finished' | 'paused' | 'skipped' | 'busy' | 'error' | 'idle';

/** What the fleet does with a shop: a new run, resume the one it has, or nothing (already COMPLETED). */
export type FleetMove = 'start' | 'continue' | 'skip';

export interface FleetShopRow {
  shopId: string;
  name: string;
  state: FleetShopState;
  /** The shop's latest run (NOT_STARTED when it has none). */
  runStatus: RunStatus;
  phase: RunPhase | null;
  progress: number;
  /** The step running now, or the one that stopped the run. */
  step: StepId | null;
  /** When the shop's run began and came to rest; within a fleet, when the fleet started it and when it settled. */
  startedAt: string | null;
  finishedAt: string | null;
  /** Why it is busy or could not start. */
  message: string | null;
}

export interface FleetStatus {
  siteId: string;
  /** A fleet is running shops now (Start all / Continue failed). */
  active: boolean;
  /** Most shops in flight at once (from the site's request limiter). */
  concurrency: number;
  shops: FleetShopRow[];
}
