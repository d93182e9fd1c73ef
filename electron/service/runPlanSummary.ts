import type { RunPlan } from '../store';
import type { RunPlanSummary } from '../../shared/history';
import { type PlanAction, planCounts } from '../../shared/plan';

/** A stored run plan as the history shows it, beside the run's result (created / adopted / changed). */
export function runPlanSummary(plan: RunPlan | null): RunPlanSummary | null {
  if (!plan) return null;
  const items = plan.steps.flatMap((step) => step.items);
  const whats = (action: PlanAction) => items.filter((planned) => planned.action === action).map((planned) => (action === 'conflict' ? (planned.reason ?? planned.what) : planned.what));
  return {
    plannedAt: plan.plannedAt,
    counts: planCounts(plan.steps),
    create: whats('create'),
    adopt: whats('adopt'),
    change: whats('change'),
    conflicts: whats('conflict'),
    previewAt: plan.preview?.plannedAt ?? null,
    differences: plan.differences.map((d) => d.text),
  };
}
