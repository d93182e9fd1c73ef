import { SETTLED_OK, StepStatus } from '../status';
import { STEP_CATALOG, type StepDefinition, type StepId } from './catalog';

const FINISHED: readonly StepStatus[] = [StepStatus.Succeeded, StepStatus.Skipped, StepStatus.Failed];

/** Steps whose prerequisites are met and that have not started: what may run now, side by side. */
export function readySteps(statuses: Readonly<Record<StepId, StepStatus>>, catalog: readonly StepDefinition[] = STEP_CATALOG): StepId[] {
  return catalog
    .filter((step) => statuses[step.id] === StepStatus.Pending)
    .filter((step) => step.dependsOn.every((dep) => SETTLED_OK.includes(statuses[dep])))
    .filter((step) => step.runsAfter.every((dep) => FINISHED.includes(statuses[dep])))
    .map((step) => step.id);
}

/** Kahn's algorithm over dependsOn ∪ runsAfter; ties keep catalog order. Throws on a cycle. */
export function topologicalOrder(catalog: readonly StepDefinition[] = STEP_CATALOG): StepId[] {
  const remaining = new Map(catalog.map((step) => [step.id, new Set([...step.dependsOn, ...step.runsAfter])]));
  const order: StepId[] = [];
  while (remaining.size > 0) {
    const next = catalog.find((step) => remaining.has(step.id) && [...remaining.get(step.id)!].every((dep) => !remaining.has(dep)));
    if (!next) throw new Error(`Step dependencies form a cycle among: ${[...remaining.keys()].join(', ')}`);
    order.push(next.id);
    remaining.delete(next.id);
  }
  return order;
}

/** Groups of steps that may run at the same time when everything succeeds (for docs and planning). */
export function parallelWaves(catalog: readonly StepDefinition[] = STEP_CATALOG): StepId[][] {
  const statuses = Object.fromEntries(catalog.map((s) => [s.id, StepStatus.Pending])) as Record<StepId, StepStatus>;
  const waves: StepId[][] = [];
  for (;;) {
    const wave = readySteps(statuses, catalog);
    if (wave.length === 0) return waves;
    waves.push(wave);
    for (const id of wave) statuses[id] = StepStatus.Succeeded;
  }
}

/** Weighted progress in [0, 1]: settled steps count fully, failed ones not at all. */
export function weightedProgress(statuses: Readonly<Record<StepId, StepStatus>>, catalog: readonly StepDefinition[] = STEP_CATALOG): number {
  const total = catalog.reduce((sum, step) => sum + step.weight, 0);
  const done = catalog.filter((step) => SETTLED_OK.includes(statuses[step.id])).reduce((sum, step) => sum + step.weight, 0);
  return total === 0 ? 0 : done / total;
}

/**
 * The given steps and every step after them (dependsOn ∪ runsAfter, transitively), in catalog order. A
 * run of some steps only must run these too: a step waits for its direct prerequisites only, so one whose
 * prerequisite's prerequisite runs again would otherwise start on the earlier run's outputs.
 */
export function withDependants(stepIds: readonly StepId[], catalog: readonly StepDefinition[] = STEP_CATALOG): StepId[] {
  const wanted = new Set(stepIds);
  const byId = new Map(catalog.map((step) => [step.id, step]));
  // In dependency order, one pass reaches every step downstream, whatever order the catalog lists them in.
  for (const id of topologicalOrder(catalog)) {
    const step = byId.get(id)!;
    if ([...step.dependsOn, ...step.runsAfter].some((dep) => wanted.has(dep))) wanted.add(id);
  }
  return catalog.filter((step) => wanted.has(step.id)).map((step) => step.id);
}
