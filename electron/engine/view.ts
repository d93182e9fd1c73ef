import type { ErrorInfo } from '../../shared/errors';
import type { RunRecord } from '../../shared/model';
import type { RunEvent, RunView } from '../../shared/runView';
import { RunPhase, StepStatus } from '../../shared/status';
import type { ShopConfig } from '../../shared/shop/schema';
import { STEP_IDS, StepId } from '../../shared/steps/catalog';
import { weightedProgress } from '../../shared/steps/graph';
import { scheduledRemaining } from './eta';
import { type Steps, statusesOf } from './runState';

/** The steps as the run will take them: a shop without demo items skips that step when it starts. */
function planned(steps: Steps, config: Pick<ShopConfig, 'demoItems'> | undefined): Steps {
  if (config?.demoItems !== false || steps[StepId.DemoItems].status !== StepStatus.Pending) return steps;
  return { ...steps, [StepId.DemoItems]: { ...steps[StepId.DemoItems], status: StepStatus.Skipped } };
}

export function buildView(shop: { id: string; name: string; config?: Pick<ShopConfig, 'demoItems'> }, run: RunRecord, steps: Steps, typical: Partial<Record<StepId, number>>, networkError: ErrorInfo | null): RunView {
  return {
    shopId: shop.id,
    shopName: shop.name,
    run,
    steps: STEP_IDS.map((id) => steps[id]),
    progress: weightedProgress(statusesOf(steps)),
    etaMs: run.phase === RunPhase.Finished ? 0 : scheduledRemaining(planned(steps, shop.config), typical),
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
