import type { ErpNextClient } from '../../erpnext/client';
import { ErpNextError } from '../../erpnext/errors';
import type { Doc } from '../../erpnext/types';
import type { UndoAction, UndoStepResult } from '../../../shared/undo';
import { SITE_WIDE } from './plan';
import { type DeletionOptions, deleteCompanyTransactions } from './transactionDeletion';

const SUBMITTABLE = new Set(['POS Opening Entry', 'Stock Entry']);

/** Which row of its parent's table a child row of ours is, by what it holds (its hash name is not recorded). */
const ROW_KEY: Record<string, { table: string; field: string }> = {
  'Mode of Payment Account': { table: 'accounts', field: 'company' },
  'Fiscal Year Company': { table: 'companies', field: 'company' },
  'POS Payment Method': { table: 'payments', field: 'mode_of_payment' },
  'POS Profile User': { table: 'applicable_for_users', field: 'user' },
  DefaultValue: { table: 'defaults', field: 'defkey' },
};

const isGone = (error: unknown) => error instanceof ErpNextError && error.code === 'not_found';

const result = (action: UndoAction, outcome: UndoStepResult['outcome'], message: string): UndoStepResult => ({ action, outcome, message });

async function remove(client: ErpNextClient, action: UndoAction): Promise<UndoStepResult> {
  const doc = await client.findDoc(action.doctype, action.name);
  if (!doc) return result(action, 'already-gone', `${action.doctype} ${action.name} is already gone`);
  // A submitted session or stock entry is cancelled first: ERPNext deletes only drafts and cancelled ones.
  const submitted = SUBMITTABLE.has(action.doctype) && Number(doc.docstatus) === 1;
  if (submitted) await client.cancel(action.doctype, action.name);
  // ERPNext keeps the ledger of a cancelled stock entry, and so the entry: the company's transaction deletion takes both.
  if (action.cancelOnly) return result(action, 'done', `${submitted ? 'Cancelled' : 'Already cancelled:'} ${action.doctype} ${action.name} (ERPNext keeps its stock ledger; the company's Transaction Deletion Record removes both next)`);
  try {
    await client.delete(action.doctype, action.name);
  } catch (error) {
    if (isGone(error)) return result(action, 'already-gone', `${action.doctype} ${action.name} is already gone`);
    throw error;
  }
  return result(action, 'done', `Removed ${action.doctype} ${action.name}`);
}

async function removeRow(client: ErpNextClient, action: UndoAction): Promise<UndoStepResult> {
  const parent = action.parent!;
  const spec = ROW_KEY[action.doctype];
  if (!spec) throw new Error(`No way to find a ${action.doctype} row (a bug)`);
  const holder = await client.findDoc(parent.doctype, parent.name);
  const rows = (holder?.[spec.table] as Doc[] | undefined) ?? [];
  // The cashier's default company is removed only while it still names our company.
  const row = rows.find((r) => r[spec.field] === action.name && (action.after === undefined || action.after === null || r.defvalue === undefined || r.defvalue === action.after));
  if (!row) return result(action, 'already-gone', `The ${action.doctype} row ${action.name} of ${parent.doctype} ${parent.name} is already gone`);
  await client.deleteChildRow(parent, action.doctype, row.name);
  return result(action, 'done', `Removed the ${action.doctype} row ${action.name} from ${parent.doctype} ${parent.name}`);
}

const same = (a: unknown, b: unknown) => (a ?? '') === (b ?? '') || String(a ?? '') === String(b ?? '');

async function restore(client: ErpNextClient, action: UndoAction): Promise<UndoStepResult> {
  const doc = await client.findDoc(action.doctype, action.name);
  if (!doc) return result(action, 'already-gone', `${action.doctype} ${action.name} is gone: nothing to restore`);
  const field = action.field!;
  // Someone set it again since our run: their value stays.
  if (!same(doc[field], action.after)) return result(action, 'kept', `${action.doctype} ${action.name} ${field} was changed since (now ${JSON.stringify(doc[field])}): left as it is`);
  await client.update(action.doctype, action.name, { [field]: action.before ?? '' });
  return result(action, 'done', `Restored ${action.doctype} ${action.name} ${field} to ${JSON.stringify(action.before ?? '')}`);
}

async function deleteTransactions(client: ErpNextClient, action: UndoAction, options: DeletionOptions): Promise<UndoStepResult> {
  const outcome = await deleteCompanyTransactions(client, action.name, options);
  const deleted = Object.entries(outcome.deleted).map(([doctype, count]) => `${count} ${doctype}`).join(', ');
  return result(action, 'done', `Deleted the transactions of Company ${action.name} with ERPNext's Transaction Deletion Record ${outcome.name}${outcome.submitted ? '' : ' (resumed)'}${deleted ? `: ${deleted}` : ''}`);
}

/**
 * Carries out one undo action; idempotent (a record already gone is fine). An ERPNext refusal of a
 * site-wide record (something else links to it) keeps it; any other refusal is thrown: undo stops there.
 */
export async function applyUndoAction(client: ErpNextClient, action: UndoAction, options: DeletionOptions = {}): Promise<UndoStepResult> {
  try {
    switch (action.kind) {
      case 'keep':
        return result(action, 'kept', `Kept ${action.doctype} ${action.name}: ${action.note ?? 'shared'}`);
      case 'remove':
        return await remove(client, action);
      case 'remove-row':
        return await removeRow(client, action);
      case 'restore':
        return await restore(client, action);
      case 'delete-transactions':
        return await deleteTransactions(client, action, options);
    }
  } catch (error) {
    const refused = error instanceof ErpNextError && !error.outcomeUnknown && error.category !== 'transient';
    if (refused && action.kind === 'remove' && SITE_WIDE.has(action.doctype)) {
      return result(action, 'kept', `Kept ${action.doctype} ${action.name}: ERPNext says it is still used (${error.serverMessage ?? error.message})`);
    }
    throw error;
  }
}
