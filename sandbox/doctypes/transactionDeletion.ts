import { ctx } from '../core/context';
import { frappeThrow } from '../core/errors';
import type { DocTypeMeta } from '../core/meta';
import { f } from '../core/meta';
import { allMetas } from '../core/registry';
import type { Doc } from '../core/store';
import { cstr } from '../core/util';
import { perms } from './roles';

// erpnext/setup/doctype/transaction_deletion_record (version-15): the company's "Delete Transactions".
// Insert (status ""), submit (on_submit: status Queued; before_submit refuses a second one queued or
// running for the company and fills the excluded doctypes), then start_deletion_tasks (status Running)
// chains background tasks: Delete Bins (of the company's warehouses), Delete Leads and Addresses, Reset
// Company Values, Clear Notifications, Initialize Summary Table, Delete Transactions (every non-single,
// non-child doctype with a Link to Company that is not excluded, rows deleted raw: no on_trash, no link
// checks, whatever their docstatus), then status Completed. The sandbox's background worker runs the
// chain within the start request (as process_in_single_transaction does); with the worker stopped
// (Sandbox.setBackgroundJobs('stopped'), a site whose RQ worker is down) the record stays Running until
// the worker runs again. validate: frappe.only_for("System Manager").

/** transaction_deletion_record.py get_doctypes_to_be_ignored (without app hooks). */
export const DOCTYPES_TO_BE_IGNORED = [
  'Account', 'Cost Center', 'Warehouse', 'Budget', 'Party Account', 'Employee', 'Sales Taxes and Charges Template',
  'Purchase Taxes and Charges Template', 'POS Profile', 'BOM', 'Company', 'Bank Account', 'Item Tax Template', 'Mode of Payment',
  'Mode of Payment Account', 'Item Default', 'Customer', 'Supplier',
];

const TASK_FLAGS = ['delete_bin_data', 'delete_leads_and_addresses', 'reset_company_default_values', 'clear_notifications', 'initialize_doctypes_table', 'delete_transactions'];

export const transactionDeletionRecordDetails: DocTypeMeta = {
  name: 'Transaction Deletion Record Details', app: 'erpnext', istable: true, perms: [],
  fields: [f.data('doctype_name', { reqd: true, label: 'DocType' }), f.data('docfield_name'), f.int('no_of_docs', { label: 'Number of Docs' }), f.check('done')],
};

export const transactionDeletionRecordItem: DocTypeMeta = {
  name: 'Transaction Deletion Record Item', app: 'erpnext', istable: true, perms: [],
  fields: [f.data('doctype_name', { reqd: true, label: 'DocType' })],
};

const store = () => ctx().store;

/** frappe.only_for("System Manager"): Administrator passes too. */
function onlyForSystemManager(): void {
  if (ctx().user === 'Administrator' || ctx().roles.has('System Manager')) return;
  frappeThrow('This action is only allowed for <strong>System Manager</strong>', 'PermissionError', { title: 'Not Permitted' });
}

const excluded = (doc: Doc) => new Set(((doc.doctypes_to_be_ignored as Doc[] | undefined) ?? []).map((r) => cstr(r.doctype_name)));

/** get_doctypes_with_company_field: Link-to-Company fields of every parent, non-single doctype not excluded. */
function doctypesWithCompanyField(doc: Doc): { doctype: string; fieldname: string }[] {
  const skip = excluded(doc);
  const out: { doctype: string; fieldname: string }[] = [];
  for (const meta of allMetas()) {
    if (meta.issingle || meta.istable || skip.has(meta.name) || meta.name === 'Transaction Deletion Record') continue;
    for (const field of meta.fields) if (field.fieldtype === 'Link' && field.options === 'Company') out.push({ doctype: meta.name, fieldname: field.fieldname });
  }
  return out;
}

/** The task chain start_deletion_tasks enqueues, run to the end: status Completed, or Failed with the error. */
function runDeletionTasks(doc: Doc): Doc {
  const company = cstr(doc.company);
  const warehouses = new Set(store().all('Warehouse').filter((w) => w.company === company).map((w) => w.name));
  for (const b of store().all('Bin')) if (warehouses.has(cstr(b.warehouse))) store().remove('Bin', b.name);
  const record = store().get('Company', company);
  if (record) store().put({ ...record, total_monthly_sales: 0, sales_monthly_history: null });
  const summary: Doc[] = [];
  for (const { doctype, fieldname } of doctypesWithCompanyField(doc)) {
    const rows = store().all(doctype).filter((d) => d[fieldname] === company);
    if (!rows.length) continue;
    for (const row of rows) store().remove(doctype, row.name);
    summary.push({ doctype: 'Transaction Deletion Record Details', name: ctx().hash(), parent: doc.name, parenttype: doc.doctype, parentfield: 'doctypes', idx: summary.length + 1, doctype_name: doctype, docfield_name: fieldname, no_of_docs: rows.length, done: 1 });
  }
  const done = { ...doc, doctypes: summary, status: 'Completed', error_log: null, ...Object.fromEntries(TASK_FLAGS.map((flag) => [flag, 1])) };
  store().put(done);
  return done;
}

const WORKER_KEY = 'background_jobs';
const QUEUE_KEY = 'background_jobs:transaction_deletion';

function enqueue(name: string): void {
  const queue = JSON.parse(store().kvGet(QUEUE_KEY) ?? '[]') as string[];
  store().kvSet(QUEUE_KEY, JSON.stringify([...queue, name]));
}

/** The background worker stops ('stopped': jobs wait) or runs again ('run': the waiting jobs run now). */
export function setBackgroundJobs(state: 'run' | 'stopped'): void {
  store().kvSet(WORKER_KEY, state);
  if (state === 'stopped') return;
  const queue = JSON.parse(store().kvGet(QUEUE_KEY) ?? '[]') as string[];
  store().kvSet(QUEUE_KEY, '[]');
  for (const name of queue) {
    const doc = store().get('Transaction Deletion Record', name);
    if (doc && doc.status === 'Running') runDeletionTasks(doc);
  }
}

export const transactionDeletionRecord: DocTypeMeta = {
  name: 'Transaction Deletion Record', app: 'erpnext', autoname: 'TDL.####', isSubmittable: true, perms: perms.transactionDeletion,
  fields: [
    f.link('company', 'Company', { reqd: true, label: 'Company' }),
    f.select('status', ['', 'Queued', 'Running', 'Failed', 'Completed', 'Cancelled'], { label: 'Status', readOnly: true }),
    f.text('error_log', { label: 'Error Log' }),
    ...TASK_FLAGS.map((flag) => f.check(flag, 0, { readOnly: true })),
    f.table('doctypes', 'Transaction Deletion Record Details', { label: 'Summary', readOnly: true }),
    f.table('doctypes_to_be_ignored', 'Transaction Deletion Record Item', { label: 'Excluded DocTypes', readOnly: true }),
    f.link('amended_from', 'Transaction Deletion Record', { readOnly: true, label: 'Amended From' }),
  ],
  controller: {
    validate(doc) {
      onlyForSystemManager();
      for (const row of (doc.doctypes_to_be_ignored as Doc[] | undefined) ?? []) {
        if (!DOCTYPES_TO_BE_IGNORED.includes(cstr(row.doctype_name))) {
          frappeThrow("DocTypes should not be added manually to the 'Excluded DocTypes' table. You are only allowed to remove entries from it.", 'ValidationError', { title: 'Not Allowed' });
        }
      }
      // before_save: a draft carries no status, summary or task flags
      if (Number(doc.docstatus ?? 0) === 0) {
        doc.status = '';
        doc.doctypes = [];
        for (const flag of TASK_FLAGS) doc[flag] = 0;
      }
    },
    beforeSubmit(doc) {
      const queued = store().all('Transaction Deletion Record').filter((d) => d.company === doc.company && d.name !== doc.name && Number(d.docstatus) === 1 && ['Running', 'Queued'].includes(cstr(d.status)));
      if (queued.length) frappeThrow(`Cannot enqueue multi docs for one company. ${queued.map((d) => d.name).join(', ')} is already queued/running for company: <strong>${cstr(doc.company)}</strong>`);
      if (!((doc.doctypes_to_be_ignored as Doc[] | undefined) ?? []).length) {
        doc.doctypes_to_be_ignored = DOCTYPES_TO_BE_IGNORED.map((name, i) => ({ doctype: 'Transaction Deletion Record Item', name: ctx().hash(), parent: doc.name, parenttype: doc.doctype, parentfield: 'doctypes_to_be_ignored', idx: i + 1, doctype_name: name }));
      }
    },
    onSubmit(doc) {
      doc.status = 'Queued';
    },
    onCancel(doc) {
      doc.status = 'Cancelled';
    },
    methods: {
      start_deletion_tasks(doc) {
        if (Number(doc.docstatus) !== 1) frappeThrow(`${doc.name} is not running. Cannot trigger events for this Document`);
        store().put({ ...doc, status: 'Running' });
        if (store().kvGet(WORKER_KEY) === 'stopped') enqueue(doc.name);
        else runDeletionTasks({ ...doc, status: 'Running' });
        return null; // the Python method returns None

      },
    },
  },
};
