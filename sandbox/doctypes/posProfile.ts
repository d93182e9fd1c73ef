import { ctx } from '../core/context';
import { setUserDefault } from '../core/defaults';
import { erpnextThrow, FrappeError } from '../core/errors';
import type { DocTypeMeta } from '../core/meta';
import { f } from '../core/meta';
import type { Doc } from '../core/store';
import { cint, cstr } from '../core/util';
import { checkModeAccounts } from './modeOfPayment';
import { perms } from './roles';

// erpnext/accounts/doctype/pos_profile/pos_profile.py: Prompt-named; validate() runs default-user,
// company ownership, duplicate groups and payment checks in that order, before the mandatory check.

const child = (name: string, fields: DocTypeMeta['fields']): DocTypeMeta => ({ name, app: 'erpnext', istable: true, perms: [], fields });

export const posProfileChildren: DocTypeMeta[] = [
  child('POS Profile User', [f.check('default', 0, { label: 'Default' }), f.link('user', 'User', { label: 'User' })]),
  child('POS Payment Method', [
    f.check('default', 0, { label: 'Default' }), f.check('allow_in_returns'),
    f.link('mode_of_payment', 'Mode of Payment', { reqd: true, label: 'Mode of Payment' }),
  ]),
  child('POS Item Group', [f.link('item_group', 'Item Group', { reqd: true, label: 'Item Group' })]),
  child('POS Customer Group', [f.link('customer_group', 'Customer Group', { reqd: true, label: 'Customer Group' })]),
];

export const posProfile: DocTypeMeta = {
  name: 'POS Profile', app: 'erpnext', autoname: 'Prompt', perms: perms.posProfile,
  fields: [
    f.link('company', 'Company', { reqd: true, label: 'Company' }), f.link('customer', 'Customer', { label: 'Customer' }),
    f.link('country', 'Country', { label: 'Country' }), f.check('disabled'), f.link('warehouse', 'Warehouse', { reqd: true, label: 'Warehouse' }),
    f.check('hide_images'), f.check('hide_unavailable_items'), f.check('auto_add_item_to_cart'), f.check('validate_stock_on_save'),
    f.check('print_receipt_on_order_complete'), f.check('update_stock', 1), f.check('ignore_pricing_rule'), f.check('allow_rate_change'),
    f.check('allow_discount_change'), f.check('disable_grand_total_to_default_mop'), f.check('allow_partial_payment'),
    f.link('selling_price_list', 'Price List', { label: 'Price List' }), f.link('currency', 'Currency', { reqd: true, label: 'Currency' }),
    f.link('write_off_account', 'Account', { reqd: true, label: 'Write Off Account' }),
    f.link('write_off_cost_center', 'Cost Center', { reqd: true, label: 'Write Off Cost Center' }),
    f.currency('write_off_limit', { reqd: true, default: 1, label: 'Write Off Limit' }),
    f.link('account_for_change_amount', 'Account', { label: 'Account for Change Amount' }), f.check('disable_rounded_total'),
    f.link('income_account', 'Account', { label: 'Income Account' }), f.link('expense_account', 'Account', { label: 'Expense Account' }),
    f.data('taxes_and_charges'), f.data('tax_category'),
    f.select('apply_discount_on', ['Grand Total', 'Net Total'], { label: 'Apply Discount On' }),
    f.link('cost_center', 'Cost Center', { label: 'Cost Center' }),
    f.table('applicable_for_users', 'POS Profile User', { label: 'Applicable for Users' }),
    f.table('payments', 'POS Payment Method', { reqd: true, label: 'Payments' }),
    f.table('item_groups', 'POS Item Group', { label: 'Item Groups' }),
    f.table('customer_groups', 'POS Customer Group', { label: 'Customer Groups' }),
  ],
  controller: {
    validate(doc) {
      validateDefaultProfile(doc);
      validateLinkedCompany(doc);
      validateDuplicateGroups(doc);
      validatePaymentMethods(doc);
    },
    // on_update set_defaults: users of a profile get the user default is_pos = 1
    onUpdate(doc) {
      for (const row of doc.applicable_for_users as Doc[]) if (row.user) setUserDefault(cstr(row.user), 'is_pos', 1);
    },
  },
};

function validateDefaultProfile(doc: Doc): void {
  for (const row of doc.applicable_for_users as Doc[]) {
    const other = ctx().store.all('POS Profile').find((p) => p.name !== doc.name && p.company === doc.company && !cint(p.disabled) &&
      (p.applicable_for_users as Doc[]).some((u) => u.user === row.user && cint(u.default)));
    if (cint(row.default) && other) {
      // raised with msgprint(raise_exception=1): no class of its own, so v14 reports no exc_type
      throw new FrappeError('ValidationError', `Already set default in pos profile ${other.name} for user ${row.user}, kindly disabled default`, { viaThrow: true, fromErpnext: true, noClass: true });
    }
    if (!cint(row.default) && !other) {
      ctx().log.push({ message: `User ${row.user} doesn't have any default POS Profile. Check Default at Row ${row.idx} for this User.`, title: 'Message' });
    }
  }
}

function validateLinkedCompany(doc: Doc): void {
  const links: [string, unknown][] = [['Account', doc.income_account], ['Account', doc.expense_account], ['Cost Center', doc.cost_center], ['Warehouse', doc.warehouse]];
  for (const [doctype, value] of links) {
    if (value && ctx().store.get(doctype, cstr(value))?.company !== doc.company) erpnextThrow(`${value} does not belong to Company ${doc.company}`);
  }
}

function validateDuplicateGroups(doc: Doc): void {
  const itemGroups = (doc.item_groups as Doc[]).map((r) => r.item_group);
  const customerGroups = (doc.customer_groups as Doc[]).map((r) => r.customer_group);
  if (new Set(itemGroups).size !== itemGroups.length) erpnextThrow('Duplicate item group found in the item group table', 'ValidationError', { title: 'Duplicate Item Group' });
  if (new Set(customerGroups).size !== customerGroups.length) {
    erpnextThrow('Duplicate customer group found in the cutomer group table', 'ValidationError', { title: 'Duplicate Customer Group' });
  }
}

function validatePaymentMethods(doc: Doc): void {
  const payments = doc.payments as Doc[];
  if (!payments.length) erpnextThrow('Payment methods are mandatory. Please add at least one payment method.');
  const defaults = payments.filter((p) => cint(p.default));
  if (!defaults.length) erpnextThrow('Please select a default mode of payment');
  if (defaults.length > 1) erpnextThrow('You can only select one mode of payment as default');
  checkModeAccounts(payments.map((p) => cstr(p.mode_of_payment)), doc.company);
}
