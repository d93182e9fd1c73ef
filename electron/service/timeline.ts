import type { RunTimeline, StepAttempt, TimelineAttempt, TimelineRequest, TimelineRetry, TimelineStep } from '../../shared/history';
import type { LogEntry, RunRecord, StepRecord } from '../../shared/model';
import { RunPhase, StepStatus } from '../../shared/status';
import { STEP_CATALOG, type StepId } from '../../shared/steps/catalog';

// The run's network waits as the engine logs them (electron/engine/networkWait.ts): a probe that found
// the site unreachable, and the probe that found it back. Entries of the run itself, not of a step.
const WAIT_STARTS = /^Site unreachable/;
const WAIT_ENDS = /^The site answers again/;

export interface TimelineInput {
  run: RunRecord;
  /** The run's steps as they stand (a running step has no finished attempt yet). */
  steps: readonly StepRecord[];
  attempts: readonly StepAttempt[];
  /** The run's log, oldest first. */
  logs: readonly LogEntry[];
  now?: number;
}

const ms = (iso: string | null | undefined) => (iso ? Date.parse(iso) : Number.NaN);
const num = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** The request a client log line is about: "GET /api/resource/Company" (its message starts with it). */
function requestOf(entry: LogEntry): string {
  const data = entry.data ?? {};
  const request = typeof data.method === 'string' && typeof data.path === 'string' ? `${data.method} ${data.path}` : (entry.message.split(/ (?:will retry|→|failed)/)[0] ?? entry.message);
  return readable(request);
}

/** "/api/resource/POS%20Profile" as a person writes it. */
function readable(request: string): string {
  try {
    return decodeURIComponent(request);
  } catch {
    return request;
  }
}

/** When the axis starts: the earliest moment the run, an attempt or a log line knows of. */
function origin(input: TimelineInput): number {
  const candidates = [ms(input.run.startedAt), ...input.attempts.map((a) => ms(a.startedAt)), ms(input.logs[0]?.time)].filter(Number.isFinite);
  return candidates.length ? Math.min(...candidates) : ms(input.run.createdAt);
}

function attemptsOf(stepId: StepId, input: TimelineInput, at: (iso: string | null) => number, end: number): TimelineAttempt[] {
  const done = input.attempts
    .filter((a) => a.stepId === stepId && a.startedAt)
    .map((a): TimelineAttempt => ({ attempt: a.attempt, status: a.status, startMs: at(a.startedAt), endMs: Number.isFinite(at(a.finishedAt)) ? at(a.finishedAt) : at(a.startedAt), errorCode: a.errorCode, errorMessage: a.errorMessage }));
  const current = input.steps.find((s) => s.stepId === stepId);
  const going = current && (current.status === StepStatus.Running || current.status === StepStatus.Retrying) && current.startedAt;
  if (going && !done.some((a) => a.attempt === current.attempts)) done.push({ attempt: current.attempts, status: 'running', startMs: at(current.startedAt), endMs: end, errorCode: null, errorMessage: null });
  return done.sort((a, b) => a.startMs - b.startMs);
}

function requestFacts(entries: readonly LogEntry[], at: (iso: string) => number): { retries: TimelineRetry[]; slowest: TimelineRequest | null; requests: number } {
  const retries: TimelineRetry[] = [];
  let slowest: TimelineRequest | null = null;
  let requests = 0;
  for (const entry of entries) {
    const data = entry.data ?? {};
    const delay = num(data.delayMs);
    if (delay !== null && typeof data.code === 'string') retries.push({ atMs: at(entry.time), delayMs: delay, code: data.code, request: requestOf(entry) });
    const duration = num(data.durationMs);
    if (duration === null || typeof data.path !== 'string') continue;
    requests += 1;
    if (!slowest || duration > slowest.durationMs) slowest = { request: requestOf(entry), durationMs: duration, atMs: at(entry.time), correlationId: entry.correlationId };
  }
  return { retries, slowest, requests };
}

/**
 * A line that closes a wait without the site coming back: the run's own news (an operator's command,
 * "Run paused", "Run finished"). Not a step's line (steps in flight report their failures during the
 * wait) nor a request line (the probes themselves).
 */
const endsWait = (entry: LogEntry) => WAIT_ENDS.test(entry.message) || (entry.stepId === null && !WAIT_STARTS.test(entry.message) && typeof entry.data?.path !== 'string');

/** Stretches of the run spent waiting for the site: from the first failed probe to the one that found it back. */
function networkWaits(logs: readonly LogEntry[], at: (iso: string) => number, end: number, stillWaiting: boolean): RunTimeline['networkWaits'] {
  const waits: RunTimeline['networkWaits'] = [];
  let open: number | null = null;
  for (const entry of logs) {
    if (entry.stepId === null && WAIT_STARTS.test(entry.message)) open ??= at(entry.time);
    else if (open !== null && endsWait(entry)) {
      waits.push({ startMs: open, endMs: at(entry.time), ended: true });
      open = null;
    }
  }
  if (open !== null) waits.push({ startMs: open, endMs: end, ended: !stillWaiting });
  return waits;
}

/**
 * One run on a time axis: each step's attempts (side by side where they overlapped), the requests the
 * client retried by itself, the slowest request of each step, and the waits for the network.
 */
export function buildTimeline(input: TimelineInput): Omit<RunTimeline, 'sessions'> {
  const t0 = origin(input);
  const at = (iso: string | null) => ms(iso) - t0;
  const lastLog = input.logs.at(-1);
  const active = input.run.phase === RunPhase.Running || input.run.phase === RunPhase.WaitingForNetwork;
  const endAbs = input.run.finishedAt ? ms(input.run.finishedAt) : active ? (input.now ?? Date.now()) : Math.max(ms(input.run.updatedAt), ms(lastLog?.time ?? null) || 0);
  const end = Math.max(0, endAbs - t0);
  const steps = STEP_CATALOG.map((definition): TimelineStep => {
    const attempts = attemptsOf(definition.id, input, at, end);
    const status = input.steps.find((s) => s.stepId === definition.id)?.status ?? StepStatus.Pending;
    return { stepId: definition.id, title: definition.title, status, attempts, ...requestFacts(input.logs.filter((e) => e.stepId === definition.id), at) };
  });
  const waits = networkWaits(input.logs, at, end, input.run.phase === RunPhase.WaitingForNetwork);
  const spanMs = Math.max(end, ...steps.flatMap((s) => s.attempts.map((a) => a.endMs)), ...waits.map((w) => w.endMs), 1);
  return { runId: input.run.id, shopId: input.run.shopId, status: input.run.status, phase: input.run.phase, startedAt: Number.isFinite(t0) ? new Date(t0).toISOString() : null, spanMs, steps, networkWaits: waits };
}
