import { SETTLED_OK, StepStatus } from '../../shared/status';
import { STEP_CATALOG, type StepId } from '../../shared/steps/catalog';
import type { Steps } from './runState';

const isActive = (status: StepStatus) => status === StepStatus.Running || status === StepStatus.Retrying;

/**
 * Time left, as the engine will really spend it: the steps not yet done, each taking its typical
 * duration (minus what a running one has already spent), started as soon as what they wait for is done,
 * at most `maxParallel` at once — the same rule the statechart follows. Adding the durations up instead
 * overestimates a run whose steps go side by side (13 s announced for a 9 s run). Null while a step has
 * no typical duration yet.
 */
export function scheduledRemaining(steps: Steps, typical: Partial<Record<StepId, number>>, maxParallel = 2, now = Date.now()): number | null {
  const left = STEP_CATALOG.filter((def) => !SETTLED_OK.includes(steps[def.id].status));
  if (left.length === 0) return 0;
  if (left.some((def) => typical[def.id] === undefined)) return null;
  const remainingOf = (id: StepId) => {
    const step = steps[id];
    const spent = isActive(step.status) && step.startedAt ? now - Date.parse(step.startedAt) : 0;
    return Math.max(0, typical[id]! - spent);
  };
  const waiting = new Set(left.map((def) => def.id));
  const finishAt = new Map<StepId, number>();
  const running = new Map<StepId, number>();
  for (const def of left) {
    if (!isActive(steps[def.id].status)) continue;
    running.set(def.id, remainingOf(def.id));
    waiting.delete(def.id);
  }
  const done = (id: StepId, at: number) => !waiting.has(id) && !running.has(id) && (finishAt.get(id) ?? 0) <= at;
  let clock = 0;
  while (waiting.size > 0 || running.size > 0) {
    for (const def of left) {
      if (running.size >= maxParallel) break;
      if (!waiting.has(def.id) || ![...def.dependsOn, ...def.runsAfter].every((id) => done(id, clock))) continue;
      waiting.delete(def.id);
      running.set(def.id, clock + remainingOf(def.id));
    }
    if (running.size === 0) {
      // Nothing can start (a step waits for one that cannot run): count the rest one after another.
      for (const id of waiting) clock += remainingOf(id);
      break;
    }
    const [next, at] = [...running].sort((a, b) => a[1] - b[1])[0]!;
    running.delete(next);
    finishAt.set(next, at);
    clock = Math.max(clock, at);
  }
  return clock;
}
