import { ctx } from '../core/context';
import { erpnextThrow } from '../core/errors';
import type { DocTypeMeta } from '../core/meta';
import { f } from '../core/meta';
import type { Doc } from '../core/store';
import { bold, cstr } from '../core/util';
import { nestedSetOnTrash } from './nestedSet';
import { perms } from './roles';

// erpnext/accounts/doctype/account/account.py and cost_center/cost_center.py.

const ACCOUNT_TYPES = [
  '', 'Accumulated Depreciation', 'Asset Received But Not Billed', 'Bank', 'Cash', 'Chargeable', 'Capital Work in Progress',
  'Cost of Goods Sold', 'Current Asset', 'Current Liability', 'Depreciation', 'Direct Expense', 'Direct Income', 'Equity',
  'Expense Account', 'Expenses Included In Asset Valuation', 'Expenses Included In Valuation', 'Fixed Asset', 'Income Account',
  'Indirect Expense', 'Indirect Income', 'Liability', 'Payable', 'Receivable', 'Round Off', 'Round Off for Opening', 'Stock',
  'Stock Adjustment', 'Stock Received But Not Billed', 'Service Received But Not Billed', 'Tax', 'Temporary',
];

const abbrOf = (company: unknown) => cstr(ctx().store.get('Company', cstr(company))?.abbr);

/** erpnext/accounts/utils.py get_autoname_with_number: "[number - ]name - ABBR". */
export function autonameWithNumber(number: unknown, name: unknown, company: unknown): string {
  const parts = [cstr(number).trim(), cstr(name).trim()].filter(Boolean);
  return `${parts.join(' - ')} - ${abbrOf(company)}`;
}

export const account: DocTypeMeta = {
  name: 'Account', app: 'erpnext', autoname: 'controller', perms: perms.account,
  fields: [
    f.check('disabled'), f.data('account_name', { reqd: true, label: 'Account Name' }), f.data('account_number', { label: 'Account Number' }),
    f.check('is_group'), f.link('company', 'Company', { reqd: true, label: 'Company' }),
    f.select('root_type', ['', 'Asset', 'Liability', 'Income', 'Expense', 'Equity'], { label: 'Root Type' }),
    f.select('report_type', ['', 'Balance Sheet', 'Profit and Loss'], { label: 'Report Type' }),
    f.link('account_currency', 'Currency', { label: 'Currency' }), f.link('parent_account', 'Account', { reqd: true, label: 'Parent Account' }),
    f.select('account_type', ACCOUNT_TYPES, { label: 'Account Type' }), f.float('tax_rate'),
    f.select('freeze_account', ['No', 'Yes']), f.select('balance_must_be', ['', 'Debit', 'Credit']),
    f.int('lft'), f.int('rgt'), f.data('old_parent', { default: '' }), f.check('include_in_gross'),
  ],
  controller: {
    autoname(doc) {
      doc.name = autonameWithNumber(doc.account_number, doc.account_name, doc.company);
    },
    validate(doc, before) {
      validateParent(doc);
      if (before && !before.parent_account && !ctx().flags.inChartImport) erpnextThrow('Root cannot be edited.', 'RootNotEditable');
      if (!doc.parent_account && !doc.is_group) erpnextThrow(`The root account ${bold(doc.name)} must be a group`);
      if (!doc.root_type && !ctx().flags.inChartImport) erpnextThrow('Root Type is mandatory');
      doc.report_type = ['Income', 'Expense'].includes(cstr(doc.root_type)) ? 'Profit and Loss' : 'Balance Sheet';
      if (!doc.account_currency) doc.account_currency = ctx().store.get('Company', cstr(doc.company))?.default_currency ?? null;
      validateAccountNumber(doc);
      doc.old_parent = doc.parent_account ?? '';
    },
    // account.py on_trash: (no GL Entry exists in the sandbox) then NestedSet.on_trash(allow_root_deletion=True)
    onTrash: (doc) => nestedSetOnTrash(doc, 'parent_account', true),
  },
};

function validateParent(doc: Doc): void {
  if (!doc.parent_account) return;
  const parent = ctx().store.get('Account', cstr(doc.parent_account));
  if (!parent) erpnextThrow(`Account ${doc.name}: Parent account ${doc.parent_account} does not exist`);
  if (parent.name === doc.name) erpnextThrow(`Account ${doc.name}: You can not assign itself as parent account`);
  if (!parent.is_group) erpnextThrow(`Account ${doc.name}: Parent account ${parent.name} can not be a ledger`);
  if (parent.company !== doc.company) erpnextThrow(`Account ${doc.name}: Parent account ${parent.name} does not belong to company: ${doc.company}`);
  doc.root_type = parent.root_type;
}

function validateAccountNumber(doc: Doc): void {
  if (!doc.account_number) return;
  const clash = ctx().store.all('Account').find((a) => a.company === doc.company && a.name !== doc.name && a.account_number === doc.account_number);
  if (clash) erpnextThrow(`Account Number ${doc.account_number} already used in account ${clash.name}`);
}

export const costCenter: DocTypeMeta = {
  name: 'Cost Center', app: 'erpnext', autoname: 'controller', perms: perms.costCenter,
  fields: [
    f.data('cost_center_name', { reqd: true, label: 'Cost Center Name' }), f.data('cost_center_number'),
    f.link('parent_cost_center', 'Cost Center', { reqd: true, label: 'Parent Cost Center' }),
    f.link('company', 'Company', { reqd: true, label: 'Company' }), f.check('is_group'), f.check('disabled'),
    f.int('lft'), f.int('rgt'), f.data('old_parent', { default: '' }),
  ],
  controller: {
    autoname(doc) {
      doc.name = autonameWithNumber(doc.cost_center_number, doc.cost_center_name, doc.company);
    },
    validate(doc) {
      if (!doc.parent_cost_center && !doc.is_group) erpnextThrow('Please enter parent cost center');
      const parent = doc.parent_cost_center ? ctx().store.get('Cost Center', cstr(doc.parent_cost_center)) : null;
      if (parent && !parent.is_group) erpnextThrow(`Parent Cost Center ${parent.name} is not a group`);
      doc.old_parent = doc.parent_cost_center ?? '';
    },
    // cost_center.py keeps NestedSet.on_trash: a root cannot be deleted, nor a node with children
    onTrash: (doc) => nestedSetOnTrash(doc, 'parent_cost_center'),
  },
};
