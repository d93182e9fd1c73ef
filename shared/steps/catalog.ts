/**
 * The eleven provisioning steps. Order and parallelism are derived from `dependsOn` and `runsAfter`
 * (see graph.ts), never from this list's order.
 */
export const StepId = {
  EngineCheck: 'step_0_engine_check',
  PlatformSetup: 'step_1_platform_setup',
  Company: 'step_2_company',
  ChartOfAccounts: 'step_3_chart_of_accounts',
  Warehouses: 'step_4_warehouses',
  Settings: 'step_5_settings',
  DemoItems: 'step_6_demo_items',
  Customer: 'step_7_customer',
  PosProfile: 'step_8_pos_profile',
  PosSession: 'step_9_pos_session',
  PostSetup: 'step_10_post_sale_updates',
} as const;
export type StepId = (typeof StepId)[keyof typeof StepId];

export interface StepDefinition {
  id: StepId;
  index: number;
  title: string;
  /** What the step does, in one sentence an installer understands. */
  summary: string;
  /** A failure stops the run FAILED. */
  critical: boolean;
  /** May be skipped by the installer. */
  optional: boolean;
  /** Must have succeeded (or been skipped) before this step starts. */
  dependsOn: readonly StepId[];
  /** Must have finished in any way (even failed) before this step starts; a failure does not block. */
  runsAfter: readonly StepId[];
  /** Share of the progress bar. */
  weight: number;
}

const S = StepId;

export const STEP_CATALOG: readonly StepDefinition[] = [
  { id: S.EngineCheck, index: 0, title: 'Engine check', summary: 'Reach the site, check ERPNext version, credentials and roles.', critical: true, optional: false, dependsOn: [], runsAfter: [], weight: 3 },
  { id: S.PlatformSetup, index: 1, title: 'Platform setup', summary: 'Make sure units, groups, territories, price list, payment modes and fiscal year exist.', critical: false, optional: false, dependsOn: [S.EngineCheck], runsAfter: [], weight: 8 },
  { id: S.Company, index: 2, title: 'Company', summary: 'Create or adopt the shop company (this builds its chart of accounts).', critical: true, optional: false, dependsOn: [S.PlatformSetup], runsAfter: [], weight: 20 },
  { id: S.ChartOfAccounts, index: 3, title: 'Chart of accounts', summary: 'Verify the accounts the till needs and fill missing company defaults.', critical: true, optional: false, dependsOn: [S.Company], runsAfter: [], weight: 8 },
  { id: S.Warehouses, index: 4, title: 'Warehouses', summary: 'Create the Main Store and POS Store warehouses.', critical: false, optional: false, dependsOn: [S.Company], runsAfter: [], weight: 6 },
  { id: S.Settings, index: 5, title: 'Selling and stock settings', summary: 'Set default customer group, territory, price list, warehouse and valuation where unset.', critical: false, optional: false, dependsOn: [S.Warehouses], runsAfter: [], weight: 8 },
  { id: S.DemoItems, index: 6, title: 'Demo items', summary: 'Add sample items with prices and opening stock.', critical: false, optional: true, dependsOn: [S.Warehouses], runsAfter: [], weight: 12 },
  { id: S.Customer, index: 7, title: 'Walk-in customer', summary: 'Create or find the walk-in customer.', critical: false, optional: false, dependsOn: [S.PlatformSetup], runsAfter: [], weight: 4 },
  { id: S.PosProfile, index: 8, title: 'POS Profile', summary: 'Link payment methods to the company and create the POS Profile.', critical: true, optional: false, dependsOn: [S.ChartOfAccounts, S.Warehouses, S.Customer], runsAfter: [], weight: 10 },
  { id: S.PosSession, index: 9, title: 'POS session', summary: 'Open one POS session for the cashier.', critical: false, optional: false, dependsOn: [S.PosProfile], runsAfter: [], weight: 6 },
  { id: S.PostSetup, index: 10, title: 'Post-setup updates', summary: 'Set cashier defaults, read everything back and summarise.', critical: false, optional: false, dependsOn: [S.PosSession], runsAfter: [S.Settings, S.DemoItems], weight: 5 },
];

export const STEP_IDS: readonly StepId[] = STEP_CATALOG.map((step) => step.id);

const BY_ID = new Map(STEP_CATALOG.map((step) => [step.id, step]));

export function stepDefinition(id: StepId): StepDefinition {
  const step = BY_ID.get(id);
  if (!step) throw new Error(`Unknown step ${id}`);
  return step;
}

export function isStepId(value: string): value is StepId {
  return BY_ID.has(value as StepId);
}
