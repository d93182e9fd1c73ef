import type { Logger } from '../logging/logger';
import type { Store } from '../store';
import { type PlanDifference, type StepPlan, planDifferences } from '../../shared/plan';

/**
 * Saves what the run is going to do (its first preflight's plan) and, when a preview came before this
 * Start, says what the site changed in between (issue 10): only the steps this command plans are compared
 * (a Continue does not plan the steps already done).
 */
export function recordRunPlan(store: Store, logger: Logger, shopId: string, runId: string, steps: StepPlan[]): { previewAt: string; differences: PlanDifference[] } | null {
  const preview = store.plans.preview(shopId);
  const planned = new Set(steps.map((step) => step.stepId));
  const differences = preview ? planDifferences(preview.steps.filter((step) => planned.has(step.stepId)), steps) : [];
  store.plans.saveRunPlan(shopId, runId, { steps, preview, differences });
  if (!preview) return null;
  if (differences.length === 0) logger.info(`The site is as the preview of ${preview.plannedAt} found it`);
  else logger.warn(`Since the preview of ${preview.plannedAt}: ${differences.map((d) => d.text).join('; ')}`, { data: { differences } });
  return { previewAt: preview.plannedAt, differences };
}
