import { StepStatus } from '../../shared/status';
import { conflictsOf } from '../../shared/plan/summary';
import { StepId } from '../../shared/steps/catalog';
import { stepFailure } from './ensure';
import type { ErpNextError } from '../erpnext/errors';
import { STEP_PLANS } from './plan';
import type { PlanContext, StepPlan } from './plan/types';
import type { SiteReads } from './reads/siteReads';
import type { Steps } from './runState';

const DONE: readonly StepStatus[] = [StepStatus.Succeeded, StepStatus.Skipped];

/** One preflight per command (Start, Continue, Retry all): keyed by the command's reads, which are new for each. */
const preflights = new WeakMap<SiteReads, Promise<StepPlan[]>>();

/** The steps this command still has to run, after the engine check: the ones a preflight plans. */
export function stepsStillToRun(steps: Steps): StepId[] {
  return (Object.keys(STEP_PLANS) as StepId[]).filter((id) => id !== StepId.EngineCheck && !DONE.includes(steps[id].status));
}

/**
 * Every step still to run, planned at once from the command's reads (the same requests the run's read-ahead
 * makes, so they cost nothing more). A plan that cannot be made now (a read failed) is left to its step,
 * which reads again and stops on the same conflict: a preflight never fails a run on a hiccup.
 */
export function preflightOnce(reads: SiteReads, p: PlanContext, stepIds: readonly StepId[], planned: (plans: StepPlan[]) => void): { plans: Promise<StepPlan[]>; first: boolean } {
  const known = preflights.get(reads);
  if (known) return { plans: known, first: false };
  const plans = reads.ahead(() => Promise.all(stepIds.map(async (stepId) => ({ stepId, items: await STEP_PLANS[stepId](p).catch(() => []) }))));
  const reported = plans.then((made) => {
    planned(made);
    return made;
  });
  preflights.set(reads, reported);
  return { plans: reported, first: true };
}

/**
 * The run stops before its first write when any step's plan has a conflict, naming every one of them:
 * a taken abbreviation and a missing cashier are found together, before the company is made.
 */
export function preflightFailure(plans: readonly StepPlan[]): ErpNextError | null {
  const conflicts = conflictsOf(plans);
  if (conflicts.length === 0) return null;
  const reasons = conflicts.map((c, i) => `(${i + 1}) ${c.reason ?? `${c.what} cannot be set up.`}`).join(' ');
  const hints = [...new Set(conflicts.map((c) => c.hint).filter((hint): hint is string => Boolean(hint)))].join(' ');
  const count = conflicts.length === 1 ? 'a conflict' : `${conflicts.length} conflicts`;
  return stepFailure(`Nothing was changed in ERPNext: the preflight found ${count}. ${reasons}`, `${hints} Then start again.`.trim());
}
