import type { ErpNextClient } from '../../erpnext/client';
import type { ShopConfig } from '../../../shared/shop/schema';
import { companyAbbreviation } from '../../../shared/shop/validate';
import { STEP_IDS, StepId } from '../../../shared/steps/catalog';
import { SiteReads } from '../reads/siteReads';
import { clockIn } from '../stepContext';
import { planContextFor, planShop } from './index';
import type { StepPlan } from './types';

/** The steps a Start of this shop runs: a shop that asks for no demo items skips that step (as the run does). */
export function stepsToPlan(shop: ShopConfig): StepId[] {
  return STEP_IDS.filter((id) => id !== StepId.DemoItems || shop.demoItems !== false);
}

/**
 * The whole shop planned from reads alone, with its own run-scoped reads: the Preview button, the CLI's
 * `plan` and the shop form's live checks. Nothing here can write (plans only read; no write guard is armed).
 */
export async function planWholeShop(client: ErpNextClient, shop: ShopConfig, now: () => Date = () => new Date()): Promise<StepPlan[]> {
  const reads = new SiteReads(client);
  try {
    const p = await planContextFor(reads, shop, companyAbbreviation(shop), (zone) => clockIn(zone, now()).date);
    return await planShop(p, stepsToPlan(shop));
  } finally {
    reads.dispose();
  }
}
