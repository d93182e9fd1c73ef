import type { ShopConfig } from '../../../shared/shop/schema';
import type { StepId } from '../../../shared/steps/catalog';
import type { SiteReads } from '../reads/siteReads';

/**
 * What a step would do to one record, decided from reads alone (no write, no earlier step needed):
 * - `create`: missing, the step creates it;
 * - `adopt`: it exists and fits: kept as it is (`reason` says why it counts, e.g. what it was found by);
 * - `change`: it exists, the step changes `changes` (field: current → new);
 * - `conflict`: the step cannot go on: `reason` is the exact cause, `hint` what a person does about it;
 * - `unknown`: cannot be known before an earlier write happens (a name ERPNext generates, a default
 *   ERPNext fills when it creates the company); `reason` says what it waits for.
 */
export type PlanAction = 'create' | 'adopt' | 'change' | 'conflict' | 'unknown';

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface PlanItem {
  action: PlanAction;
  doctype: string;
  /** The record's name in ERPNext; null when ERPNext generates it on insert (naming series, hash). */
  name: string | null;
  /** The record in the shop's words, as logs and the run summary name it: `Warehouse "POS Store" of Corner Cafe`. */
  what: string;
  changes?: FieldChange[];
  reason?: string;
  hint?: string;
}

export interface StepPlan {
  stepId: StepId;
  items: PlanItem[];
}

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
