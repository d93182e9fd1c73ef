/** Run and step states, shared by the engine, the store, the CLI and the UI: no magic strings. */
export const RunStatus = {
  NotStarted: 'NOT_STARTED',
  InProgress: 'IN_PROGRESS',
  Completed: 'COMPLETED',
  Failed: 'FAILED',
  Partial: 'PARTIAL',
} as const;
export type RunStatus = (typeof RunStatus)[keyof typeof RunStatus];

/** What the run is doing while IN_PROGRESS (or why it is not moving). */
export const RunPhase = {
  Idle: 'idle',
  Running: 'running',
  WaitingForNetwork: 'waiting_for_network',
  /** Cancelled by the user, or interrupted (window closed, crash): resumable with Continue. */
  Paused: 'paused',
  Finished: 'finished',
} as const;
export type RunPhase = (typeof RunPhase)[keyof typeof RunPhase];

export const StepStatus = {
  Pending: 'pending',
  Running: 'running',
  Retrying: 'retrying',
  Succeeded: 'succeeded',
  Failed: 'failed',
  Skipped: 'skipped',
} as const;
export type StepStatus = (typeof StepStatus)[keyof typeof StepStatus];

/** Steps in these states count as done for dependants and for progress. */
export const SETTLED_OK: readonly StepStatus[] = [StepStatus.Succeeded, StepStatus.Skipped];

export const LogLevel = { Debug: 'debug', Info: 'info', Warn: 'warn', Error: 'error' } as const;
export type LogLevel = (typeof LogLevel)[keyof typeof LogLevel];
export const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];
