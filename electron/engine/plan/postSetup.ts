import { type FillPlan, fillItem, readAndPlanFill } from '../singles';
import { knownCashiers } from './posProfile';
import { cashiersOf, sameName } from './names';
import { type PlanContext, type PlanItem, type Planned, item } from './types';

export interface PostSetupState {
  cashier: string;
  /** The cashier's own default company, when one is set (kept: the cashier may work for several shops). */
  cashierCompany: string | null;
  /** Administrator's defaults are the site's; unknown users are the profile step's conflict. */
  setCashierDefault: boolean;
  globalDefaults: FillPlan;
}

/** Step 10: the cashier's default company and the site's default company where unset (then the readiness read-back). */
export async function planPostSetup(p: PlanContext): Promise<Planned<PostSetupState>> {
  const company = p.shop.company.name;
  const cashier = cashiersOf(p.shop, p.apiUser)[0]!;
  const [{ users }, globalDefaults] = await Promise.all([cashier === 'Administrator' ? { users: [] } : knownCashiers(p), readAndPlanFill(p.reads, 'Global Defaults', { default_company: company })]);
  const user = users.find((u) => sameName(u.name, cashier));
  const cashierCompany = user?.defaults.find((d) => d.defkey === 'company')?.defvalue ?? null;
  const state: PostSetupState = { cashier, cashierCompany, setCashierDefault: Boolean(user) && !cashierCompany, globalDefaults };
  const what = `Default company of ${cashier}`;
  const items: PlanItem[] = [
    ...(cashier === 'Administrator' ? [] : [cashierCompany ? item('adopt', 'User', cashier, what, { reason: `already ${cashierCompany}: kept` }) : item('change', 'User', cashier, what, { changes: [{ field: 'defaults.company', from: null, to: company }] })]),
    fillItem(globalDefaults),
  ];
  return { items, state };
}
