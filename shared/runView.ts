import type { ErrorInfo } from './errors';
import type { RunRecord, StepRecord } from './model';
import type { StepId } from './steps/catalog';

/** Everything the run screen and the CLI show about a shop's current run. */
export interface RunView {
  shopId: string;
  shopName: string;
  run: RunRecord;
  steps: StepRecord[];
  /** Weighted, 0..1. */
  progress: number;
  /** Estimated time left, learned from earlier runs; null when unknown. */
  etaMs: number | null;
  /** The network error the run is waiting out, with the next probe time in `run.nextProbeAt`. */
  networkError: ErrorInfo | null;
}

/** What a run reports as it goes: one JSON line each in `--json`, pushed to the page in the app. */
export type RunEvent =
  | { type: 'run.started'; at: string; runId: string; shopName: string }
  | { type: 'step.started'; at: string; stepId: StepId; attempt: number }
  | { type: 'step.action'; at: string; stepId: StepId; action: string }
  | { type: 'step.retrying'; at: string; stepId: StepId; action: string }
  | { type: 'step.succeeded'; at: string; stepId: StepId; durationMs: number | null }
  | { type: 'step.failed'; at: string; stepId: StepId; error: ErrorInfo }
  | { type: 'step.skipped'; at: string; stepId: StepId }
  | { type: 'run.waiting_for_network'; at: string; nextProbeAt: string | null; error: ErrorInfo | null }
  | { type: 'run.network_back'; at: string }
  | { type: 'run.paused'; at: string }
  | { type: 'run.finished'; at: string; status: RunRecord['status']; durationMs: number | null }
  | { type: 'run.refused'; at: string; message: string }
  /** Start followed a preview and the site changed in between: each record whose planned action changed. */
  | { type: 'run.plan_changed'; at: string; previewAt: string; differences: string[] }
  /** Another process took this shop's run over (a stale lock): this one stopped without writing more. */
  | { type: 'run.lock_lost'; at: string; message: string };
