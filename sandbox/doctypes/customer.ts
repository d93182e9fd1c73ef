import { ctx } from '../core/context';
import { getGlobalDefault } from '../core/defaults';
import { frappeThrow } from '../core/errors';
import type { DocTypeMeta } from '../core/meta';
import { f } from '../core/meta';
import { makeAutoname } from '../core/naming';
import type { Doc } from '../core/store';
import { cstr } from '../core/util';
import { perms } from './roles';

// erpnext/selling/doctype/customer/customer.py: named by customer_name (renamed " - n" on a clash, with a
// yellow note) or by naming series, per the site default cust_master_name.

const child = (name: string, fields: DocTypeMeta['fields']): DocTypeMeta => ({ name, app: 'erpnext', istable: true, perms: [], fields });

export const customerChildren: DocTypeMeta[] = [
  child('Sales Team', [f.data('sales_person', { reqd: true, label: 'Sales Person' }), f.float('allocated_percentage')]),
  child('Portal User', [f.link('user', 'User', { reqd: true, label: 'User' })]),
  child('Allowed To Transact With', [f.link('company', 'Company', { reqd: true, label: 'Company' })]),
  child('Customer Credit Limit', [f.link('company', 'Company', { label: 'Company' }), f.currency('credit_limit'), f.check('bypass_credit_limit_check')]),
  child('Party Account', [f.link('company', 'Company', { reqd: true, label: 'Company' }), f.link('account', 'Account', { label: 'Default Account' })]),
];

export const customer: DocTypeMeta = {
  name: 'Customer', app: 'erpnext', autoname: 'naming_series:', perms: perms.customer,
  fields: [
    f.select('naming_series', ['CUST-.YYYY.-'], { label: 'Series' }), f.data('customer_name', { reqd: true, label: 'Customer Name' }),
    f.select('customer_type', ['Company', 'Individual', 'Partnership'], { reqd: true, default: 'Company', label: 'Customer Type' }),
    f.link('customer_group', 'Customer Group', { label: 'Customer Group' }), f.link('territory', 'Territory', { label: 'Territory' }),
    f.link('default_currency', 'Currency', { label: 'Billing Currency' }), f.link('default_price_list', 'Price List', { label: 'Default Price List' }),
    f.check('is_internal_customer'), f.link('represents_company', 'Company', { label: 'Represents Company' }),
    f.link('language', 'Language', { label: 'Print Language' }), f.text('customer_details'), f.data('mobile_no'), f.data('email_id'),
    f.data('tax_id'), f.float('default_commission_rate'), f.check('so_required'), f.check('dn_required'),
    f.check('exempt_from_sales_tax'), f.check('is_frozen'), f.check('disabled'),
    f.table('sales_team', 'Sales Team'), f.table('portal_users', 'Portal User'), f.table('companies', 'Allowed To Transact With'),
    f.table('credit_limits', 'Customer Credit Limit'), f.table('accounts', 'Party Account'),
  ],
  controller: {
    autoname(doc) {
      const mode = getGlobalDefault('cust_master_name');
      if (mode === 'Customer Name') doc.name = customerName(doc);
      else if (mode === 'Naming Series') doc.name = makeAutoname(cstr(doc.naming_series) || 'CUST-.YYYY.-', doc);
    },
    validate(doc) {
      if (ctx().store.exists('Customer Group', doc.name)) {
        frappeThrow('A Customer Group exists with same name please change the Customer name or rename the Customer Group', 'NameError', { fromErpnext: true });
      }
    },
  },
};

/** customer.py get_customer_name: "{name} - {max numeric suffix + 1}" and a yellow "Note". */
function customerName(doc: Doc): string {
  const name = cstr(doc.customer_name).trim();
  if (!name || !ctx().store.exists('Customer', name)) return name;
  const prefix = `${name} - `.toLowerCase();
  const suffixes = ctx().store.all('Customer')
    .filter((c) => c.name.toLowerCase().includes(prefix))
    .map((c) => parseInt(c.name.split(' ').pop() ?? '', 10))
    .filter((n) => Number.isFinite(n));
  const newName = `${name} - ${Math.max(0, ...suffixes) + 1}`;
  ctx().log.push({ message: `Changed customer name to '${newName}' as '${name}' already exists.`, title: 'Note', indicator: 'yellow' });
  return newName;
}
