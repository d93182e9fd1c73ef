import type { ShopConfig } from '../../../shared/shop/schema';
import { STEP_IDS, StepId } from '../../../shared/steps/catalog';
import type { SiteReads } from '../reads/siteReads';
import { planChartOfAccounts } from './chartOfAccounts';
import { planCompany } from './company';
import { planCustomer } from './customer';
import { planDemoItems } from './demoItems';
import { planEngineCheck, siteSettings, versionFailure } from './engineCheck';
import { UOM } from './masters';
import { planPlatform, planPriceList } from './platform';
import { planPosProfile } from './posProfile';
import { planPosSession } from './posSession';
import { planPostSetup } from './postSetup';
import { planSettings } from './settings';
import { planWarehouses } from './warehouses';
import type { PlanContext, PlanItem, StepPlan } from './types';

export type { FieldChange, PlanAction, PlanContext, PlanItem, StepPlan } from './types';

const items = <S>(planned: Promise<{ items: PlanItem[]; state: S }>) => planned.then((p) => p.items);

/**
 * Each step's plan from reads alone: no writes, and no earlier step's output needed (names come from the
 * shop file), so every step can be planned at once — the run's prefetch, and issue 10's `plan` command.
 */
export const STEP_PLANS: { [K in StepId]: (p: PlanContext) => Promise<PlanItem[]> } = {
  [StepId.EngineCheck]: planEngineCheck,
  [StepId.PlatformSetup]: (p) => items(planPlatform(p)),
  [StepId.Company]: (p) => items(planCompany(p)),
  [StepId.ChartOfAccounts]: (p) => items(planChartOfAccounts(p)),
  [StepId.Warehouses]: (p) => items(planWarehouses(p)),
  [StepId.Settings]: (p) => items(planSettings(p)),
  [StepId.DemoItems]: async (p) => items(planDemoItems(p, (await planPriceList(p)).name, UOM)),
  [StepId.Customer]: (p) => items(planCustomer(p)),
  [StepId.PosProfile]: (p) => items(planPosProfile(p)),
  [StepId.PosSession]: (p) => items(planPosSession(p)),
  [StepId.PostSetup]: (p) => items(planPostSetup(p)),
};

/** The engine check's reads, then a plan context: what `plan` and a run's prefetch start from. */
export async function planContextFor(reads: SiteReads, shop: ShopConfig, abbr: string, today: (timeZone: string | null) => string): Promise<PlanContext> {
  const [apiUser, versions, settings] = await Promise.all([reads.loggedUser(), reads.versions(), siteSettings(reads)]);
  const failure = versionFailure(versions);
  if (failure) throw failure;
  return { shop, abbr, reads, apiUser, setupComplete: settings.setupComplete, today: today(settings.timeZone) };
}

/** Every step's plan, all at once (the reads are shared), in catalog order. */
export async function planShop(p: PlanContext, steps: readonly StepId[] = STEP_IDS): Promise<StepPlan[]> {
  return Promise.all(steps.map(async (stepId) => ({ stepId, items: await STEP_PLANS[stepId](p) })));
}
