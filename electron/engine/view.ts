import type { ErrorInfo } from '../../shared/errors';
import type { RunRecord } from '../../shared/model';
import type { RunEvent, RunView } from '../../shared/runView';
import { RunPhase, SETTLED_OK, StepStatus } from '../../shared/status';
import { STEP_IDS, type StepId } from '../../shared/steps/catalog';
import { weightedProgress } from '../../shared/steps/graph';
import { type Steps, statusesOf } from './runState';

/** Time left: typical durations of what has not finished, minus how long running steps have been at it. */
export function estimateRemaining(steps: Steps, typical: Partial<Record<StepId, number>>, now = Date.now()): number | null {
  const remaining = STEP_IDS.filter((id) => !SETTLED_OK.includes(steps[id].status));
  if (remaining.length === 0) return 0;
  if (remaining.some((id) => typical[id] === undefined)) return null;
  return remaining.reduce((sum, id) => {
    const spent = steps[id].startedAt && steps[id].status !== StepStatus.Failed ? now - Date.parse(steps[id].startedAt!) : 0;
    return sum + Math.max(0, typical[id]! - spent);
  }, 0);
}

export function buildView(shop: { id: string; name: string }, run: RunRecord, steps: Steps, typical: Partial<Record<StepId, number>>, networkError: ErrorInfo | null): RunView {
  return {
    shopId: shop.id,
    shopName: shop.name,
    run,
    steps: STEP_IDS.map((id) => steps[id]),
    progress: weightedProgress(statusesOf(steps)),
    etaMs: run.phase === RunPhase.Finished ? 0 : estimateRemaining(steps, typical),
    networkError,
  };
}

/** The discrete events between two views (for the CLI's lines and notifications). */
export function eventsBetween(before: RunView | null, after: RunView): RunEvent[] {
  const at = new Date().toISOString();
  const events: RunEvent[] = [];
  const previous = new Map(before?.steps.map((s) => [s.stepId, s]) ?? []);
  for (const step of after.steps) {
    const old = previous.get(step.stepId);
    if (old?.status === step.status && old.currentAction === step.currentAction && old.attempts === step.attempts) continue;
    if (step.status === StepStatus.Running && (old?.status !== StepStatus.Running || old.attempts !== step.attempts)) events.push({ type: 'step.started', at, stepId: step.stepId, attempt: step.attempts });
    if (step.status === StepStatus.Running && step.currentAction && step.currentAction !== old?.currentAction) events.push({ type: 'step.action', at, stepId: step.stepId, action: step.currentAction });
    if (step.status === StepStatus.Retrying && step.currentAction !== old?.currentAction) events.push({ type: 'step.retrying', at, stepId: step.stepId, action: step.currentAction ?? '' });
    if (step.status === StepStatus.Succeeded && old?.status !== StepStatus.Succeeded) events.push({ type: 'step.succeeded', at, stepId: step.stepId, durationMs: step.durationMs });
    if (step.status === StepStatus.Failed && old?.status !== StepStatus.Failed && step.error) events.push({ type: 'step.failed', at, stepId: step.stepId, error: step.error });
    if (step.status === StepStatus.Skipped && old?.status !== StepStatus.Skipped) events.push({ type: 'step.skipped', at, stepId: step.stepId });
  }
  const phase = after.run.phase;
  if (phase !== before?.run.phase || (phase === RunPhase.WaitingForNetwork && after.run.nextProbeAt !== before?.run.nextProbeAt)) {
    if (phase === RunPhase.WaitingForNetwork) events.push({ type: 'run.waiting_for_network', at, nextProbeAt: after.run.nextProbeAt, error: after.networkError });
    if (phase === RunPhase.Running && before?.run.phase === RunPhase.WaitingForNetwork) events.push({ type: 'run.network_back', at });
    if (phase === RunPhase.Paused) events.push({ type: 'run.paused', at });
    if (phase === RunPhase.Finished) {
      const duration = after.run.startedAt && after.run.finishedAt ? Date.parse(after.run.finishedAt) - Date.parse(after.run.startedAt) : null;
      events.push({ type: 'run.finished', at, status: after.run.status, durationMs: duration });
    }
  }
  return events;
}
