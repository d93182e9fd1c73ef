import type { ShopConfig } from '../../../shared/shop/schema';
import type { SiteReads } from '../reads/siteReads';
import type { PlanAction, PlanItem } from '../../../shared/plan/types';

export type { FieldChange, PlanAction, PlanItem, StepPlan } from '../../../shared/plan/types';

/** Everything a plan may use: the shop file, the site as read, and the two facts the engine check learns. */
export interface PlanContext {
  shop: ShopConfig;
  /** The company abbreviation (given, or derived like ERPNext does). */
  abbr: string;
  reads: SiteReads;
  /** The API user (the cashier when the shop names none). */
  apiUser: string;
  /** Whether ERPNext's setup wizard ran (null: the API user may not read System Settings). */
  setupComplete: boolean | null;
  /** Today in the site's time zone, "YYYY-MM-DD". */
  today: string;
}

/** A step's plan and the facts it was made from, which the step then applies. */
export interface Planned<S> {
  items: PlanItem[];
  state: S;
}

export const item = (action: PlanAction, doctype: string, name: string | null, what: string, extra: Partial<Pick<PlanItem, 'changes' | 'reason' | 'hint'>> = {}): PlanItem => ({ action, doctype, name, what, ...extra });
