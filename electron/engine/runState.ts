import { ErrorCategory, type ErrorInfo } from '../../shared/errors';
import type { RunSummary, StepRecord } from '../../shared/model';
import { RunStatus, SETTLED_OK, StepStatus } from '../../shared/status';
import { STEP_CATALOG, STEP_IDS, StepId, stepDefinition } from '../../shared/steps/catalog';
import { readySteps } from '../../shared/steps/graph';

/** The steps of one run, by id: the statechart's context and what the store persists. */
export type Steps = Record<StepId, StepRecord>;

export function emptyStep(stepId: StepId): StepRecord {
  return { stepId, status: StepStatus.Pending, attempts: 0, startedAt: null, finishedAt: null, durationMs: null, currentAction: null, error: null, outputs: null };
}

export function stepsFrom(records: readonly StepRecord[]): Steps {
  const byId = new Map(records.map((r) => [r.stepId, r]));
  return Object.fromEntries(STEP_IDS.map((id) => [id, byId.get(id) ?? emptyStep(id)])) as Steps;
}

export const statusesOf = (steps: Steps) => Object.fromEntries(STEP_IDS.map((id) => [id, steps[id].status])) as Record<StepId, StepStatus>;

export const isActive = (status: StepStatus) => status === StepStatus.Running || status === StepStatus.Retrying;

export function activeSteps(steps: Steps): StepId[] {
  return STEP_IDS.filter((id) => isActive(steps[id].status));
}

export function stepsToStart(steps: Steps, maxParallel: number): StepId[] {
  const free = Math.max(0, maxParallel - activeSteps(steps).length);
  return readySteps(statusesOf(steps)).slice(0, free);
}

const elapsed = (from: string | null, to: string) => (from ? Math.max(0, Date.parse(to) - Date.parse(from)) : null);

export function started(step: StepRecord, at: string): StepRecord {
  return { ...step, status: StepStatus.Running, attempts: step.attempts + 1, startedAt: at, finishedAt: null, durationMs: null, error: null, currentAction: null };
}

export function succeeded(step: StepRecord, outputs: Record<string, unknown>, at: string): StepRecord {
  return { ...step, status: StepStatus.Succeeded, outputs, finishedAt: at, durationMs: elapsed(step.startedAt, at), currentAction: null, error: null };
}

export function failed(step: StepRecord, error: ErrorInfo, at: string): StepRecord {
  return { ...step, status: StepStatus.Failed, error, finishedAt: at, durationMs: elapsed(step.startedAt, at), currentAction: null };
}

/** Back to pending: interrupted (cancel, crash, network) steps run again and look before they write. */
export function interrupted(step: StepRecord): StepRecord {
  return isActive(step.status) ? { ...step, status: StepStatus.Pending, currentAction: null } : step;
}

export function reset(step: StepRecord, which: 'failed' | 'all'): StepRecord {
  if (step.status === StepStatus.Failed || (which === 'all' && step.status !== StepStatus.Skipped)) return { ...emptyStep(step.stepId), attempts: step.attempts };
  return interrupted(step);
}

/**
 * The honest end of a run: COMPLETED only when every step that was not skipped succeeded; FAILED
 * whenever a critical step did not succeed (failed, blocked by a failed dependency, or never ran) —
 * a shop without its company, chart or POS Profile cannot sell; PARTIAL when every critical step
 * succeeded and some other step did not.
 */
export function finalStatus(steps: Steps): RunStatus {
  if (STEP_CATALOG.some((def) => def.critical && steps[def.id].status !== StepStatus.Succeeded)) return RunStatus.Failed;
  const done = STEP_IDS.every((id) => SETTLED_OK.includes(steps[id].status));
  return done ? RunStatus.Completed : RunStatus.Partial;
}

/**
 * A failure after which the site itself may be gone (to be told apart by probing it): no answer at all,
 * an answer from something in between (a gateway error, an overloaded server, a captive portal's HTML
 * page or a foreign certificate where ERPNext had answered before), or a rate limit that outlasted the
 * client's retries. Anything else is the step's own failure.
 */
export function meansSiteMayBeLost(error: ErrorInfo): boolean {
  return Boolean(error.noAnswer) || error.category === ErrorCategory.Transient || error.category === ErrorCategory.NotErpnext || error.category === ErrorCategory.Tls;
}

/** The error a step ends with when the site answers but this step's request keeps failing. */
export function endpointFailure(error: ErrorInfo, times: number): ErrorInfo {
  const where = error.endpoint ?? 'a request of this step';
  const why = error.noAnswer ? `never got an answer (${times} times in a row)` : `kept failing${error.status ? ` with ${error.status}` : ''}${error.attempts ? ` after ${error.attempts} tries` : ''}`;
  return {
    ...error,
    message: `ERPNext answers, but ${where} ${why}. ${error.message}`,
    hint: `The site itself is reachable: this one request is failing. Check ERPNext's error log for ${where} (or ask the site's administrator), then Continue.`,
  };
}

export function isCritical(stepId: StepId): boolean {
  return stepDefinition(stepId).critical;
}

export function isOptional(stepId: StepId): boolean {
  return stepDefinition(stepId).optional;
}

/** The network went away only if we had reached the site in this run; before that, the address may simply be wrong. */
export function siteWasReached(steps: Steps): boolean {
  return steps[StepId.EngineCheck].status === StepStatus.Succeeded;
}

/** What the run did on the site and how the till reads back: the run's summary once it finishes. */
export function runSummary(steps: Steps): RunSummary {
  const effects = STEP_IDS.map((id) => (steps[id].status === StepStatus.Succeeded ? (steps[id].outputs?.effects as Partial<RunSummary> | undefined) : undefined));
  const readiness = steps[StepId.PostSetup].outputs?.readiness as RunSummary['readiness'] | undefined;
  return {
    created: effects.flatMap((e) => e?.created ?? []),
    adopted: effects.flatMap((e) => e?.adopted ?? []),
    changed: effects.flatMap((e) => e?.changed ?? []),
    readiness: readiness ?? [],
  };
}
