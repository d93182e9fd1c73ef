import type { RunRecord, RunSummary } from './model';
import type { PlanCounts } from './plan/types';
import type { DurationStats } from './stats';
import type { StepStatus } from './status';
import type { StepId } from './steps/catalog';

/** One command that drove a run: who pressed it, on which machine (never a secret). */
export interface RunSession {
  command: string;
  osUser: string;
  host: string;
  startedAt: string;
}

/** A finished attempt of a step (a step retried by Continue has several). */
export interface StepAttempt {
  stepId: StepId;
  attempt: number;
  status: 'succeeded' | 'failed';
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  errorCode: string | null;
  errorMessage: string | null;
  serverMessage: string | null;
}

/** One run in a shop's history. */
export interface RunHistoryEntry {
  run: Pick<RunRecord, 'id' | 'status' | 'phase' | 'createdAt' | 'startedAt' | 'finishedAt'>;
  durationMs: number | null;
  /** Who started it, from which machine (the first session); null for runs from before this was recorded. */
  startedBy: RunSession | null;
  sessions: RunSession[];
  /** The step that stopped it, for a FAILED or PARTIAL run. */
  failedStep: StepId | null;
  result: Pick<RunSummary, 'created' | 'adopted' | 'changed'> | null;
  /**
   * What the run was going to do, as its preflight planned it before the first write (issue 10), beside
   * `result`; null for runs from before plans were recorded, or stopped before the engine check passed.
   */
  plan: RunPlanSummary | null;
}

/** A run's plan in the words of its result: the records it was going to create, adopt and change. */
export interface RunPlanSummary {
  plannedAt: string;
  counts: PlanCounts;
  create: string[];
  adopt: string[];
  change: string[];
  conflicts: string[];
  /** When a preview came before the Start: when it was made, and what the site changed since. */
  previewAt: string | null;
  differences: string[];
}

/** A step's bar segment on the timeline: one attempt. */
export interface TimelineAttempt {
  attempt: number;
  status: 'succeeded' | 'failed' | 'running';
  startMs: number;
  endMs: number;
  errorCode: string | null;
  errorMessage: string | null;
}

/** A request the ERPNext client tried again by itself (a 503, a dropped connection…). */
export interface TimelineRetry {
  atMs: number;
  delayMs: number;
  code: string;
  request: string;
}

export interface TimelineRequest {
  request: string;
  durationMs: number;
  atMs: number;
  correlationId: string | null;
}

export interface TimelineStep {
  stepId: StepId;
  title: string;
  /** Where the step stands now (skipped steps have no attempt). */
  status: StepStatus;
  attempts: TimelineAttempt[];
  retries: TimelineRetry[];
  /** The slowest ERPNext request of the step in this run. */
  slowest: TimelineRequest | null;
  requests: number;
}

/** The run's time axis: milliseconds from its first recorded moment. */
export interface RunTimeline {
  runId: string;
  shopId: string;
  status: RunRecord['status'];
  phase: RunRecord['phase'];
  startedAt: string | null;
  /** Length of the axis in ms. */
  spanMs: number;
  steps: TimelineStep[];
  /** While the site did not answer (the run waited and probed). */
  networkWaits: { startMs: number; endMs: number; ended: boolean }[];
  sessions: RunSession[];
}

/** Insights across every run in this app's database. */
export interface Insights {
  runs: { total: number; byStatus: Record<string, number>; duration: DurationStats | null };
  steps: {
    stepId: StepId;
    title: string;
    duration: DurationStats | null;
    attempts: number;
    failures: number;
    failureRate: number | null;
  }[];
  errorCodes: { code: string; count: number; steps: StepId[] }[];
  /** ERPNext's own words, most frequent first. */
  messages: { message: string; count: number; code: string | null }[];
}
