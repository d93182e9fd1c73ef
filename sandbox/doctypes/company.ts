import { ctx } from '../core/context';
import { erpnextThrow } from '../core/errors';
import type { DocTypeMeta } from '../core/meta';
import { f } from '../core/meta';
import type { Doc } from '../core/store';
import { cstr } from '../core/util';
import { onCompanyUpdate } from './companySetup';
import { companyOnTrash } from './companyTrash';
import { perms } from './roles';

// erpnext/setup/doctype/company/company.json + company.py (validate, on_update).

const acc = (name: string, label?: string) => f.link(name, 'Account', label ? { label } : undefined);
const ACCOUNT_FIELDS = [
  'default_bank_account', 'default_cash_account', 'default_receivable_account', 'default_payable_account', 'write_off_account',
  'default_expense_account', 'default_income_account', 'exchange_gain_loss_account', 'round_off_account',
  'accumulated_depreciation_account', 'depreciation_expense_account', 'expenses_included_in_asset_valuation',
  'disposal_account', 'capital_work_in_progress_account', 'asset_received_but_not_billed', 'default_inventory_account',
  'stock_adjustment_account', 'stock_received_but_not_billed', 'expenses_included_in_valuation',
];

export const company: DocTypeMeta = {
  name: 'Company', app: 'erpnext', autoname: 'field:company_name', perms: perms.company,
  fields: [
    f.data('company_name', { reqd: true, label: 'Company' }), f.data('abbr', { reqd: true, setOnlyOnce: true, label: 'Abbr' }),
    f.link('default_currency', 'Currency', { reqd: true, label: 'Default Currency' }), f.link('country', 'Country', { reqd: true, label: 'Country' }),
    f.check('is_group'), f.data('tax_id'), f.data('domain'), f.date('date_of_establishment'),
    f.link('parent_company', 'Company', { label: 'Parent Company' }), f.int('lft'), f.int('rgt'), f.data('old_parent', { default: '' }),
    f.select('create_chart_of_accounts_based_on', ['', 'Standard Template', 'Existing Company'], { label: 'Create Chart Of Accounts Based On' }),
    f.data('chart_of_accounts'), f.link('existing_company', 'Company'),
    acc('default_bank_account', 'Default Bank Account'), acc('default_cash_account', 'Default Cash Account'),
    acc('default_receivable_account', 'Default Receivable Account'), acc('default_payable_account', 'Default Payable Account'),
    acc('write_off_account', 'Write Off Account'), f.check('allow_account_creation_against_child_company'),
    acc('default_expense_account', 'Default Cost of Goods Sold Account'), acc('default_income_account', 'Default Income Account'),
    f.link('cost_center', 'Cost Center', { label: 'Default Cost Center' }), acc('exchange_gain_loss_account', 'Exchange Gain / Loss Account'),
    acc('round_off_account', 'Round Off Account'), f.link('round_off_cost_center', 'Cost Center', { label: 'Round Off Cost Center' }),
    f.check('book_advance_payments_in_separate_party_account'), f.check('reconcile_on_advance_payment_date'),
    f.select('reconciliation_takes_effect_on', ['Advance Payment Date', 'Oldest Of Invoice Or Advance', 'Reconciliation Date'], { default: 'Oldest Of Invoice Or Advance' }),
    f.check('auto_exchange_rate_revaluation'), f.select('auto_err_frequency', ['Daily', 'Weekly', 'Monthly']), f.check('submit_err_jv'),
    acc('accumulated_depreciation_account'), acc('depreciation_expense_account'), acc('expenses_included_in_asset_valuation'),
    acc('disposal_account'), f.link('depreciation_cost_center', 'Cost Center'), acc('capital_work_in_progress_account'),
    acc('asset_received_but_not_billed'), f.currency('monthly_sales_target'), f.currency('total_monthly_sales'),
    f.currency('credit_limit'), f.data('phone_no'), f.data('email'), f.data('website'),
    f.check('enable_perpetual_inventory', 1), f.check('enable_provisional_accounting_for_non_stock_items'),
    acc('default_inventory_account'), acc('stock_adjustment_account'), f.link('default_in_transit_warehouse', 'Warehouse'),
    acc('stock_received_but_not_billed'), acc('expenses_included_in_valuation'),
  ],
  controller: {
    validate(doc, before) {
      validateAbbr(doc);
      validateChartInput(doc);
      validateParentCompany(doc);
      if (before) validateDefaultAccounts(doc);
    },
    onUpdate: onCompanyUpdate,
    onTrash: companyOnTrash,
  },
};

function validateAbbr(doc: Doc): void {
  if (!doc.abbr) doc.abbr = cstr(doc.company_name).split(/\s+/).filter(Boolean).map((w) => w[0]).join('').toUpperCase();
  doc.abbr = cstr(doc.abbr).trim();
  if (!doc.abbr) erpnextThrow('Abbreviation is mandatory');
  const clash = ctx().store.all('Company').some((c) => c.name !== doc.name && cstr(c.abbr).toLowerCase() === cstr(doc.abbr).toLowerCase());
  if (clash) erpnextThrow('Abbreviation already used for another company');
}

function validateChartInput(doc: Doc): void {
  if (doc.create_chart_of_accounts_based_on === 'Existing Company') {
    doc.chart_of_accounts = null;
    if (!doc.existing_company) erpnextThrow('Please select Existing Company for creating Chart of Accounts');
  } else {
    doc.existing_company = null;
    doc.create_chart_of_accounts_based_on = 'Standard Template';
    if (!doc.chart_of_accounts) doc.chart_of_accounts = 'Standard';
  }
}

function validateParentCompany(doc: Doc): void {
  if (!doc.parent_company) return;
  const parent = ctx().store.get('Company', cstr(doc.parent_company));
  if (parent && !parent.is_group) erpnextThrow('Parent Company must be a group company');
}

function validateDefaultAccounts(doc: Doc): void {
  for (const field of ACCOUNT_FIELDS) {
    if (!doc[field]) continue;
    const account = ctx().store.get('Account', cstr(doc[field]));
    if (account && account.company !== doc.name) erpnextThrow(`Account ${account.name} does not belong to company: ${doc.name}`);
  }
}
