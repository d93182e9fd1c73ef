import { PLAN_ACTIONS, type PlanCounts, type PlanItem, type PlanOutcome, type StepPlan } from './types';

export function planCounts(steps: readonly StepPlan[]): PlanCounts {
  const counts = Object.fromEntries(PLAN_ACTIONS.map((action) => [action, 0])) as PlanCounts;
  for (const step of steps) for (const planned of step.items) counts[planned.action] += 1;
  return counts;
}

/** Conflicts win (the run would stop), then any create or change; adopts and unknowns alone are nothing to do. */
export function planOutcome(counts: PlanCounts): PlanOutcome {
  if (counts.conflict > 0) return 'conflicts';
  return counts.create + counts.change > 0 ? 'changes' : 'nothing';
}

/** "3 to create, 1 to change, 0 conflicts": the plan's one-line summary (CLI and Preview screen). */
export function planSummaryLine(counts: PlanCounts): string {
  return `${counts.create} to create, ${counts.change} to change, ${counts.conflict} conflict${counts.conflict === 1 ? '' : 's'} (${counts.adopt} exist already${counts.unknown ? `, ${counts.unknown} named by ERPNext when made` : ''})`;
}

export const conflictsOf = (steps: readonly StepPlan[]): PlanItem[] => steps.flatMap((step) => step.items.filter((planned) => planned.action === 'conflict'));

/** A value as the plan shows it: empty and missing fields read as "" (ERPNext's blank), lists joined. */
export function shownValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '""';
  if (typeof value === 'string') return `"${value}"`;
  return JSON.stringify(value);
}
