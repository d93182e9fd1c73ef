import { ctx } from '../core/context';
import { insertDoc, saveDoc } from '../core/document';
import { erpnextThrow, frappeThrow } from '../core/errors';
import type { DocTypeMeta } from '../core/meta';
import { f } from '../core/meta';
import type { Doc } from '../core/store';
import { cint, cstr, flt } from '../core/util';
import { perms } from './roles';
import { cancelStockLedger, postStockMove } from './stockLedger';

// erpnext/stock/doctype/stock_entry/stock_entry.py: validate_purpose, validate_item, validate_warehouse,
// calculate_rate_and_amount, on_submit update_stock_ledger, on_cancel (ledger reversed). The sandbox books
// Material Receipt (what a shop's first day needs: opening stock, a delivery); other purposes are refused.

const PURPOSES = [
  'Material Issue', 'Material Receipt', 'Material Transfer', 'Material Transfer for Manufacture', 'Material Consumption for Manufacture',
  'Manufacture', 'Repack', 'Send to Subcontractor', 'Disassemble',
];
const TARGET_MANDATORY = ['Material Receipt', 'Material Transfer', 'Send to Subcontractor', 'Material Transfer for Manufacture'];

export const stockEntryDetail: DocTypeMeta = {
  name: 'Stock Entry Detail', app: 'erpnext', istable: true, perms: [],
  fields: [
    f.link('s_warehouse', 'Warehouse', { label: 'Source Warehouse' }), f.link('t_warehouse', 'Warehouse', { label: 'Target Warehouse' }),
    f.link('item_code', 'Item', { reqd: true, label: 'Item Code' }), f.data('item_name'), f.float('qty', { reqd: true, label: 'Qty' }),
    f.currency('basic_rate', { label: 'Basic Rate (as per Stock UOM)' }), f.currency('basic_amount'), f.currency('valuation_rate'),
    f.currency('amount'), f.link('uom', 'UOM'), f.link('stock_uom', 'UOM'), f.float('conversion_factor'), f.float('transfer_qty'),
    f.check('allow_zero_valuation_rate'),
  ],
};

export const stockEntry: DocTypeMeta = {
  name: 'Stock Entry', app: 'erpnext', autoname: 'naming_series:', isSubmittable: true, perms: perms.stockEntry,
  fields: [
    f.select('naming_series', ['MAT-STE-.YYYY.-'], { label: 'Series' }), f.data('stock_entry_type', { label: 'Stock Entry Type' }),
    f.select('purpose', PURPOSES, { label: 'Purpose' }), f.link('company', 'Company', { reqd: true, label: 'Company' }),
    f.date('posting_date', { default: 'Today', label: 'Posting Date' }), f.time('posting_time', { label: 'Posting Time' }),
    f.check('set_posting_time'), f.link('from_warehouse', 'Warehouse', { label: 'Default Source Warehouse' }),
    f.link('to_warehouse', 'Warehouse', { label: 'Default Target Warehouse' }), f.currency('total_outgoing_value'),
    f.currency('total_incoming_value'), f.currency('value_difference'), f.currency('total_amount'), f.text('remarks'),
    f.link('amended_from', 'Stock Entry', { readOnly: true, label: 'Amended From' }),
    f.table('items', 'Stock Entry Detail', { reqd: true, label: 'Items' }),
  ],
  controller: {
    validate(doc) {
      if (!doc.purpose && PURPOSES.includes(cstr(doc.stock_entry_type))) doc.purpose = doc.stock_entry_type;
      if (!doc.posting_time) doc.posting_time = ctx().timestamp().slice(11, 19);
      validateFiscalYear(cstr(doc.posting_date), cstr(doc.company));
      if (!PURPOSES.includes(cstr(doc.purpose))) frappeThrow(`Purpose must be one of ${PURPOSES.map((p) => `'${p}'`).slice(0, -1).join(', ')} or '${PURPOSES.at(-1)}'`);
      if (doc.purpose !== 'Material Receipt') frappeThrow(`The sandbox books only Material Receipt stock entries, not ${cstr(doc.purpose)}`);
      validateItems(doc);
      validateWarehouses(doc);
      calculateRateAndAmount(doc);
    },
    onSubmit(doc) {
      for (const row of doc.items as Doc[]) {
        postStockMove({
          item_code: row.item_code, warehouse: row.t_warehouse, actual_qty: flt(row.transfer_qty), rate: flt(row.valuation_rate),
          voucher_type: 'Stock Entry', voucher_no: doc.name, voucher_detail_no: row.name, posting_date: doc.posting_date,
          posting_time: doc.posting_time, company: doc.company, stock_uom: row.stock_uom,
        });
      }
    },
    onCancel(doc) {
      // stock_entry.py on_cancel: these links do not block the cancel (check_no_back_links_exist)
      doc.__ignoreLinkedDoctypes = ['GL Entry', 'Stock Ledger Entry', 'Repost Item Valuation', 'Serial and Batch Bundle'];
      cancelStockLedger('Stock Entry', doc.name);
    },
  },
};

/** validate_item: every row is a stock item with a positive quantity. */
function validateItems(doc: Doc): void {
  for (const row of doc.items as Doc[]) {
    if (flt(row.qty) < 0) erpnextThrow(`Row ${row.idx}: The item <strong>${cstr(row.item_code)}</strong>, quantity must be positive number`);
    const item = ctx().store.get('Item', cstr(row.item_code));
    if (item && !cint(item.is_stock_item)) erpnextThrow(`${cstr(row.item_code)} is not a stock Item`);
    row.item_name ??= item?.item_name ?? null;
    row.stock_uom ??= item?.stock_uom ?? null;
    row.uom ??= row.stock_uom;
    row.conversion_factor = flt(row.conversion_factor) || 1;
    row.transfer_qty = flt(row.qty) * flt(row.conversion_factor);
  }
}

/** validate_warehouse (target mandatory for a receipt, source cleared) and validate_warehouse_company. */
function validateWarehouses(doc: Doc): void {
  const targetMandatory = TARGET_MANDATORY.includes(cstr(doc.purpose));
  for (const row of doc.items as Doc[]) {
    if (targetMandatory && cstr(doc.purpose) === 'Material Receipt') row.s_warehouse = null;
    if (!row.s_warehouse && !row.t_warehouse) row.t_warehouse = doc.to_warehouse ?? null;
    if (targetMandatory && !row.t_warehouse) erpnextThrow(`Target warehouse is mandatory for row ${row.idx}`);
    for (const field of ['s_warehouse', 't_warehouse']) {
      const warehouse = row[field] ? ctx().store.get('Warehouse', cstr(row[field])) : null;
      if (!warehouse) continue;
      if (cint(warehouse.is_group)) erpnextThrow('Group node warehouse is not allowed to select for transactions');
      if (warehouse.company && warehouse.company !== doc.company) {
        erpnextThrow(`Warehouse ${warehouse.name} does not belong to company ${cstr(doc.company)}`, 'InvalidWarehouseCompany');
      }
    }
  }
}

function calculateRateAndAmount(doc: Doc): void {
  let incoming = 0;
  for (const row of doc.items as Doc[]) {
    row.basic_amount = flt(row.transfer_qty) * flt(row.basic_rate);
    row.valuation_rate = flt(row.basic_rate);
    row.amount = row.basic_amount;
    incoming += flt(row.amount);
  }
  doc.total_incoming_value = doc.total_amount = doc.value_difference = incoming;
  doc.total_outgoing_value = 0;
}

/** erpnext/accounts/utils.py get_fiscal_years: FiscalYearError when no active year covers the date. */
export function validateFiscalYear(date: string, company: string): void {
  const covered = ctx().store.all('Fiscal Year').some((fy) => !fy.disabled && cstr(fy.year_start_date) <= date && date <= cstr(fy.year_end_date) &&
    (!(fy.companies as Doc[]).length || (fy.companies as Doc[]).some((r) => r.company === company)));
  if (!covered) {
    const [y, m, d] = date.split('-');
    erpnextThrow(`Date ${m}-${d}-${y} is not in any active Fiscal Year for <strong>${company}</strong>`, 'FiscalYearError');
  }
}

/** item.py set_opening_stock → stock_entry_utils.make_stock_entry: a submitted Material Receipt. */
export function makeOpeningStockEntry(item: Doc, warehouse: string, company: string, rate: number): void {
  const entry = insertDoc('Stock Entry', {
    purpose: 'Material Receipt', stock_entry_type: 'Material Receipt', company, posting_date: ctx().today(),
    posting_time: ctx().timestamp().slice(11, 19), to_warehouse: warehouse,
    items: [{ item_code: item.name, t_warehouse: warehouse, qty: item.opening_stock, basic_rate: rate, uom: item.stock_uom, stock_uom: item.stock_uom, conversion_factor: 1 }],
  });
  saveDoc({ ...structuredClone(entry), docstatus: 1 }, entry);
}
