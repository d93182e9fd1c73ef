import { ctx } from '../core/context';
import { erpnextThrow } from '../core/errors';
import type { DocTypeMeta } from '../core/meta';
import { f } from '../core/meta';
import type { Doc } from '../core/store';
import { cstr } from '../core/util';
import { perms } from './roles';

// erpnext/accounts/doctype/pos_closing_entry/pos_closing_entry.py (v15): the cashier's end of day. validate
// refuses an opening entry that is not Open; on submit consolidate_pos_invoices merges the shift's POS
// Invoices into a Sales Invoice, then update_opening_entry links the closing on the opening entry, whose
// status becomes Closed. The merge is not modelled here: a closing that lists invoices is refused.

const child = (name: string, fields: DocTypeMeta['fields']): DocTypeMeta => ({ name, app: 'erpnext', istable: true, perms: [], fields });

export const posClosingEntryChildren: DocTypeMeta[] = [
  child('POS Invoice Reference', [f.link('pos_invoice', 'POS Invoice', { reqd: true, label: 'POS Invoice' }), f.date('posting_date'), f.currency('grand_total'), f.link('customer', 'Customer')]),
  child('POS Closing Entry Detail', [
    f.link('mode_of_payment', 'Mode of Payment', { reqd: true, label: 'Mode of Payment' }), f.currency('opening_amount'), f.currency('expected_amount'),
    f.currency('closing_amount', { reqd: true, label: 'Closing Amount' }), f.currency('difference'),
  ]),
];

export const posClosingEntry: DocTypeMeta = {
  name: 'POS Closing Entry', app: 'erpnext', autoname: 'POS-CLO-.YYYY.-.#####', isSubmittable: true, perms: perms.posOpening,
  fields: [
    f.datetime('period_start_date', { reqd: true, label: 'Period Start Date' }), f.datetime('period_end_date', { reqd: true, label: 'Period End Date' }),
    f.date('posting_date', { reqd: true, default: 'Today', label: 'Posting Date' }),
    f.link('pos_opening_entry', 'POS Opening Entry', { reqd: true, label: 'POS Opening Entry' }),
    f.link('company', 'Company', { reqd: true, label: 'Company' }), f.link('pos_profile', 'POS Profile', { reqd: true, label: 'POS Profile' }),
    f.link('user', 'User', { reqd: true, label: 'Cashier' }),
    f.select('status', ['Draft', 'Submitted', 'Queued', 'Failed', 'Cancelled'], { default: 'Draft', readOnly: true, label: 'Status' }),
    f.link('amended_from', 'POS Closing Entry', { readOnly: true, label: 'Amended From' }),
    f.table('pos_transactions', 'POS Invoice Reference', { label: 'POS Transactions' }),
    f.table('payment_reconciliation', 'POS Closing Entry Detail', { label: 'Payment Reconciliation' }),
  ],
  controller: {
    validate(doc) {
      if (ctx().store.get('POS Opening Entry', cstr(doc.pos_opening_entry))?.status !== 'Open') erpnextThrow('Selected POS Opening Entry should be open.', 'ValidationError', { title: 'Invalid Opening Entry' });
      if ((doc.pos_transactions as Doc[]).length) erpnextThrow('The sandbox does not consolidate POS Invoices: close a session without invoices.');
    },
    onSubmit(doc) {
      doc.status = 'Submitted';
      linkOnOpening(doc, cstr(doc.name));
    },
    onCancel(doc) {
      doc.status = 'Cancelled';
      linkOnOpening(doc, null);
    },
  },
};

/** update_opening_entry: the opening entry points at its closing, and its status follows (Closed, or Open again). */
function linkOnOpening(doc: Doc, closing: string | null): void {
  const opening = ctx().store.get('POS Opening Entry', cstr(doc.pos_opening_entry));
  if (!opening) return;
  ctx().store.put({ ...opening, pos_closing_entry: closing, status: closing ? 'Closed' : 'Open', modified: ctx().timestamp() });
}
