import { ctx } from '../core/context';
import { getDefaults, getGlobalDefault } from '../core/defaults';
import { deleteDoc } from '../core/delete';
import { insertDoc } from '../core/document';
import { erpnextThrow, frappeThrow } from '../core/errors';
import type { DocTypeMeta } from '../core/meta';
import { f } from '../core/meta';
import { makeAutoname } from '../core/naming';
import type { Doc } from '../core/store';
import { cint, cstr, flt, stripHtml } from '../core/util';
import { perms } from './roles';
import { makeOpeningStockEntry } from './stockEntry';

// erpnext/stock/doctype/item/item.json + item.py (autoname, validate, after_insert add_price/set_opening_stock).

export const item: DocTypeMeta = {
  name: 'Item', app: 'erpnext', autoname: 'field:item_code', perms: perms.item,
  fields: [
    f.select('naming_series', ['STO-ITEM-.YYYY.-'], { label: 'Series' }), f.data('item_code', { reqd: true, label: 'Item Code' }),
    f.data('item_name', { label: 'Item Name' }), f.link('item_group', 'Item Group', { reqd: true, label: 'Item Group' }),
    f.link('stock_uom', 'UOM', { reqd: true, label: 'Default Unit of Measure' }), f.check('disabled'), f.check('allow_alternative_item'),
    f.check('is_stock_item', 1, { label: 'Maintain Stock' }), f.check('has_variants'), f.float('opening_stock'),
    f.currency('valuation_rate'), f.currency('standard_rate'), f.check('is_fixed_asset'), f.check('auto_create_assets'),
    f.check('is_grouped_asset'), f.float('over_delivery_receipt_allowance'), f.float('over_billing_allowance'),
    f.text('description'), f.int('shelf_life_in_days'), f.date('end_of_life', { default: '2099-12-31' }),
    f.select('default_material_request_type', ['Purchase', 'Material Transfer', 'Material Issue', 'Manufacture', 'Customer Provided'], { default: 'Purchase' }),
    f.select('valuation_method', ['', 'FIFO', 'Moving Average', 'LIFO']), f.float('weight_per_unit'), f.check('allow_negative_stock'),
    f.check('has_batch_no'), f.check('create_new_batch'), f.check('has_expiry_date'), f.check('retain_sample'), f.int('sample_quantity'),
    f.check('has_serial_no'), f.link('variant_of', 'Item'), f.select('variant_based_on', ['Item Attribute', 'Manufacturer']),
    f.check('enable_deferred_expense'), f.int('no_of_months_exp'), f.check('enable_deferred_revenue'), f.int('no_of_months'),
    f.float('min_order_qty'), f.float('safety_stock'), f.check('is_purchase_item', 1), f.int('lead_time_days'),
    f.float('last_purchase_rate'), f.check('is_customer_provided_item'), f.check('delivered_by_supplier'), f.check('grant_commission', 1),
    f.check('is_sales_item', 1), f.float('max_discount'), f.check('inspection_required_before_purchase'),
    f.check('inspection_required_before_delivery'), f.check('include_item_in_manufacturing', 1), f.check('is_sub_contracted_item'),
    f.text('customer_code', { default: '' }), f.float('total_projected_qty'),
    f.table('customer_items', 'Item Customer Detail'), f.table('item_defaults', 'Item Default'),
    f.table('attributes', 'Item Variant Attribute'), f.table('uoms', 'UOM Conversion Detail'), f.table('taxes', 'Item Tax'),
    f.table('barcodes', 'Item Barcode'), f.table('reorder_levels', 'Item Reorder'), f.table('supplier_items', 'Item Supplier'),
  ],
  controller: {
    autoname(doc) {
      if (getGlobalDefault('item_naming_by') === 'Naming Series') {
        doc.name = makeAutoname(cstr(doc.naming_series) || 'STO-ITEM-.YYYY.-', doc);
        doc.item_code = doc.name;
      }
      doc.item_code = cstr(doc.item_code).trim();
      doc.name = cstr(doc.item_code);
    },
    validate(doc) {
      if (!doc.item_name) doc.item_name = doc.item_code;
      if (!stripHtml(cstr(doc.description)).trim()) doc.description = doc.item_name;
      if (cint(doc.is_fixed_asset) && cint(doc.is_stock_item)) erpnextThrow('Fixed Asset Item must be a non-stock item.');
      addDefaultUom(doc);
      validateBarcodes(doc);
      updateDefaultsFromItemGroup(doc);
      validateItemDefaults(doc);
    },
    afterInsert(doc) {
      if (flt(doc.standard_rate)) {
        const defaults = (doc.item_defaults as Doc[]).length ? (doc.item_defaults as Doc[]) : [{} as Doc];
        for (const d of defaults) addPrice(doc, cstr(d.default_price_list));
      }
      if (flt(doc.opening_stock)) setOpeningStock(doc);
    },
    // item.py on_trash: its Bins and Item Prices go with it (raw SQL), then its variants are deleted
    onTrash(doc) {
      const store = ctx().store;
      for (const doctype of ['Bin', 'Item Price']) for (const d of store.all(doctype)) if (d.item_code === doc.name) store.remove(doctype, d.name);
      for (const variant of store.all('Item').filter((i) => i.variant_of === doc.name)) deleteDoc('Item', variant.name);
    },
  },
};

function addDefaultUom(doc: Doc): void {
  const rows = doc.uoms as Doc[];
  if (doc.stock_uom && !rows.some((r) => r.uom === doc.stock_uom)) {
    rows.push({ doctype: 'UOM Conversion Detail', name: ctx().hash(), uom: doc.stock_uom, conversion_factor: 1, idx: rows.length + 1,
      parent: doc.name, parentfield: 'uoms', parenttype: 'Item', docstatus: 0, owner: doc.owner, creation: ctx().timestamp(), modified: doc.modified, modified_by: doc.modified_by } as Doc);
  }
}

/** item.py validate_barcode: EAN checksum (InvalidBarcode) and barcodes unique across items. */
function validateBarcodes(doc: Doc): void {
  for (const row of doc.barcodes as Doc[]) {
    const code = cstr(row.barcode);
    const type = cstr(row.barcode_type).toUpperCase();
    if ((type === 'EAN' || type === 'EAN-13' || type === 'EAN-8') && !validEan(code)) {
      erpnextThrow(`Barcode ${code} is not a valid ${row.barcode_type} code`, 'InvalidBarcode');
    }
    const other = ctx().store.all('Item').find((i) => i.name !== doc.name && (i.barcodes as Doc[]).some((b) => b.barcode === code));
    if (other) erpnextThrow(`Barcode ${code} already used in Item ${other.name}`, 'DuplicateEntryError');
  }
}

function validEan(code: string): boolean {
  if (!/^\d{8}$|^\d{12,13}$/.test(code)) return false;
  const digits = code.split('').map(Number);
  const check = digits.pop() as number;
  const sum = digits.reverse().reduce((acc, d, i) => acc + d * (i % 2 === 0 ? 3 : 1), 0);
  return (10 - (sum % 10)) % 10 === check;
}

/** update_defaults_from_item_group: no item_defaults → a row for the site default company with Stock Settings' warehouse. */
function updateDefaultsFromItemGroup(doc: Doc): void {
  if ((doc.item_defaults as Doc[]).length) return;
  const d = getDefaults();
  if (d.default_warehouse && d.company && ctx().store.get('Warehouse', d.default_warehouse)?.company === d.company) {
    (doc.item_defaults as Doc[]).push({ doctype: 'Item Default', name: ctx().hash(), idx: 1, company: d.company, default_warehouse: d.default_warehouse,
      parent: doc.name, parentfield: 'item_defaults', parenttype: 'Item', docstatus: 0, owner: doc.owner, creation: doc.creation, modified: doc.modified, modified_by: doc.modified_by } as Doc);
  }
}

function validateItemDefaults(doc: Doc): void {
  const rows = doc.item_defaults as Doc[];
  const companies = rows.map((r) => r.company);
  if (new Set(companies).size !== companies.length) erpnextThrow('Cannot set multiple Item Defaults for a company.');
  const checks: [string, string, string][] = [
    ['default_warehouse', 'Warehouse', 'Default Warehouse'], ['buying_cost_center', 'Cost Center', 'Default Buying Cost Center'],
    ['selling_cost_center', 'Cost Center', 'Default Selling Cost Center'], ['expense_account', 'Account', 'Default Expense Account'],
    ['income_account', 'Account', 'Default Income Account'],
  ];
  for (const row of rows) {
    for (const [field, doctype, label] of checks) {
      const linked = row[field] ? ctx().store.get(doctype, cstr(row[field])) : null;
      if (linked && linked.company !== row.company) {
        frappeThrow(`Row #${row.idx}: ${label} ${linked.name} doesn't belong to Company ${row.company}. Please select valid ${label}.`, 'ValidationError', { title: 'Invalid Item Defaults', fromErpnext: true });
      }
    }
  }
}

function addPrice(doc: Doc, priceList: string): void {
  const list = priceList || cstr(ctx().store.get('Selling Settings', 'Selling Settings')?.selling_price_list) ||
    (ctx().store.exists('Price List', 'Standard Selling') ? 'Standard Selling' : '');
  if (!list) return;
  insertDoc('Item Price', {
    price_list: list, item_code: doc.name, uom: doc.stock_uom, currency: getGlobalDefault('currency'), price_list_rate: doc.standard_rate,
  });
}

function setOpeningStock(doc: Doc): void {
  if (!cint(doc.is_stock_item) || cint(doc.has_serial_no) || cint(doc.has_batch_no)) return;
  if (!flt(doc.valuation_rate) && !flt(doc.standard_rate) && !cint(doc.is_customer_provided_item)) {
    erpnextThrow('Valuation Rate is mandatory if Opening Stock entered');
  }
  const defaults = (doc.item_defaults as Doc[]).length ? (doc.item_defaults as Doc[]) : [{ company: getDefaults().company } as unknown as Doc];
  const settingsWarehouse = cstr(ctx().store.get('Stock Settings', 'Stock Settings')?.default_warehouse);
  for (const d of defaults) {
    let warehouse = cstr(d.default_warehouse) || settingsWarehouse;
    if (!warehouse || ctx().store.get('Warehouse', warehouse)?.company !== d.company) {
      warehouse = ctx().store.all('Warehouse').find((w) => w.warehouse_name === 'Stores' && w.company === d.company)?.name ?? '';
    }
    if (warehouse) makeOpeningStockEntry(doc, warehouse, cstr(d.company), flt(doc.valuation_rate) || flt(doc.standard_rate));
  }
}
