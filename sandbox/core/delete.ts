import { ctx } from './context';
import { FrappeError, frappeThrow } from './errors';
import { findParentOfRow } from './childRows';
import { findLink, linkExistsMessage, raiseLinkExists } from './links';
import { revertNamingSeries } from './naming';
import { checkPermission } from './permissions';
import { getMeta } from './registry';
import type { Doc } from './store';
import { cint } from './util';

// frappe.delete_doc (frappe/model/delete_doc.py delete_doc, check_permission_and_not_submitted,
// update_naming_series) in its order: exists → delete permission → not submitted → on_trash → link
// checks → naming series → row removed → after_delete. One request is one transaction, so a refusal
// after on_trash rolls the cascade back too.

export interface DeleteOptions { ignorePermissions?: boolean; force?: boolean }

const SUBMITTED_HELP = "<a href='https://docs.erpnext.com//docs/user/manual/en/setting-up/articles/delete-submitted-document' target='_blank'>";

export function deleteDoc(doctype: string, name: string, opts: DeleteOptions = {}): void {
  const meta = getMeta(doctype);
  const store = ctx().store;
  // delete_doc(ignore_missing=False): raise frappe.DoesNotExistError(doctype=doctype) — no message (n05)
  const doc = store.get(doctype, meta.issingle ? doctype : name);
  if (!doc) throw new FrappeError('DoesNotExistError', '', { traceback: false });
  if (!opts.ignorePermissions) checkPermission(meta, 'delete');
  if (meta.isSubmittable && cint(doc.docstatus) === 1) {
    // msgprint(_("{0} {1}: Submitted Record cannot be deleted. You must {2} Cancel {3} it first."), raise_exception=True)
    frappeThrow(`${doctype} ${doc.name}: Submitted Record cannot be deleted. You must ${SUBMITTED_HELP} Cancel </a> it first.`);
  }
  meta.controller?.onTrash?.(doc);
  if (!opts.force) checkNotLinked(doc, meta.fields.some((df) => df.fieldname === 'enabled' || df.fieldname === 'disabled'));
  revertNamingSeries(meta, doc);
  store.remove(doctype, doc.name);
  meta.controller?.afterDelete?.(doc);
}

/** A doctype that can be disabled gets the friendlier message; the first one stays in the message log. */
function checkNotLinked(doc: Doc, canDisable: boolean): void {
  const link = findLink(doc, 'Delete');
  if (!link) return;
  if (!canDisable) raiseLinkExists(doc, link);
  // the caught LinkExistsError was already msgprinted by frappe.throw, so it stays in _server_messages
  ctx().log.push({ message: linkExistsMessage(doc, link), title: 'Message', indicator: 'red', raise_exception: 1 });
  frappeThrow(`You can disable this ${doc.doctype} instead of deleting it.`, 'LinkExistsError');
}

/** frappe/client.py delete_doc: a child row is removed from its parent, which is saved (its on_update runs). */
export function deleteChildRow(doctype: string, name: string, save: (parent: Doc, before: Doc) => void): void {
  const parent = findParentOfRow(doctype, name);
  // raise frappe.DoesNotExistError(doctype=doctype), also when the parent may not be written
  if (!parent) throw new FrappeError('DoesNotExistError', '', { traceback: false });
  const edited = structuredClone(parent);
  for (const [key, value] of Object.entries(edited)) {
    if (!Array.isArray(value)) continue;
    const rows = value as Doc[];
    const at = rows.findIndex((r) => r && r.doctype === doctype && r.name === name);
    if (at >= 0) {
      rows.splice(at, 1);
      edited[key] = rows;
      break;
    }
  }
  save(edited, parent);
}
