import { type Finding, type RepairAction, bySeverity } from '../../../shared/doctor';
import { withDependants } from '../../../shared/steps/graph';
import type { StepId } from '../../../shared/steps/catalog';
import { planShop } from '../plan';
import type { FieldChange, PlanContext, PlanItem } from '../plan/types';
import { profileFindings } from './profile';
import { demoItemFindings, sessionFindings, warehouseFindings } from './records';
import { cashierFindings, fiscalYearFindings } from './site';

export { SELLING_ROLES } from './site';

export interface DiagnoseScope {
  /** The shop's last run made the demo items (not skipped): only then are they the shop's to check. */
  demoItemsMade: boolean;
}

/**
 * Everything the till needs, read back (the run's own batched readers, no write) and compared with what
 * the run left: each thing no longer true is a finding, worst first.
 */
export async function diagnose(p: PlanContext, scope: DiagnoseScope): Promise<Finding[]> {
  const groups = await Promise.all([profileFindings(p), fiscalYearFindings(p), cashierFindings(p), warehouseFindings(p), sessionFindings(p), demoItemFindings(p, scope.demoItemsMade)]);
  return groups.flat().sort(bySeverity);
}

/**
 * The steps a repair runs: those the findings name and every step built on them, which re-check (and
 * end with the read-back). The engine check is carried over: the doctor has just read the site with the
 * same key.
 */
export function repairSteps(findings: readonly Finding[]): StepId[] {
  return withDependants([...new Set(findings.flatMap((f) => (f.repairStep ? [f.repairStep] : [])))]);
}

const shown = (value: unknown) => (value === null || value === undefined || value === '' ? '""' : String(value));
const changeText = (changes: FieldChange[]) => changes.map((c) => (c.from === null ? `${c.field}: + ${shown(c.to)}` : `${c.field}: ${shown(c.from)} → ${shown(c.to)}`)).join('; ');

function actionOf(stepId: StepId, planned: PlanItem): RepairAction | null {
  if (planned.action === 'adopt') return null;
  const detail = planned.changes?.length ? changeText(planned.changes) : (planned.reason ?? '');
  return { stepId, action: planned.action, what: planned.what, detail };
}

/** What a repair would write, from the same per-step plans `plan` and the run use. */
export async function repairActions(p: PlanContext, steps: readonly StepId[]): Promise<RepairAction[]> {
  const plans = await planShop(p, steps);
  return plans.flatMap((plan) => plan.items.map((planned) => actionOf(plan.stepId, planned)).filter((a): a is RepairAction => a !== null));
}
