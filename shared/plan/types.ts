import type { StepId } from '../steps/catalog';

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

export const PLAN_ACTIONS: readonly PlanAction[] = ['create', 'adopt', 'change', 'conflict', 'unknown'];

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

export type PlanCounts = Record<PlanAction, number>;

/**
 * What a Start would do (terraform plan -detailed-exitcode): `nothing` to do, `changes` to make, or
 * `conflicts` that stop the run before its first write.
 */
export type PlanOutcome = 'nothing' | 'changes' | 'conflicts';

/** A plan of a whole shop, as the CLI prints it, the Preview screen shows it and the run saves it. */
export interface ShopPlan {
  shopName: string;
  siteUrl: string;
  plannedAt: string;
  steps: StepPlan[];
  counts: PlanCounts;
  outcome: PlanOutcome;
}

/** One of the shop form's live checks that failed: the form field it belongs to (null: the site itself). */
export interface ShopSiteConflict {
  field: string | null;
  reason: string;
  hint: string | null;
}

/** The shop form's live checks against the chosen site: abbreviation free, cashiers exist, payment modes exist. */
export interface ShopSiteCheck {
  conflicts: ShopSiteConflict[];
  checkedAt: string;
}
