import { ErpNextError } from '../../erpnext/errors';
import { StepId } from '../../../shared/steps/catalog';
import { noteChange } from '../ensure';
import { fillUnset } from '../singles';
import type { StepBody, StepContext } from '../stepContext';
import { readinessChecks } from './readiness';

interface DefaultRow {
  defkey: string;
  defvalue: string;
}

/** The cashier's own default company, so documents they start are for this shop (User > defaults, DefaultValue rows). */
async function setCashierDefaults(ctx: StepContext, cashier: string, company: string): Promise<void> {
  if (cashier === 'Administrator') return;
  ctx.action(`Setting defaults for ${cashier}`);
  const user = await ctx.client.getDoc('User', cashier);
  const rows = (user.defaults as DefaultRow[] | undefined) ?? [];
  if (rows.some((row) => row.defkey === 'company')) {
    ctx.log.info(`${cashier} already has a default company (${rows.find((r) => r.defkey === 'company')!.defvalue}): kept`);
    return;
  }
  await ctx.client.insertChildRow({ doctype: 'User', name: cashier, field: 'defaults' }, 'DefaultValue', { defkey: 'company', defvalue: company });
  noteChange(ctx, `Default company of ${cashier} set to ${company}`);
}

/** Step 10: cashier defaults and the site default company where unset, then read everything back. */
export const postSetup: StepBody<typeof StepId.PostSetup> = async (ctx) => {
  const { company } = ctx.output(StepId.Company);
  const { cashier } = ctx.output(StepId.PosSession);
  await setCashierDefaults(ctx, cashier, company).catch((error: unknown) => {
    if (error instanceof ErpNextError && error.category === 'permission') return ctx.log.warn(`Not allowed to set defaults for ${cashier}; the cashier picks the company in the POS`);
    throw error;
  });
  await fillUnset(ctx, 'Global Defaults', { default_company: company });
  const readiness = await readinessChecks(ctx);
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
