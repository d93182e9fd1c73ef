import { StepId } from '../../../shared/steps/catalog';
import { stepFailure } from '../ensure';
import type { StepContext } from '../stepContext';
import type { PlanContext, PlanItem } from './types';

/** A running step's view for planning: the engine check's facts come from its output. */
export function planContext(ctx: StepContext): PlanContext {
  const check = ctx.output(StepId.EngineCheck);
  return { shop: ctx.shop, abbr: ctx.abbr, reads: ctx.reads, apiUser: check.user, setupComplete: check.setupComplete, today: ctx.siteNow().date };
}

/** A step stops before its first write when its plan has a conflict, with the plan's exact reason. */
export function failOnConflicts(items: readonly PlanItem[]): void {
  const conflict = items.find((planned) => planned.action === 'conflict');
  if (conflict) throw stepFailure(conflict.reason ?? `${conflict.what} cannot be set up.`, conflict.hint ?? 'Fix it in ERPNext or in the shop form, then continue.');
}
