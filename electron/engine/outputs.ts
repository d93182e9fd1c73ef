import type { StepId } from '../../shared/steps/catalog';

/** What each step records for later steps (persisted with the step, so a resumed run has them). */
export interface EngineCheckOutput {
  user: string;
  frappeVersion: string;
  erpnextVersion: string;
  roles: string[];
  setupComplete: boolean | null;
  timeZone: string | null;
}

/** A master is null when this shop needed none of it (everything that uses it already existed). */
export interface PlatformOutput {
  uom: string | null;
  itemGroupRoot: string | null;
  customerGroup: string | null;
  territory: string | null;
  priceList: string;
  modes: { mode: string; type: string }[];
  fiscalYear: string;
}

export interface CompanyOutput {
  company: string;
  abbr: string;
  currency: string;
  country: string;
}

export interface AccountsOutput {
  cashAccount: string;
  /** The account card and other non-cash modes post to; null when the shop takes cash only. */
  bankAccount: string | null;
  receivableAccount: string;
  incomeAccount: string;
  writeOffAccount: string;
  roundOffAccount: string;
  costCenter: string;
}

export interface WarehousesOutput {
  root: string;
  main: string;
  pos: string;
}

export interface SettingChange {
  doctype: string;
  field: string;
  from: unknown;
  to: unknown;
}

export interface SettingsOutput {
  changed: SettingChange[];
  kept: SettingChange[];
}

export interface DemoItemsOutput {
  itemGroup: string;
  items: string[];
  /** Prices that existed before this run (found or corrected); those ERPNext makes with new items are read back by step 10. */
  prices: string[];
}

export interface CustomerOutput {
  customer: string;
}

export interface PosProfileOutput {
  profile: string;
  cashiers: string[];
  paymentModes: string[];
}

export interface PosSessionOutput {
  openingEntry: string;
  cashier: string;
}

export interface PostSetupOutput {
  readiness: { check: string; ok: boolean; detail?: string }[];
}

export interface StepOutputs {
  [StepId.EngineCheck]: EngineCheckOutput;
  [StepId.PlatformSetup]: PlatformOutput;
  [StepId.Company]: CompanyOutput;
  [StepId.ChartOfAccounts]: AccountsOutput;
  [StepId.Warehouses]: WarehousesOutput;
  [StepId.Settings]: SettingsOutput;
  [StepId.DemoItems]: DemoItemsOutput;
  [StepId.Customer]: CustomerOutput;
  [StepId.PosProfile]: PosProfileOutput;
  [StepId.PosSession]: PosSessionOutput;
  [StepId.PostSetup]: PostSetupOutput;
}

/** What a step did on the site, shown in the run summary. */
export interface StepEffects {
  created: string[];
  adopted: string[];
  changed: string[];
}
