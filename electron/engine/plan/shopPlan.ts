import type { ErpNextClient } from '../../erpnext/client';
import { ErpNextError } from '../../erpnext/errors';
import type { ShopConfig } from '../../../shared/shop/schema';
import { companyAbbreviation } from '../../../shared/shop/validate';
import { STEP_IDS, StepId, stepDefinition } from '../../../shared/steps/catalog';
import { SiteReads } from '../reads/siteReads';
import { clockIn } from '../stepContext';
import { STEP_PLANS, planContextFor } from './index';
import { type PlanContext, type PlanItem, type StepPlan, item } from './types';

/** The steps a Start of this shop runs: a shop that asks for no demo items skips that step (as the run does). */
export function stepsToPlan(shop: ShopConfig): StepId[] {
  return STEP_IDS.filter((id) => id !== StepId.DemoItems || shop.demoItems !== false);
}

/** The doctype a refused request was about: `/api/resource/User` → User. */
function refusedDoctype(error: ErpNextError): string {
  const match = /\/api\/resource\/([^/?]+)/.exec(error.path ?? '');
  return match ? decodeURIComponent(match[1]!) : 'a record this step reads';
}

/**
 * A step the API user may not even read is a conflict of the plan, not the end of it: a user with read
 * rights on some doctypes only still gets every other step planned (and the roles it lacks named).
 */
async function planStep(p: PlanContext, stepId: StepId): Promise<PlanItem[]> {
  try {
    return await STEP_PLANS[stepId](p);
  } catch (error) {
    if (!(error instanceof ErpNextError) || error.category !== 'permission') throw error;
    const doctype = refusedDoctype(error);
    const { title } = stepDefinition(stepId);
    return [item('conflict', doctype, null, `${title}: ${doctype}`, { reason: `The API user ${p.apiUser} may not read ${doctype}, so "${title}" cannot be planned (nor run).`, hint: `In ERPNext open User ${p.apiUser} > Roles and give a role that reads and writes ${doctype} (the engine check names them).` })];
  }
}

/**
 * The whole shop planned from reads alone, with its own run-scoped reads: the Preview button, the CLI's
 * `plan` and the shop form's live checks. Nothing here can write (plans only read; no write guard is armed).
 */
export async function planWholeShop(client: ErpNextClient, shop: ShopConfig, steps: readonly StepId[] = stepsToPlan(shop), now: () => Date = () => new Date()): Promise<StepPlan[]> {
  const reads = new SiteReads(client);
  try {
    const p = await planContextFor(reads, shop, companyAbbreviation(shop), (zone) => clockIn(zone, now()).date);
    return await Promise.all(steps.map(async (stepId) => ({ stepId, items: await planStep(p, stepId) })));
  } finally {
    reads.dispose();
  }
}
