import { ErpNextError } from '../../erpnext/errors';
import { StepId } from '../../../shared/steps/catalog';
import { noteChange } from '../ensure';
import { planContext } from '../plan/context';
import { knownCashiers } from '../plan/posProfile';
import { planPostSetup } from '../plan/postSetup';
import { applyFill } from '../singles';
import type { StepBody, StepContext } from '../stepContext';
import { allSettled } from './masters';
import { readinessChecks } from './readiness';

/**
 * The cashier's own default company, so documents they start are for this shop (User > defaults,
 * DefaultValue rows). Looked at again first, on the site as it is now: other shops of this site may share
 * the cashier (they take turns, service/sharedRecords.ts) and one may have set it since we read.
 */
async function setCashierDefault(ctx: StepContext, cashier: string, company: string): Promise<void> {
  const now = await knownCashiers(planContext(ctx), true);
  const kept = now.users.find((user) => user.name.toLowerCase() === cashier.toLowerCase())?.defaults.find((d) => d.defkey === 'company');
  if (kept) return ctx.log.info(`${cashier} already has a default company (${kept.defvalue}): kept`);
  ctx.action(`Setting defaults for ${cashier}`);
  try {
    await ctx.client.insertChildRow({ doctype: 'User', name: cashier, field: 'defaults' }, 'DefaultValue', { defkey: 'company', defvalue: company });
    noteChange(ctx, `Default company of ${cashier} set to ${company}`);
    ctx.ledger.record({ kind: 'created', doctype: 'DefaultValue', name: 'company', parent: { doctype: 'User', name: cashier }, after: company });
  } catch (error) {
    if (!(error instanceof ErpNextError && error.category === 'permission')) throw error;
    ctx.log.warn(`Not allowed to set defaults for ${cashier}; the cashier picks the company in the POS`);
  }
}

/** Step 10: cashier defaults and the site default company where unset, then read everything back. */
export const postSetup: StepBody<typeof StepId.PostSetup> = async (ctx) => {
  const { company } = ctx.output(StepId.Company);
  const { cashier } = ctx.output(StepId.PosSession);
  const { state } = await planPostSetup(planContext(ctx));
  if (state.cashierCompany) ctx.log.info(`${cashier} already has a default company (${state.cashierCompany}): kept`);
  // The read-back does not look at what these two writes change (the user's and the site's defaults): side by side.
  const [, , readiness] = await allSettled<unknown>([state.setCashierDefault ? setCashierDefault(ctx, cashier, company) : Promise.resolve(), applyFill(ctx, state.globalDefaults), readinessChecks(ctx)]) as [unknown, unknown, Awaited<ReturnType<typeof readinessChecks>>];
  const failed = readiness.filter((check) => !check.ok);
  for (const check of readiness) ctx.log[check.ok ? 'info' : 'warn'](`${check.ok ? '✓' : '✗'} ${check.check}${check.detail ? `: ${check.detail}` : ''}`);
  if (failed.length > 0) {
    throw new ErpNextError({
      code: 'validation_failed',
      message: `The shop is set up, but ${failed.length} readiness check${failed.length > 1 ? 's' : ''} failed: ${failed.map((c) => c.check).join('; ')}.`,
      hint: 'Fix what the checks name in ERPNext, then continue: the run reads everything back again.',
    });
  }
  return { readiness };
};
