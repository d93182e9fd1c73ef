import { ctx } from '../core/context';
import { erpnextThrow, frappeThrow } from '../core/errors';
import type { DocTypeMeta } from '../core/meta';
import { f } from '../core/meta';
import type { Doc } from '../core/store';
import { bold, cint, cstr } from '../core/util';
import { perms } from './roles';

// erpnext/stock/doctype/item_price/item_price.py: hash-named, details copied from Price List and Item,
// duplicate rule over (item, price list, uom, valid_from, valid_upto, customer, supplier, batch, packing unit).

export const itemPrice: DocTypeMeta = {
  name: 'Item Price', app: 'erpnext', autoname: 'hash', perms: perms.priceList,
  fields: [
    f.link('item_code', 'Item', { reqd: true, label: 'Item Code' }), f.link('uom', 'UOM', { label: 'UOM' }), f.int('packing_unit'),
    f.data('item_name'), f.data('brand'), f.text('item_description'), f.link('price_list', 'Price List', { reqd: true, label: 'Price List' }),
    f.link('customer', 'Customer', { label: 'Customer' }), f.data('supplier'), f.data('batch_no'), f.check('buying'), f.check('selling'),
    f.link('currency', 'Currency'), f.currency('price_list_rate', { reqd: true, label: 'Rate' }),
    f.date('valid_from', { default: 'Today', label: 'Valid From' }), f.int('lead_time_days'), f.date('valid_upto', { label: 'Valid Upto' }),
    f.text('note'), f.data('reference'),
  ],
  controller: {
    validate(doc) {
      const item = ctx().store.get('Item', cstr(doc.item_code));
      if (!item) erpnextThrow(`Item ${doc.item_code} not found.`);
      if (cint(item.has_variants)) erpnextThrow(`Item Price cannot be created for the template item ${bold(item.name)}`);
      if (doc.valid_from && doc.valid_upto && cstr(doc.valid_upto) < cstr(doc.valid_from)) {
        frappeThrow(`${bold('Valid Upto')} must be after ${bold('Valid From')}`, 'InvalidDates');
      }
      const list = ctx().store.get('Price List', cstr(doc.price_list));
      if (!list || !cint(list.enabled)) {
        erpnextThrow(`The price list <a href="/app/price-list/${doc.price_list}">${doc.price_list}</a> does not exist or is disabled`);
      }
      Object.assign(doc, { buying: list.buying, selling: list.selling, currency: list.currency });
      Object.assign(doc, { item_name: item.item_name, item_description: item.description, brand: item.brand ?? null });
      if (!doc.uom) doc.uom = item.stock_uom;
      checkDuplicates(doc);
    },
  },
};

function checkDuplicates(doc: Doc): void {
  const same = (a: unknown, b: unknown) => cstr(a) === cstr(b);
  const clash = ctx().store.all('Item Price').some((p) =>
    p.name !== doc.name && same(p.item_code, doc.item_code) && same(p.price_list, doc.price_list) &&
    ['uom', 'valid_from', 'valid_upto', 'customer', 'supplier', 'batch_no'].every((k) => same(p[k], doc[k])) &&
    cint(p.packing_unit) === cint(doc.packing_unit));
  if (clash) {
    erpnextThrow('Item Price appears multiple times based on Price List, Supplier/Customer, Currency, Item, Batch, UOM, Qty, and Dates.', 'ItemPriceDuplicateItem');
  }
}
