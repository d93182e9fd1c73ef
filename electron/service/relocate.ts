import type { ErpNextClient } from '../erpnext/client';
import type { Store } from '../store';
import type { ShopRecord, SiteRecord } from '../../shared/model';
import { StepStatus } from '../../shared/status';
import { StepId } from '../../shared/steps/catalog';

export interface SameSiteVerdict {
  same: boolean;
  /** What was compared, in words: shown when the shop moves, or why it does not. */
  reason: string;
}

/** What earlier runs learned about the shop's site: the versions the engine check read, the company made. */
function evidence(store: Store, shop: ShopRecord): { frappe?: string; erpnext?: string; company?: string; abbr?: string } {
  const found: { frappe?: string; erpnext?: string; company?: string; abbr?: string } = {};
  for (const run of store.runs.listForShop(shop.id)) {
    for (const step of store.runs.steps(run.id)) {
      if (step.status !== StepStatus.Succeeded || !step.outputs) continue;
      if (step.stepId === StepId.EngineCheck && !found.erpnext) Object.assign(found, { frappe: step.outputs.frappeVersion, erpnext: step.outputs.erpnextVersion });
      if (step.stepId === StepId.Company && !found.company) Object.assign(found, { company: step.outputs.company, abbr: step.outputs.abbr });
    }
  }
  return found;
}

/**
 * Whether `client` reaches the same ERPNext site the shop was provisioned on (a new address for it,
 * not another site): the same Frappe and ERPNext versions the engine check saw, and — once the company
 * was created — that company with its abbreviation.
 */
export async function isSameSite(store: Store, shop: ShopRecord, client: ErpNextClient): Promise<SameSiteVerdict> {
  const before = evidence(store, shop);
  if (!before.erpnext) return { same: true, reason: 'no earlier run reached the old address, so nothing was done there' };
  const versions = await client.getVersions();
  const now = { frappe: versions.frappe?.version, erpnext: versions.erpnext?.version };
  if (now.frappe !== before.frappe || now.erpnext !== before.erpnext) {
    return { same: false, reason: `the old address ran Frappe ${before.frappe} / ERPNext ${before.erpnext}, the new one runs Frappe ${now.frappe ?? '?'} / ERPNext ${now.erpnext ?? '?'}` };
  }
  if (!before.company) return { same: true, reason: `same versions (ERPNext ${now.erpnext}); the company was not created yet` };
  const company = await client.findDoc('Company', before.company);
  if (!company || company.abbr !== before.abbr) return { same: false, reason: `the company "${before.company}" created at the old address is not on the new one` };
  return { same: true, reason: `same versions (ERPNext ${now.erpnext}) and the company "${before.company}" (${before.abbr}) is there` };
}

export function describeMove(shop: ShopRecord, from: SiteRecord, to: SiteRecord, verdict: SameSiteVerdict): string {
  return `"${shop.name}" moved from ${from.displayUrl} to ${to.displayUrl}: the same ERPNext site (${verdict.reason}).`;
}
