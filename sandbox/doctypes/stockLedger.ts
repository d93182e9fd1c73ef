import { ctx } from '../core/context';
import { insertDoc } from '../core/document';
import type { DocTypeMeta } from '../core/meta';
import { f } from '../core/meta';
import type { Doc } from '../core/store';
import { cstr, flt } from '../core/util';

// The stock a transaction leaves: Stock Ledger Entries (erpnext/stock/doctype/stock_ledger_entry) and
// the per item+warehouse Bin (erpnext/stock/doctype/bin, bin.json: hash-named, read-only rows) as
// erpnext/stock/stock_ledger.py make_sl_entries writes them. Valuation is a moving average of the
// incoming rates (ERPNext keeps a FIFO queue; for receipts at one rate both give the same numbers).

export const stockLedgerEntry: DocTypeMeta = {
  name: 'Stock Ledger Entry', app: 'erpnext', autoname: 'MAT-SLE-.YYYY.-.#####', isSubmittable: true,
  perms: [{ role: 'Stock User', read: true }, { role: 'Accounts Manager', read: true }],
  fields: [
    f.link('item_code', 'Item', { label: 'Item Code' }), f.link('warehouse', 'Warehouse', { label: 'Warehouse' }),
    f.date('posting_date', { label: 'Posting Date' }), f.time('posting_time', { label: 'Posting Time' }),
    f.data('voucher_type', { label: 'Voucher Type' }), f.dynamicLink('voucher_no', 'voucher_type', { label: 'Voucher No' }),
    f.data('voucher_detail_no'), f.float('actual_qty', { label: 'Qty Change' }), f.float('qty_after_transaction'),
    f.currency('incoming_rate'), f.currency('outgoing_rate'), f.currency('valuation_rate'), f.currency('stock_value'),
    f.currency('stock_value_difference'), f.link('company', 'Company', { label: 'Company' }), f.data('fiscal_year'),
    f.link('stock_uom', 'UOM'), f.check('is_cancelled'),
  ],
};

const binRead = ['Sales User', 'Purchase User', 'Stock User', 'Stock Manager', 'Purchase Manager', 'Sales Manager'].map((role) => ({ role, read: true }));

export const bin: DocTypeMeta = {
  name: 'Bin', app: 'erpnext', autoname: 'hash', perms: binRead,
  fields: [
    f.link('warehouse', 'Warehouse', { reqd: true, label: 'Warehouse' }), f.link('item_code', 'Item', { reqd: true, label: 'Item Code' }),
    f.float('reserved_qty'), f.float('actual_qty'), f.float('ordered_qty'), f.float('indented_qty'), f.float('planned_qty'),
    f.float('projected_qty'), f.float('reserved_qty_for_production'), f.float('reserved_qty_for_sub_contract'),
    f.link('stock_uom', 'UOM', { label: 'UOM' }), f.float('valuation_rate'), f.float('stock_value'),
  ],
};

const internal = { ignorePermissions: true, ignoreLinks: true };

export function findBin(itemCode: string, warehouse: string): Doc | null {
  return ctx().store.all('Bin').find((b) => b.item_code === itemCode && b.warehouse === warehouse) ?? null;
}

/** Bin.update_qty: actual and projected quantity, value and rate after the movement. */
function moveBin(itemCode: string, warehouse: string, qty: number, value: number, uom: unknown): { qty: number; value: number } {
  const current = findBin(itemCode, warehouse) ?? insertDoc('Bin', { item_code: itemCode, warehouse, stock_uom: uom }, internal);
  const actual = flt(current.actual_qty) + qty;
  const stockValue = actual ? flt(current.stock_value) + value : 0;
  const next = {
    ...current, actual_qty: actual, stock_value: stockValue, valuation_rate: actual ? stockValue / actual : flt(current.valuation_rate),
    projected_qty: actual + flt(current.ordered_qty) + flt(current.indented_qty) + flt(current.planned_qty) - flt(current.reserved_qty),
  };
  ctx().store.put(next);
  return { qty: actual, value: stockValue };
}

export interface StockMove {
  item_code: unknown; warehouse: unknown; actual_qty: number; rate: number; voucher_type: string; voucher_no: string;
  voucher_detail_no?: unknown; posting_date: unknown; posting_time: unknown; company: unknown; stock_uom?: unknown; is_cancelled?: number;
}

/** One ledger row and its Bin movement; an outgoing row leaves at the Bin's valuation rate. */
export function postStockMove(m: StockMove): Doc {
  const existing = findBin(cstr(m.item_code), cstr(m.warehouse));
  const rate = m.actual_qty >= 0 ? m.rate : flt(existing?.valuation_rate);
  const after = moveBin(cstr(m.item_code), cstr(m.warehouse), m.actual_qty, m.actual_qty * rate, m.stock_uom);
  return insertDoc('Stock Ledger Entry', {
    item_code: m.item_code, warehouse: m.warehouse, posting_date: m.posting_date, posting_time: m.posting_time,
    voucher_type: m.voucher_type, voucher_no: m.voucher_no, voucher_detail_no: m.voucher_detail_no ?? null,
    actual_qty: m.actual_qty, qty_after_transaction: after.qty, incoming_rate: m.actual_qty >= 0 ? rate : 0,
    outgoing_rate: m.actual_qty < 0 ? rate : 0, valuation_rate: after.qty ? after.value / after.qty : rate, stock_value: after.value,
    stock_value_difference: m.actual_qty * rate, company: m.company, stock_uom: m.stock_uom ?? null, is_cancelled: m.is_cancelled ?? 0,
    docstatus: 1,
  }, internal);
}

/**
 * make_sl_entries(cancel=True): the voucher's rows are marked is_cancelled = 1 (set_as_cancel) and a
 * reversing row, also flagged cancelled, is written for each; the Bin returns to where it was.
 */
export function cancelStockLedger(voucherType: string, voucherNo: string): void {
  const store = ctx().store;
  const rows = store.all('Stock Ledger Entry').filter((e) => e.voucher_type === voucherType && e.voucher_no === voucherNo && !flt(e.is_cancelled));
  for (const row of rows) store.put({ ...row, is_cancelled: 1 });
  for (const row of rows) {
    postStockMove({
      item_code: row.item_code, warehouse: row.warehouse, actual_qty: -flt(row.actual_qty), rate: flt(row.incoming_rate),
      voucher_type: voucherType, voucher_no: voucherNo, voucher_detail_no: row.voucher_detail_no, posting_date: row.posting_date,
      posting_time: row.posting_time, company: row.company, stock_uom: row.stock_uom, is_cancelled: 1,
    });
  }
}
