import { ctx } from '../core/context';
import { erpnextThrow, frappeThrow } from '../core/errors';
import type { DocTypeMeta } from '../core/meta';
import { f } from '../core/meta';
import { selectDocs } from '../core/query';
import type { Doc } from '../core/store';
import { bold, cint, cstr, flt } from '../core/util';
import { validateFiscalYear } from './stockEntry';
import { findBin } from './stockLedger';

// erpnext/accounts/doctype/pos_invoice/pos_invoice.py (v15): a POS Invoice books no stock ledger and no
// GL by itself — POS Closing Entry consolidates it into a Sales Invoice. Its stock effect is the
// reservation get_pos_reserved_qty counts: submitted, unconsolidated POS Invoice Items lower what
// get_stock_availability reports for their item and warehouse.

const child = (name: string, fields: DocTypeMeta['fields']): DocTypeMeta => ({ name, app: 'erpnext', istable: true, perms: [], fields });

export const posInvoiceChildren: DocTypeMeta[] = [
  child('POS Invoice Item', [
    f.link('item_code', 'Item', { reqd: true, label: 'Item Code' }), f.data('item_name'), f.float('qty', { reqd: true, label: 'Quantity' }),
    f.link('uom', 'UOM'), f.link('stock_uom', 'UOM'), f.float('conversion_factor'), f.float('stock_qty'), f.currency('price_list_rate'),
    f.currency('rate', { label: 'Rate' }), f.currency('amount', { label: 'Amount' }), f.link('warehouse', 'Warehouse', { label: 'Warehouse' }),
    f.link('income_account', 'Account', { label: 'Income Account' }), f.link('cost_center', 'Cost Center', { label: 'Cost Center' }),
  ]),
  child('Sales Invoice Payment', [
    f.check('default'), f.link('mode_of_payment', 'Mode of Payment', { reqd: true, label: 'Mode of Payment' }),
    f.currency('amount', { label: 'Amount' }), f.link('account', 'Account', { label: 'Account' }), f.data('type'), f.currency('base_amount'),
  ]),
];

const STATUSES = ['', 'Draft', 'Return', 'Credit Note Issued', 'Consolidated', 'Submitted', 'Paid', 'Unpaid', 'Unpaid and Discounted', 'Overdue and Discounted', 'Overdue', 'Cancelled'];

export const posInvoice: DocTypeMeta = {
  name: 'POS Invoice', app: 'erpnext', autoname: 'naming_series:', isSubmittable: true,
  // pos_invoice.json: Accounts Manager everything; Accounts User creates and submits, never cancels or deletes
  perms: [
    { role: 'Accounts Manager', read: true, write: true, create: true, delete: true, submit: true, cancel: true },
    { role: 'Accounts User', read: true, write: true, create: true, submit: true },
  ],
  fields: [
    f.select('naming_series', ['ACC-PSINV-.YYYY.-'], { label: 'Series' }), f.link('customer', 'Customer', { label: 'Customer' }),
    f.data('customer_name'), f.link('pos_profile', 'POS Profile', { label: 'POS Profile' }), f.check('is_pos', 1, { label: 'Include Payment' }),
    f.check('is_return'), f.link('return_against', 'POS Invoice'), f.check('update_stock', 1), f.link('company', 'Company', { reqd: true, label: 'Company' }),
    f.date('posting_date', { reqd: true, default: 'Today', label: 'Date' }), f.time('posting_time'), f.check('set_posting_time'),
    f.date('due_date'), f.link('currency', 'Currency', { reqd: true, label: 'Currency' }), f.link('selling_price_list', 'Price List', { label: 'Price List' }),
    f.link('set_warehouse', 'Warehouse', { label: 'Source Warehouse' }), f.float('total_qty'), f.currency('total'), f.currency('net_total'),
    f.currency('grand_total'), f.currency('rounding_adjustment'), f.currency('rounded_total'), f.currency('paid_amount'),
    f.currency('base_paid_amount'), f.currency('change_amount'), f.link('account_for_change_amount', 'Account', { label: 'Account for Change Amount' }),
    f.currency('write_off_amount'), f.currency('outstanding_amount'),
    f.select('status', STATUSES, { readOnly: true, allowOnSubmit: true, label: 'Status' }),
    f.link('consolidated_invoice', 'POS Invoice', { readOnly: true, allowOnSubmit: true, label: 'Consolidated Sales Invoice' }),
    f.link('amended_from', 'POS Invoice', { readOnly: true, label: 'Amended From' }),
    f.table('items', 'POS Invoice Item', { reqd: true, label: 'Items' }), f.table('payments', 'Sales Invoice Payment', { label: 'Sales Invoice Payment' }),
  ],
  controller: {
    validate(doc) {
      if (!doc.customer) frappeThrow('Please select Customer first');
      if (!cint(doc.is_pos)) frappeThrow(`POS Invoice should have the field ${bold('Include Payment')} checked.`);
      setMissingValues(doc);
      validateFiscalYear(cstr(doc.posting_date), cstr(doc.company));
      calculateTotals(doc);
      validatePosOpeningEntry(doc);
      if (!(doc.payments as Doc[]).length) frappeThrow('At least one mode of payment is required for POS invoice.');
      if (flt(doc.change_amount) && !doc.account_for_change_amount) frappeThrow('Please enter Account for Change Amount');
      validateStockAvailability(doc);
      validatePayments(doc);
      const profileCompany = ctx().store.get('POS Profile', cstr(doc.pos_profile))?.company;
      if (doc.company !== profileCompany) erpnextThrow(`Company ${doc.company} does not match with POS Profile Company ${profileCompany ?? 'None'}`);
      validateFullPayment(doc);
      doc.status = cint(doc.docstatus) === 1 ? paidStatus(doc) : 'Draft';
    },
    onSubmit(doc) {
      doc.status = paidStatus(doc);
    },
    onCancel(doc) {
      doc.__ignoreLinkedDoctypes = ['Payment Ledger Entry', 'Serial and Batch Bundle'];
      doc.status = 'Cancelled';
    },
  },
};

/** set_pos_fields(for_validate=True): warehouse, accounts and the change account come from the profile. */
function setMissingValues(doc: Doc): void {
  const profile = ctx().store.get('POS Profile', cstr(doc.pos_profile));
  const company = ctx().store.get('Company', cstr(doc.company));
  doc.account_for_change_amount ||= profile?.account_for_change_amount || company?.default_cash_account || null;
  doc.set_warehouse ||= profile?.warehouse ?? null;
  doc.customer_name ||= ctx().store.get('Customer', cstr(doc.customer))?.customer_name ?? null;
  doc.due_date ||= doc.posting_date;
  for (const row of doc.items as Doc[]) {
    const item = ctx().store.get('Item', cstr(row.item_code));
    row.warehouse ||= doc.set_warehouse;
    row.item_name ||= item?.item_name ?? null;
    row.stock_uom ||= item?.stock_uom ?? null;
    row.uom ||= row.stock_uom;
    row.income_account ||= profile?.income_account || company?.default_income_account || null;
    row.cost_center ||= profile?.cost_center || company?.cost_center || null;
  }
  for (const p of doc.payments as Doc[]) {
    const mop = ctx().store.get('Mode of Payment', cstr(p.mode_of_payment));
    p.type ||= mop?.type ?? null;
    p.account ||= ((mop?.accounts as Doc[] | undefined) ?? []).find((r) => r.company === doc.company)?.default_account ?? null;
  }
}

function calculateTotals(doc: Doc): void {
  let qty = 0;
  let total = 0;
  for (const row of doc.items as Doc[]) {
    row.conversion_factor = flt(row.conversion_factor) || 1;
    row.stock_qty = flt(row.qty) * flt(row.conversion_factor);
    row.amount = flt(row.qty) * flt(row.rate);
    qty += flt(row.qty);
    total += flt(row.amount);
  }
  doc.total_qty = qty;
  doc.total = doc.net_total = doc.grand_total = total;
  doc.rounded_total = Math.round(total * 100) / 100;
  doc.rounding_adjustment = flt(doc.rounded_total) - total;
  doc.paid_amount = (doc.payments as Doc[]).reduce((sum, p) => sum + flt(p.amount), 0);
  doc.base_paid_amount = doc.paid_amount;
  const invoiceTotal = flt(doc.rounded_total) || flt(doc.grand_total);
  // validate_change_amount: overpayment is change
  if (!flt(doc.change_amount) && invoiceTotal < flt(doc.paid_amount)) doc.change_amount = flt(doc.paid_amount) - invoiceTotal + flt(doc.write_off_amount);
  doc.outstanding_amount = Math.max(0, invoiceTotal - flt(doc.paid_amount) + flt(doc.change_amount) - flt(doc.write_off_amount));
}

/** validate_pos_opening_entry: frappe.get_list (the caller's read permission applies) of Open entries of the profile. */
function validatePosOpeningEntry(doc: Doc): void {
  const open = selectDocs('POS Opening Entry', { filters: { pos_profile: doc.pos_profile, status: 'Open', docstatus: 1 } });
  if (!open.length) {
    erpnextThrow(`No open POS Opening Entry found for POS Profile ${bold(cstr(doc.pos_profile))}.`, 'ValidationError', { title: 'POS Opening Entry Missing' });
  }
}

/** get_pos_reserved_qty: stock_qty of submitted, unconsolidated POS Invoice Items for this item and warehouse. */
export function posReservedQty(itemCode: string, warehouse: string): number {
  return ctx().store.all('POS Invoice')
    .filter((inv) => cint(inv.docstatus) === 1 && !inv.consolidated_invoice)
    .flatMap((inv) => inv.items as Doc[])
    .filter((r) => r.item_code === itemCode && r.warehouse === warehouse)
    .reduce((sum, r) => sum + flt(r.stock_qty), 0);
}

/** get_stock_availability: Bin actual_qty less the POS reservation; a non-stock item has none. */
export function stockAvailability(itemCode: string, warehouse: string): [number, boolean, boolean] {
  const item = ctx().store.get('Item', itemCode);
  const negativeAllowed = !!cint(ctx().store.get('Stock Settings', 'Stock Settings')?.allow_negative_stock) || !!cint(item?.allow_negative_stock);
  if (!cint(item?.is_stock_item)) return [0, false, false];
  return [flt(findBin(itemCode, warehouse)?.actual_qty) - posReservedQty(itemCode, warehouse), true, negativeAllowed];
}

/** validate_stock_availablility: on submit (or on save when the profile validates stock on save). */
function validateStockAvailability(doc: Doc): void {
  if (cint(doc.is_return)) return;
  const onSave = cint(ctx().store.get('POS Profile', cstr(doc.pos_profile))?.validate_stock_on_save);
  if (cint(doc.docstatus) === 0 && !onSave) return;
  for (const row of doc.items as Doc[]) {
    const [available, isStockItem, negativeAllowed] = stockAvailability(cstr(row.item_code), cstr(row.warehouse));
    if (negativeAllowed || !isStockItem) continue;
    const [item, warehouse] = [bold(cstr(row.item_code)), bold(cstr(row.warehouse))];
    if (available <= 0) {
      erpnextThrow(`Row #${row.idx}: Item Code: ${item} is not available under warehouse ${warehouse}.`, 'ValidationError', { title: 'Item Unavailable' });
    }
    if (available < flt(row.stock_qty)) {
      erpnextThrow(`Row #${row.idx}: Stock quantity not enough for Item Code: ${item} under warehouse ${warehouse}.`, 'ValidationError', { title: 'Item Unavailable' });
    }
  }
}

function validatePayments(doc: Doc): void {
  for (const p of doc.payments as Doc[]) {
    if (!cint(doc.is_return) && flt(p.amount) < 0) erpnextThrow(`Row #${p.idx} (Payment Table): Amount must be positive`);
  }
}

/** validate_full_payment: a submitted invoice is paid in full unless the profile allows partial payment. */
function validateFullPayment(doc: Doc): void {
  const invoiceTotal = flt(doc.rounded_total) || flt(doc.grand_total);
  const partialAllowed = cint(ctx().store.get('POS Profile', cstr(doc.pos_profile))?.allow_partial_payment);
  if (cint(doc.docstatus) === 1 && !partialAllowed && flt(doc.paid_amount) < invoiceTotal) {
    erpnextThrow('Partial Payment in POS Invoice is not allowed.', 'PartialPaymentValidationError');
  }
}

/** set_status for a submitted invoice: Paid when nothing is outstanding, else Unpaid / Overdue by due date. */
function paidStatus(doc: Doc): string {
  if (doc.consolidated_invoice) return 'Consolidated';
  if (flt(doc.outstanding_amount) > 0) return cstr(doc.due_date) < ctx().today() ? 'Overdue' : 'Unpaid';
  return cint(doc.is_return) ? 'Return' : 'Paid';
}
