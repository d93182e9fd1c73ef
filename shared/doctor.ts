import type { StepId } from './steps/catalog';

/** How much a finding matters to the till (issue 10 part 2): the words the CLI and the app show. */
export const Severity = {
  BlocksSelling: 'blocks_selling',
  Degrades: 'degrades',
  Info: 'info',
} as const;
export type Severity = (typeof Severity)[keyof typeof Severity];

export const SEVERITY_LABEL: Record<Severity, string> = {
  blocks_selling: 'Blocks selling',
  degrades: 'Degrades',
  info: 'Info',
};

/** The shop as a whole: the CLI's exit code follows it (0 healthy, 2 degraded, 1 cannot sell). */
export const Health = {
  Healthy: 'healthy',
  Degraded: 'degraded',
  CannotSell: 'cannot_sell',
} as const;
export type Health = (typeof Health)[keyof typeof Health];

export const HEALTH_LABEL: Record<Health, string> = {
  healthy: 'Healthy: the till can sell',
  degraded: 'Degraded: the till sells, with problems',
  cannot_sell: 'Cannot sell',
};

/** Kinds of drift the doctor knows: one id per thing that stopped being true since the run. */
export const FindingKind = {
  ProfileMissing: 'profile_missing',
  ProfileDisabled: 'profile_disabled',
  PaymentRowMissing: 'payment_row_missing',
  NoDefaultPayment: 'no_default_payment',
  DefaultPaymentChanged: 'default_payment_changed',
  ModeAccountMissing: 'mode_account_missing',
  PriceListCurrency: 'price_list_currency',
  PriceListDisabled: 'price_list_disabled',
  WarehouseDisabled: 'warehouse_disabled',
  SessionClosed: 'session_closed',
  FiscalYearMissing: 'fiscal_year_missing',
  FiscalYearEndsSoon: 'fiscal_year_ends_soon',
  CashierDisabled: 'cashier_disabled',
  CashierLacksRole: 'cashier_lacks_role',
  CustomerDisabled: 'customer_disabled',
  DemoItemDisabled: 'demo_item_disabled',
} as const;
export type FindingKind = (typeof FindingKind)[keyof typeof FindingKind];

export interface Finding {
  kind: FindingKind;
  severity: Severity;
  /** The record concerned, in the shop's words: `POS Profile "Corner Cafe POS"`. */
  what: string;
  /** What the doctor read on the site, in installer words. */
  saw: string;
  /** What fixes it: what Repair does, or where in ERPNext a person fixes it. */
  fix: string;
  /** The step whose run fixes it; null when Repair must not touch it (a person decides in ERPNext). */
  repairStep: StepId | null;
}

export interface DoctorReport {
  shopId: string;
  shopName: string;
  checkedAt: string;
  health: Health;
  findings: Finding[];
}

/** One thing a repair run would do, from the steps' own plans (the same reader as `plan`). */
export interface RepairAction {
  stepId: StepId;
  /** Adopted records are left out: a repair only lists what it writes (or what would stop it: a conflict). */
  action: 'create' | 'change' | 'unknown' | 'conflict';
  what: string;
  /** "disabled: 1 → 0", or why, in words. */
  detail: string;
}

export interface RepairPlan {
  report: DoctorReport;
  /** The steps a repair runs again (the engine check first, the read-back last). */
  steps: StepId[];
  actions: RepairAction[];
  /** Findings Repair leaves to a person (their `fix` names the ERPNext screen). */
  manual: Finding[];
}

const RANK: Record<Severity, number> = { blocks_selling: 0, degrades: 1, info: 2 };

export function healthOf(findings: readonly Pick<Finding, 'severity'>[]): Health {
  if (findings.some((f) => f.severity === Severity.BlocksSelling)) return Health.CannotSell;
  if (findings.some((f) => f.severity === Severity.Degrades)) return Health.Degraded;
  return Health.Healthy;
}

/** Worst first, so the first line a person reads is what stops the till. */
export function bySeverity(a: Pick<Finding, 'severity'>, b: Pick<Finding, 'severity'>): number {
  return RANK[a.severity] - RANK[b.severity];
}
