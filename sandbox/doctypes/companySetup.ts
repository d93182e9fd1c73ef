import { ctx } from '../core/context';
import { insertDoc, saveDoc } from '../core/document';
import { FrappeError } from '../core/errors';
import type { Doc } from '../core/store';
import { cstr } from '../core/util';
import { STANDARD_CHART, type ChartNode } from '../data/charts';
import { COUNTRY_TAX_ACCOUNTS } from '../data/countries';

// What Company.on_update builds by itself on the first save (erpnext/setup/doctype/company/company.py
// on_update, create_default_accounts, create_default_warehouses, create_default_cost_center,
// set_default_accounts, set_mode_of_payment_account) and the US tax accounts of
// erpnext/setup/setup_wizard/operations/taxes_setup.py.

const internal = { ignorePermissions: true, ignoreMandatory: true };

function accountsOf(company: string): Doc[] {
  return ctx().store.all('Account').filter((a) => a.company === company);
}

function insertChart(doc: Doc, withNumbers: boolean): void {
  const abbr = cstr(doc.abbr);
  const walk = (node: ChartNode, parent: string | null, rootType: string) => {
    const isGroup = !!(node.isGroup || node.children?.length);
    const created = insertDoc('Account', {
      account_name: node.name, account_number: withNumbers ? node.number ?? '' : '', parent_account: parent,
      company: doc.name, is_group: isGroup ? 1 : 0, root_type: rootType, account_type: node.accountType ?? '',
      account_currency: doc.default_currency,
    }, internal);
    for (const child of node.children ?? []) walk(child, created.name, rootType);
  };
  ctx().flags.inChartImport = abbr;
  try {
    for (const root of STANDARD_CHART) walk(root, null, root.rootType);
  } finally {
    delete ctx().flags.inChartImport;
  }
}

function copyChart(doc: Doc, existing: string): void {
  const source = ctx().store.get('Company', existing);
  const from = ` - ${cstr(source?.abbr)}`;
  const rename = (n: unknown) => (n ? `${cstr(n).slice(0, -from.length)} - ${cstr(doc.abbr)}` : null);
  ctx().flags.inChartImport = cstr(doc.abbr);
  try {
    const ordered = accountsOf(existing).sort((a, b) => depth(a) - depth(b));
    for (const a of ordered) {
      insertDoc('Account', { ...pick(a), company: doc.name, parent_account: rename(a.parent_account), account_currency: doc.default_currency }, internal);
    }
  } finally {
    delete ctx().flags.inChartImport;
  }
}

const pick = (a: Doc) => ({ account_name: a.account_name, account_number: a.account_number, is_group: a.is_group, root_type: a.root_type, account_type: a.account_type });
const depth = (a: Doc): number => {
  let d = 0;
  let current: Doc | null = a;
  while (current?.parent_account && d < 20) { current = ctx().store.get('Account', cstr(current.parent_account)); d += 1; }
  return d;
};

function createDefaultAccounts(doc: Doc): void {
  if (doc.create_chart_of_accounts_based_on === 'Existing Company' && doc.existing_company) copyChart(doc, cstr(doc.existing_company));
  else if (doc.chart_of_accounts === 'Standard') insertChart(doc, false);
  else if (doc.chart_of_accounts === 'Standard with Numbers') insertChart(doc, true);
  // any other chart name: erpnext finds no template and silently creates nothing (CONTRACT §4.3)
  const first = (type: string) => accountsOf(doc.name).find((a) => a.account_type === type && !a.is_group)?.name ?? null;
  doc.default_receivable_account = first('Receivable');
  doc.default_payable_account = first('Payable');
}

function createDefaultWarehouses(doc: Doc): void {
  const abbr = cstr(doc.abbr);
  const details = [
    { warehouse_name: 'All Warehouses', is_group: 1 }, { warehouse_name: 'Stores', is_group: 0 },
    { warehouse_name: 'Work In Progress', is_group: 0 }, { warehouse_name: 'Finished Goods', is_group: 0 },
    { warehouse_name: 'Goods In Transit', is_group: 0, warehouse_type: 'Transit' },
  ];
  for (const d of details) {
    if (ctx().store.exists('Warehouse', `${d.warehouse_name} - ${abbr}`)) continue;
    insertDoc('Warehouse', { ...d, company: doc.name, parent_warehouse: d.is_group ? '' : `All Warehouses - ${abbr}` }, internal);
  }
}

function createDefaultCostCenter(doc: Doc): void {
  const abbr = cstr(doc.abbr);
  insertDoc('Cost Center', { cost_center_name: doc.name, company: doc.name, is_group: 1, parent_cost_center: null }, internal);
  insertDoc('Cost Center', { cost_center_name: 'Main', company: doc.name, is_group: 0, parent_cost_center: `${doc.name} - ${abbr}` }, { ignorePermissions: true });
  doc.cost_center = doc.round_off_cost_center = doc.depreciation_cost_center = `Main - ${abbr}`;
}

/** taxes_setup.get_or_create_tax_group: with no Liability root (unknown chart) it indexes an empty list (08). */
function setupTaxes(doc: Doc): void {
  const taxes = COUNTRY_TAX_ACCOUNTS[cstr(doc.country)];
  if (!taxes) return;
  const accounts = accountsOf(doc.name);
  if (!accounts.some((a) => a.root_type === 'Liability' && !a.parent_account)) {
    throw new FrappeError('IndexError', 'list index out of range', { fromErpnext: true });
  }
  const group = accounts.find((a) => a.account_type === 'Tax' && a.is_group && a.root_type === 'Liability');
  for (const tax of taxes) {
    if (accounts.some((a) => a.account_name === tax.name)) continue;
    insertDoc('Account', {
      account_name: tax.name, account_number: null, parent_account: group?.name, company: doc.name, is_group: 0,
      account_type: 'Tax', tax_rate: tax.rate, account_currency: doc.default_currency,
    }, internal);
  }
}

function setDefaultAccounts(doc: Doc): void {
  const byType: Record<string, string> = {
    default_cash_account: 'Cash', default_bank_account: 'Bank', round_off_account: 'Round Off',
    accumulated_depreciation_account: 'Accumulated Depreciation', depreciation_expense_account: 'Depreciation',
    capital_work_in_progress_account: 'Capital Work in Progress', asset_received_but_not_billed: 'Asset Received But Not Billed',
    expenses_included_in_asset_valuation: 'Expenses Included In Asset Valuation', default_expense_account: 'Cost of Goods Sold',
  };
  if (doc.enable_perpetual_inventory) {
    Object.assign(byType, {
      stock_received_but_not_billed: 'Stock Received But Not Billed', default_inventory_account: 'Stock',
      stock_adjustment_account: 'Stock Adjustment', expenses_included_in_valuation: 'Expenses Included In Valuation',
    });
  }
  const leaves = accountsOf(doc.name).filter((a) => !a.is_group);
  for (const [field, type] of Object.entries(byType)) {
    if (!doc[field]) doc[field] = leaves.find((a) => a.account_type === type)?.name ?? null;
  }
  const named = (n: string) => leaves.find((a) => a.account_name === n)?.name ?? null;
  doc.default_income_account ||= named('Sales') ?? named('Sales Account');
  doc.write_off_account ||= named('Write Off');
  doc.exchange_gain_loss_account ||= named('Exchange Gain/Loss');
  doc.disposal_account ||= named('Gain/Loss on Asset Disposal');
}

function setModeOfPaymentAccount(doc: Doc): void {
  const cash = ctx().store.all('Mode of Payment').find((m) => m.type === 'Cash');
  if (!cash) return;
  const rows = (cash.accounts as Doc[] | undefined) ?? [];
  if (rows.some((r) => r.company === doc.name)) return;
  const edited = structuredClone(cash);
  edited.accounts = [...rows, { doctype: 'Mode of Payment Account', company: doc.name, default_account: doc.default_cash_account, __new: true }];
  saveDoc(edited, cash, { ignorePermissions: true });
}

export function onCompanyUpdate(doc: Doc): void {
  const store = ctx().store;
  let countryChange = false;
  if (!accountsOf(doc.name).length) {
    countryChange = true;
    createDefaultAccounts(doc);
    createDefaultWarehouses(doc);
  }
  if (!store.all('Cost Center').some((cc) => cc.company === doc.name && !cc.is_group)) createDefaultCostCenter(doc);
  if (countryChange) setupTaxes(doc);
  setDefaultAccounts(doc);
  if (doc.default_cash_account) setModeOfPaymentAccount(doc);
  const currency = doc.default_currency ? store.get('Currency', cstr(doc.default_currency)) : null;
  if (currency && !currency.enabled) store.put({ ...currency, enabled: 1 });
}
