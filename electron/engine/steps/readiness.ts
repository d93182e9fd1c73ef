import type { Doc } from '../../erpnext/types';
import { StepId } from '../../../shared/steps/catalog';
import { walkInCustomer } from '../plan/customer';
import { planContext } from '../plan/context';
import { demoItemsOf, sameName } from '../plan/names';
import type { ProfileFacts } from '../reads/facts';
import type { StepContext } from '../stepContext';

export interface ReadinessCheck {
  check: string;
  ok: boolean;
  detail?: string;
}

const COMPANY_DEFAULTS = ['default_cash_account', 'default_receivable_account', 'default_income_account', 'write_off_account', 'round_off_account', 'round_off_cost_center', 'cost_center'];
const PERPETUAL_DEFAULTS = ['default_inventory_account', 'stock_adjustment_account', 'default_expense_account'];

function check(name: string, missing: string[], okDetail?: string): ReadinessCheck {
  return missing.length === 0 ? { check: name, ok: true, detail: okDetail } : { check: name, ok: false, detail: missing.join(', ') };
}

function companyDefaults(company: Doc): ReadinessCheck {
  const fields = [...COMPANY_DEFAULTS, ...(Number(company.enable_perpetual_inventory) ? PERPETUAL_DEFAULTS : [])];
  return check('Company defaults set', fields.filter((field) => !company[field]).map((field) => `${field} empty`));
}

async function fiscalYear(ctx: StepContext, company: string): Promise<ReadinessCheck> {
  const { date } = ctx.siteNow();
  const year = (await ctx.reads.fiscalYears(date)).find((y) => y.companies.length === 0 || y.companies.includes(company));
  return year ? { check: 'Fiscal year covers today', ok: true, detail: year.name } : { check: 'Fiscal year covers today', ok: false, detail: `no active fiscal year for ${company} on ${date}` };
}

/** What the profile's warehouse and price list are: read with the profile, or (after our own write) from the run's reads. */
async function linkedFacts(ctx: StepContext, profile: ProfileFacts, company: string) {
  if (profile.linked) return profile.linked;
  const warehouse = (await ctx.reads.warehouses(company)).find((w) => w.name === profile.doc.warehouse);
  const list = (await ctx.reads.priceLists()).find((l) => l.name === profile.doc.selling_price_list);
  return {
    warehouse: warehouse ? { name: warehouse.name, company: String(warehouse.company), isGroup: Boolean(Number(warehouse.is_group)), disabled: Boolean(Number(warehouse.disabled)) } : null,
    priceList: list ? { name: list.name, currency: String(list.currency), enabled: Boolean(Number(list.enabled)) } : null,
  };
}

async function posProfileSane(ctx: StepContext, profile: ProfileFacts, company: string, cashier: string): Promise<ReadinessCheck[]> {
  const { warehouse, priceList } = await linkedFacts(ctx, profile, company);
  const modes = await ctx.reads.modes();
  const modesWithoutAccount = profile.payments.map((p) => p.mode_of_payment).filter((mode) => !modes.find((m) => sameName(m.name, mode))?.accounts.some((row) => row.company === company));
  const problems = [
    ...(Number(profile.doc.disabled) ? ['profile is disabled'] : []),
    ...(!warehouse || warehouse.isGroup || warehouse.company !== company ? [`warehouse ${String(profile.doc.warehouse)} is not a leaf of ${company}`] : []),
    ...(profile.payments.filter((p) => p.default).length !== 1 ? ['not exactly one default payment'] : []),
    ...modesWithoutAccount.map((mode) => `${mode} has no account for ${company}`),
    ...(priceList && priceList.currency !== profile.doc.currency ? [`price list currency ${priceList.currency} ≠ ${String(profile.doc.currency)}`] : []),
  ];
  return [
    check('POS Profile is usable', problems, profile.doc.name),
    check('Cashier can open the POS', profile.users.length === 0 || profile.users.some((u) => sameName(u.user, cashier)) ? [] : [`${cashier} is not an applicable user`], cashier),
  ];
}

/** Every demo item is for sale, priced in the profile's list, and in stock in its warehouse when stocked: three reads for any number of items. */
async function itemsSellable(ctx: StepContext, priceList: string, warehouse: string): Promise<ReadinessCheck | null> {
  const demo = ctx.maybeOutput(StepId.DemoItems);
  if (!demo) return null;
  const codes = demoItemsOf(ctx.shop, ctx.abbr).map((item) => item.code);
  const [prices, bins] = await Promise.all([ctx.reads.prices(codes), ctx.reads.bins(codes)]);
  const known = new Map(prices.filter((price) => price.item).map((price) => [price.itemCode, price.item!]));
  const missing = demo.items.filter((code) => !known.has(code));
  for (const item of missing.length ? await ctx.reads.items(missing) : []) known.set(item.name, item);
  const problems: string[] = [];
  for (const code of demo.items) {
    const item = known.get(code);
    if (!item || item.disabled || !item.isSalesItem) problems.push(`${code} not for sale`);
    if (!prices.some((price) => price.itemCode === code && price.priceList === priceList)) problems.push(`${code} has no price in ${priceList}`);
    if (item?.isStockItem && (bins.find((bin) => bin.itemCode === code && bin.warehouse === warehouse)?.actualQty ?? 0) <= 0) problems.push(`${code} has no stock in ${warehouse}`);
  }
  return check('Demo items can be sold', problems, `${demo.items.length} items`);
}

/** CONTRACT §4.11: what a till still lacks, from the run's reads (re-read only where this run wrote). */
export async function readinessChecks(ctx: StepContext): Promise<ReadinessCheck[]> {
  ctx.action('Reading everything back');
  const { company } = ctx.output(StepId.Company);
  const { profile: profileName } = ctx.output(StepId.PosProfile);
  const { cashier, openingEntry } = ctx.output(StepId.PosSession);
  const [companyFacts, profile, sessions, customer] = await Promise.all([ctx.reads.company(ctx.shop.company.name, ctx.abbr), ctx.reads.profile(profileName), ctx.reads.openings(profileName, cashier), walkInCustomer(planContext(ctx))]);
  if (!profile) return [check('POS Profile is usable', [`${profileName} is missing`])];
  const open = sessions.filter((s) => s.docstatus === 1 && s.status === 'Open');
  const linkedCustomer = profile.linked?.customer;
  const walkIn = linkedCustomer && linkedCustomer.name === profile.doc.customer ? { name: linkedCustomer.name, disabled: linkedCustomer.disabled } : customer.found && customer.found.name === profile.doc.customer ? { name: customer.found.name, disabled: Boolean(Number(customer.found.disabled)) } : null;
  const items = await itemsSellable(ctx, String(profile.doc.selling_price_list), String(profile.doc.warehouse));
  return [
    companyDefaults(companyFacts.company ?? { name: company }),
    await fiscalYear(ctx, company),
    ...(await posProfileSane(ctx, profile, company, cashier)),
    check('POS session is open', open.length === 1 ? [] : [`${open.length} open sessions for ${cashier}`], openingEntry),
    check('Walk-in customer is ready', !walkIn ? ['missing'] : walkIn.disabled ? ['disabled'] : [], walkIn?.name),
    ...(items ? [items] : []),
  ];
}
