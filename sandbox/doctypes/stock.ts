import { ctx } from '../core/context';
import { insertDoc, saveDoc } from '../core/document';
import { erpnextThrow } from '../core/errors';
import type { DocTypeMeta } from '../core/meta';
import { f } from '../core/meta';
import type { Doc } from '../core/store';
import { cstr, flt } from '../core/util';
import { perms } from './roles';

// The opening stock an Item insert books (erpnext/stock/doctype/stock_entry/stock_entry_utils.py
// make_stock_entry): a submitted Material Receipt and its Stock Ledger Entry rows.

export const stockEntryDetail: DocTypeMeta = {
  name: 'Stock Entry Detail', app: 'erpnext', istable: true, perms: [],
  fields: [
    f.link('s_warehouse', 'Warehouse', { label: 'Source Warehouse' }), f.link('t_warehouse', 'Warehouse', { label: 'Target Warehouse' }),
    f.link('item_code', 'Item', { reqd: true, label: 'Item Code' }), f.float('qty', { reqd: true, label: 'Qty' }),
    f.currency('basic_rate'), f.currency('valuation_rate'), f.currency('amount'), f.link('uom', 'UOM'), f.link('stock_uom', 'UOM'),
    f.float('conversion_factor'), f.float('transfer_qty'),
  ],
};

export const stockEntry: DocTypeMeta = {
  name: 'Stock Entry', app: 'erpnext', autoname: 'naming_series:', isSubmittable: true, perms: perms.stockEntry,
  fields: [
    f.select('naming_series', ['MAT-STE-.YYYY.-']), f.data('stock_entry_type', { label: 'Stock Entry Type' }),
    f.select('purpose', ['Material Issue', 'Material Receipt', 'Material Transfer', 'Manufacture', 'Repack'], { label: 'Purpose' }),
    f.link('company', 'Company', { reqd: true, label: 'Company' }), f.date('posting_date', { default: 'Today', label: 'Posting Date' }),
    f.data('posting_time'), f.link('to_warehouse', 'Warehouse'), f.currency('total_incoming_value'), f.currency('value_difference'),
    f.table('items', 'Stock Entry Detail', { reqd: true, label: 'Items' }),
  ],
  controller: {
    validate(doc) {
      validateFiscalYear(cstr(doc.posting_date), cstr(doc.company));
      let total = 0;
      for (const row of doc.items as Doc[]) {
        row.transfer_qty = flt(row.qty) * (flt(row.conversion_factor) || 1);
        row.valuation_rate = flt(row.basic_rate);
        row.amount = flt(row.qty) * flt(row.basic_rate);
        total += flt(row.amount);
      }
      doc.total_incoming_value = doc.value_difference = total;
    },
    onSubmit(doc) {
      for (const row of doc.items as Doc[]) {
        const sle = {
          item_code: row.item_code, warehouse: row.t_warehouse, posting_date: doc.posting_date, posting_time: doc.posting_time,
          actual_qty: row.transfer_qty, qty_after_transaction: row.transfer_qty, valuation_rate: row.valuation_rate,
          stock_value: row.amount, voucher_type: 'Stock Entry', voucher_no: doc.name, company: doc.company, is_cancelled: 0,
        };
        insertDoc('Stock Ledger Entry', sle, { ignorePermissions: true });
      }
    },
  },
};

export const stockLedgerEntry: DocTypeMeta = {
  name: 'Stock Ledger Entry', app: 'erpnext', autoname: 'MAT-SLE-.YYYY.-.#####', perms: [{ role: 'Stock User', read: true }, { role: 'Accounts Manager', read: true }],
  fields: [
    f.link('item_code', 'Item'), f.link('warehouse', 'Warehouse'), f.date('posting_date'), f.data('posting_time'),
    f.float('actual_qty'), f.float('qty_after_transaction'), f.currency('valuation_rate'), f.currency('stock_value'),
    f.data('voucher_type'), f.data('voucher_no'), f.link('company', 'Company'), f.check('is_cancelled'),
  ],
};

/** erpnext/accounts/utils.py get_fiscal_years: FiscalYearError when no active year covers the date. */
export function validateFiscalYear(date: string, company: string): void {
  const covered = ctx().store.all('Fiscal Year').some((fy) => !fy.disabled && cstr(fy.year_start_date) <= date && date <= cstr(fy.year_end_date) &&
    (!(fy.companies as Doc[]).length || (fy.companies as Doc[]).some((r) => r.company === company)));
  if (!covered) {
    const [y, m, d] = date.split('-');
    erpnextThrow(`Date ${m}-${d}-${y} is not in any active Fiscal Year for <strong>${company}</strong>`, 'FiscalYearError');
  }
}

export function makeOpeningStockEntry(item: Doc, warehouse: string, company: string, rate: number): void {
  const entry = insertDoc('Stock Entry', {
    purpose: 'Material Receipt', stock_entry_type: 'Material Receipt', company, posting_date: ctx().today(),
    posting_time: ctx().timestamp().slice(11, 19), to_warehouse: warehouse,
    items: [{ item_code: item.name, t_warehouse: warehouse, qty: item.opening_stock, basic_rate: rate, uom: item.stock_uom, stock_uom: item.stock_uom, conversion_factor: 1 }],
  });
  saveDoc({ ...structuredClone(entry), docstatus: 1 }, entry);
}
