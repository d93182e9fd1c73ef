import { ctx } from '../core/context';
import { erpnextThrow } from '../core/errors';
import type { DocTypeMeta } from '../core/meta';
import { f } from '../core/meta';
import type { Doc } from '../core/store';
import { cint, cstr } from '../core/util';
import { checkModeAccounts } from './modeOfPayment';
import { perms } from './roles';

// erpnext/accounts/doctype/pos_opening_entry/pos_opening_entry.py (v15: no duplicate-open or
// profile-membership checks) and the status map of erpnext/controllers/status_updater.py.

export const posOpeningEntryDetail: DocTypeMeta = {
  name: 'POS Opening Entry Detail', app: 'erpnext', istable: true, perms: [],
  fields: [
    f.link('mode_of_payment', 'Mode of Payment', { reqd: true, label: 'Mode of Payment' }),
    f.currency('opening_amount', { reqd: true, label: 'Opening Amount' }),
  ],
};

export const posOpeningEntry: DocTypeMeta = {
  name: 'POS Opening Entry', app: 'erpnext', autoname: 'POS-OPE-.YYYY.-.#####', isSubmittable: true, perms: perms.posOpening,
  fields: [
    f.datetime('period_start_date', { reqd: true, label: 'Period Start Date' }), f.date('period_end_date', { label: 'Period End Date' }),
    f.select('status', ['Draft', 'Open', 'Closed', 'Cancelled'], { default: 'Draft', readOnly: true, label: 'Status' }),
    f.date('posting_date', { reqd: true, default: 'Today', label: 'Posting Date' }), f.check('set_posting_date'),
    f.link('company', 'Company', { reqd: true, label: 'Company' }), f.link('pos_profile', 'POS Profile', { reqd: true, label: 'POS Profile' }),
    f.link('pos_closing_entry', 'POS Closing Entry', { readOnly: true, allowOnSubmit: true, label: 'POS Closing Entry' }),
    f.link('user', 'User', { reqd: true, label: 'Cashier' }), f.link('amended_from', 'POS Opening Entry', { readOnly: true, label: 'Amended From' }),
    f.table('balance_details', 'POS Opening Entry Detail', { reqd: true, label: 'Opening Balance Details' }),
  ],
  controller: {
    validate(doc) {
      const profile = ctx().store.get('POS Profile', cstr(doc.pos_profile));
      if (doc.company !== profile?.company) erpnextThrow(`POS Profile ${doc.pos_profile} does not belongs to company ${doc.company}`);
      if (!cint(ctx().store.get('User', cstr(doc.user))?.enabled)) erpnextThrow(`User ${doc.user} is disabled. Please select valid user/cashier`);
      checkModeAccounts((doc.balance_details as Doc[]).filter((d) => d.mode_of_payment).map((d) => cstr(d.mode_of_payment)), doc.company);
      setStatus(doc);
    },
    onSubmit: setStatus,
    onCancel: setStatus,
  },
};

function setStatus(doc: Doc): void {
  const docstatus = cint(doc.docstatus);
  doc.status = docstatus === 2 ? 'Cancelled' : docstatus === 1 ? (doc.pos_closing_entry ? 'Closed' : 'Open') : 'Draft';
}
