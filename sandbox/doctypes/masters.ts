import { ctx } from '../core/context';
import { setGlobalDefault } from '../core/defaults';
import { erpnextThrow, frappeThrow } from '../core/errors';
import type { DocTypeMeta } from '../core/meta';
import { f } from '../core/meta';
import type { Doc } from '../core/store';
import { bold, cint, cstr } from '../core/util';
import { nestedSetOnTrash } from './nestedSet';
import { perms } from './roles';

// Setup masters the wizard installs: Item Group, UOM, Price List, Customer Group, Territory, Fiscal Year
// (erpnext/setup/doctype/*, erpnext/stock/doctype/price_list, erpnext/accounts/doctype/fiscal_year).

function treeMaster(name: string, nameField: string, parentField: string, label: string, extra = [] as DocTypeMeta['fields']): DocTypeMeta {
  return {
    name, app: 'erpnext', autoname: `field:${nameField}`, perms: name === 'Item Group' ? perms.item : perms.salesMaster,
    fields: [
      f.data(nameField, { reqd: true, label }), f.link(parentField, name, { label: `Parent ${name}` }), f.check('is_group'),
      ...extra, f.int('lft'), f.int('rgt'), f.data('old_parent', { default: '' }),
    ],
    controller: {
      validate(doc) {
        const parent = doc[parentField] ? ctx().store.get(name, cstr(doc[parentField])) : null;
        if (parent && !parent.is_group) erpnextThrow(`Parent ${name} ${bold(parent.name)} is not a group`);
        doc.old_parent = doc[parentField] ?? '';
      },
      // item_group.py / customer_group.py / territory.py on_trash: validate_if_child_exists (roots may go)
      onTrash: (doc) => nestedSetOnTrash(doc, parentField, true),
    },
  };
}

export const itemGroup = treeMaster('Item Group', 'item_group_name', 'parent_item_group', 'Item Group Name');
export const customerGroup = treeMaster('Customer Group', 'customer_group_name', 'parent_customer_group', 'Customer Group Name', [
  f.link('default_price_list', 'Price List'),
]);
export const territory = treeMaster('Territory', 'territory_name', 'parent_territory', 'Territory Name');

export const uom: DocTypeMeta = {
  name: 'UOM', app: 'erpnext', autoname: 'field:uom_name', perms: perms.item,
  fields: [f.check('enabled', 1), f.data('uom_name', { reqd: true, label: 'UOM Name' }), f.check('must_be_whole_number')],
};

export const priceList: DocTypeMeta = {
  name: 'Price List', app: 'erpnext', autoname: 'field:price_list_name', perms: perms.priceList,
  fields: [
    f.check('enabled', 1), f.data('price_list_name', { reqd: true, label: 'Price List Name' }),
    f.link('currency', 'Currency', { reqd: true, label: 'Currency' }), f.check('buying'), f.check('selling'),
    f.check('price_not_uom_dependent'),
  ],
  controller: {
    validate(doc) {
      if (!cint(doc.buying) && !cint(doc.selling)) erpnextThrow('Price List must be applicable for Buying or Selling');
    },
    // price_list.py set_default_if_missing: the first selling list becomes Selling Settings' default
    onUpdate(doc) {
      if (!cint(doc.selling)) return;
      const settings = ctx().store.get('Selling Settings', 'Selling Settings');
      if (settings && !settings.selling_price_list) {
        ctx().store.put({ ...settings, selling_price_list: doc.name });
        setGlobalDefault('selling_price_list', doc.name);
      }
    },
  },
};

export const fiscalYearCompany: DocTypeMeta = {
  name: 'Fiscal Year Company', app: 'erpnext', istable: true, perms: [], fields: [f.link('company', 'Company', { label: 'Company' })],
};

export const fiscalYear: DocTypeMeta = {
  name: 'Fiscal Year', app: 'erpnext', autoname: 'field:year', perms: perms.fiscalYear,
  fields: [
    f.data('year', { reqd: true, label: 'Year Name' }), f.check('disabled'), f.check('is_short_year'),
    f.date('year_start_date', { reqd: true, setOnlyOnce: true, label: 'Year Start Date' }),
    f.date('year_end_date', { reqd: true, setOnlyOnce: true, label: 'Year End Date' }), f.check('auto_created'),
    f.table('companies', 'Fiscal Year Company', { label: 'Companies' }),
  ],
  controller: { validate: validateFiscalYear },
};

function addYear(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function validateFiscalYear(doc: Doc): void {
  const start = cstr(doc.year_start_date);
  const end = cstr(doc.year_end_date);
  if (start && end && start > end) frappeThrow(`${bold('Year End Date')} must be after ${bold('Year Start Date')}`, 'InvalidDates');
  if (start && end && !cint(doc.is_short_year) && addYear(start) !== end) {
    erpnextThrow('Fiscal Year End Date should be one year after Fiscal Year Start Date', 'InvalidDates');
  }
  const companies = ((doc.companies as Doc[]) ?? []).map((r) => r.company);
  for (const other of ctx().store.all('Fiscal Year')) {
    if (other.name === doc.name) continue;
    const [os, oe] = [cstr(other.year_start_date), cstr(other.year_end_date)];
    const overlaps = (start >= os && start <= oe) || (end >= os && end <= oe) || (os >= start && os <= end) || (oe >= start && oe <= end);
    if (!overlaps) continue;
    const theirs = ((other.companies as Doc[]) ?? []).map((r) => r.company);
    if (!companies.length || !theirs.length || companies.some((c) => theirs.includes(c))) {
      erpnextThrow(`Year start date or end date is overlapping with ${other.name}. To avoid please set company`, 'NameError');
    }
  }
}
