import type { Doc } from '../../erpnext/types';
import { StepId } from '../../../shared/steps/catalog';
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
  const fields = [...COMPANY_DEFAULTS, ...(company.enable_perpetual_inventory ? PERPETUAL_DEFAULTS : [])];
  return check('Company defaults set', fields.filter((field) => !company[field]).map((field) => `${field} empty`));
}

async function fiscalYear(ctx: StepContext, company: string): Promise<ReadinessCheck> {
  const { date } = ctx.siteNow();
  const years = await ctx.client.list('Fiscal Year', { filters: [['disabled', '=', 0], ['year_start_date', '<=', date], ['year_end_date', '>=', date]], limitPageLength: 0 });
  for (const year of years) {
    const doc = await ctx.client.getDoc('Fiscal Year', year.name);
    const companies = (doc.companies as { company: string }[] | undefined) ?? [];
    if (companies.length === 0 || companies.some((row) => row.company === company)) return { check: 'Fiscal year covers today', ok: true, detail: year.name };
  }
  return { check: 'Fiscal year covers today', ok: false, detail: `no active fiscal year for ${company} on ${date}` };
}

async function posProfileSane(ctx: StepContext, profile: Doc, company: string, cashier: string): Promise<ReadinessCheck[]> {
  const payments = (profile.payments as { mode_of_payment: string; default: number }[] | undefined) ?? [];
  const users = (profile.applicable_for_users as { user: string }[] | undefined) ?? [];
  const warehouse = await ctx.client.findDoc('Warehouse', String(profile.warehouse));
  const priceList = await ctx.client.findDoc('Price List', String(profile.selling_price_list));
  const modesWithoutAccount: string[] = [];
  for (const payment of payments) {
    const mode = await ctx.client.getDoc('Mode of Payment', payment.mode_of_payment);
    if (!((mode.accounts as { company: string }[] | undefined) ?? []).some((row) => row.company === company)) modesWithoutAccount.push(payment.mode_of_payment);
  }
  const problems = [
    ...(profile.disabled ? ['profile is disabled'] : []),
    ...(!warehouse || warehouse.is_group || warehouse.company !== company ? [`warehouse ${String(profile.warehouse)} is not a leaf of ${company}`] : []),
    ...(payments.filter((p) => p.default).length !== 1 ? ['not exactly one default payment'] : []),
    ...modesWithoutAccount.map((mode) => `${mode} has no account for ${company}`),
    ...(priceList && priceList.currency !== profile.currency ? [`price list currency ${String(priceList.currency)} ≠ ${String(profile.currency)}`] : []),
  ];
  return [
    check('POS Profile is usable', problems, profile.name),
    check('Cashier can open the POS', users.length === 0 || users.some((u) => u.user === cashier) ? [] : [`${cashier} is not an applicable user`], cashier),
  ];
}

async function itemsSellable(ctx: StepContext, priceList: string, warehouse: string): Promise<ReadinessCheck | null> {
  const demo = ctx.maybeOutput(StepId.DemoItems);
  if (!demo) return null;
  const problems: string[] = [];
  for (const code of demo.items) {
    const item = await ctx.client.getDoc('Item', code);
    if (item.disabled || !item.is_sales_item) problems.push(`${code} not for sale`);
    if ((await ctx.client.count('Item Price', { item_code: code, price_list: priceList })) === 0) problems.push(`${code} has no price in ${priceList}`);
    if (item.is_stock_item) {
      const ledger = await ctx.client.list('Stock Ledger Entry', { fields: ['actual_qty'], filters: { item_code: code, warehouse, is_cancelled: 0 }, limitPageLength: 0 });
      if (ledger.reduce((sum, row) => sum + Number(row.actual_qty ?? 0), 0) <= 0) problems.push(`${code} has no stock in ${warehouse}`);
    }
  }
  return check('Demo items can be sold', problems, `${demo.items.length} items`);
}

/** CONTRACT §4.11: reads every resource back and says what a till still lacks. */
export async function readinessChecks(ctx: StepContext): Promise<ReadinessCheck[]> {
  ctx.action('Reading everything back');
  const { company } = ctx.output(StepId.Company);
  const { profile: profileName } = ctx.output(StepId.PosProfile);
  const { cashier, openingEntry } = ctx.output(StepId.PosSession);
  const companyDoc = await ctx.client.getDoc('Company', company);
  const profile = await ctx.client.getDoc('POS Profile', profileName);
  const customer = await ctx.client.findDoc('Customer', String(profile.customer ?? ''));
  const open = await ctx.client.list('POS Opening Entry', { filters: [['pos_profile', '=', profileName], ['user', '=', cashier], ['docstatus', '=', 1], ['status', '=', 'Open']], limitPageLength: 0 });
  const items = await itemsSellable(ctx, String(profile.selling_price_list), String(profile.warehouse));
  return [
    companyDefaults(companyDoc),
    await fiscalYear(ctx, company),
    ...(await posProfileSane(ctx, profile, company, cashier)),
    check('POS session is open', open.length === 1 ? [] : [`${open.length} open sessions for ${cashier}`], openingEntry),
    check('Walk-in customer is ready', !customer ? ['missing'] : customer.disabled ? ['disabled'] : [], customer?.name),
    ...(items ? [items] : []),
  ];
}
