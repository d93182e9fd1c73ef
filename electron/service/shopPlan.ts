import type { ErpNextClient } from '../erpnext/client';
import { planWholeShop } from '../engine/plan/shopPlan';
import { type PlanItem, type ShopPlan, type ShopSiteCheck, type ShopSiteConflict, conflictsOf, planCounts, planOutcome } from '../../shared/plan';
import type { ShopConfig } from '../../shared/shop/schema';
import { StepId } from '../../shared/steps/catalog';

/** A whole shop's plan as the Preview screen and `pos-provisioner plan` show it. */
export async function previewPlan(client: ErpNextClient, shop: ShopConfig, siteUrl: string): Promise<ShopPlan> {
  const steps = await planWholeShop(client, shop);
  const counts = planCounts(steps);
  return { shopName: shop.company.name.trim(), siteUrl, plannedAt: new Date().toISOString(), steps, counts, outcome: planOutcome(counts) };
}

/** The steps whose conflicts the shop form can point at a field of (the others need a run's earlier writes). */
const FORM_STEPS = [StepId.EngineCheck, StepId.PlatformSetup, StepId.Company, StepId.PosProfile];

/** Which form field a conflict is about, by the record it names (the Role conflicts are about the site's user). */
function fieldOf(conflict: PlanItem): string | null {
  switch (conflict.doctype) {
    case 'Company':
      return conflict.reason?.includes('abbreviation') && !conflict.reason.includes('already exists') ? 'company.abbr' : 'company.name';
    case 'Mode of Payment':
      return 'pos.paymentMethods';
    case 'User':
      return 'pos.cashiers';
    case 'POS Profile':
      return 'pos.profileName';
    default:
      return null;
  }
}

/** The shop form's live checks: the same plans a Start's preflight makes, for the steps a form field decides. */
export async function checkShopOnSite(client: ErpNextClient, shop: ShopConfig): Promise<ShopSiteCheck> {
  const conflicts: ShopSiteConflict[] = conflictsOf(await planWholeShop(client, shop, FORM_STEPS)).map((c) => ({ field: fieldOf(c), reason: c.reason ?? `${c.what} cannot be set up.`, hint: c.hint ?? null }));
  return { conflicts, checkedAt: new Date().toISOString() };
}
