import { ctx } from './context';
import { FrappeError, frappeThrow } from './errors';
import type { DocTypeMeta } from './meta';
import { checkPermission } from './permissions';
import { allMetas, getMeta, tableFields } from './registry';
import type { Doc } from './store';

// frappe.delete_doc (frappe/model/delete_doc.py): missing → bare DoesNotExistError (n05), submitted →
// must cancel first, linked → LinkExistsError naming the first linked document (v02).

interface LinkRef { doctype: string; name: string }

function linkFieldsTo(meta: DocTypeMeta, target: string): string[] {
  return meta.fields.filter((df) => df.fieldtype === 'Link' && df.options === target).map((df) => df.fieldname);
}

/** check_if_doc_is_linked: documents first, then child rows (reported by parent), then Singles. */
export function findLinkedDocument(doc: Doc): LinkRef | null {
  const store = ctx().store;
  const metas = allMetas();
  const newestFirst = (docs: Doc[]) => docs.sort((a, b) => String(b.modified).localeCompare(String(a.modified)));
  for (const meta of metas.filter((m) => !m.istable && !m.issingle)) {
    const fields = linkFieldsTo(meta, doc.doctype);
    if (!fields.length) continue;
    for (const other of newestFirst(store.all(meta.name))) {
      if (Number(other.docstatus) === 2 || (meta.name === doc.doctype && other.name === doc.name)) continue;
      if (fields.some((f) => other[f] === doc.name)) return { doctype: meta.name, name: other.name };
    }
  }
  for (const child of metas.filter((m) => m.istable)) {
    const fields = linkFieldsTo(child, doc.doctype);
    if (!fields.length) continue;
    for (const parentMeta of metas.filter((m) => tableFields(m).some((t) => t.options === child.name))) {
      for (const parent of newestFirst(store.all(parentMeta.name))) {
        if (Number(parent.docstatus) === 2 || (parentMeta.name === doc.doctype && parent.name === doc.name)) continue;
        for (const t of tableFields(parentMeta).filter((t) => t.options === child.name)) {
          const rows = (parent[t.fieldname] as Doc[] | undefined) ?? [];
          if (rows.some((r) => fields.some((f) => r[f] === doc.name))) return { doctype: parentMeta.name, name: parent.name };
        }
      }
    }
  }
  for (const single of metas.filter((m) => m.issingle)) {
    const values = store.get(single.name, single.name);
    if (values && linkFieldsTo(single, doc.doctype).some((f) => values[f] === doc.name)) return { doctype: single.name, name: single.name };
  }
  return null;
}

export function deleteDoc(doctype: string, name: string, opts: { ignorePermissions?: boolean } = {}): void {
  const meta = getMeta(doctype);
  const store = ctx().store;
  const doc = store.get(doctype, name);
  if (!doc) throw new FrappeError('DoesNotExistError', '', { traceback: false });
  if (!opts.ignorePermissions) checkPermission(meta, 'delete');
  if (Number(doc.docstatus) === 1) {
    frappeThrow(
      `${doctype} ${doc.name}: Submitted Record cannot be deleted. You must <a href='https://docs.erpnext.com//docs/user/manual/en/setting-up/articles/delete-submitted-document' target='_blank'>Cancel</a> it first.`,
    );
  }
  meta.controller?.onTrash?.(doc);
  const linked = findLinkedDocument(doc);
  if (linked) {
    const docLink = `<a href="/app/Form/${doctype}/${doc.name}">${doc.name}</a>`;
    const refLink = `<a href="/app/Form/${linked.doctype}/${linked.name}">${linked.name}</a>`;
    const refType = linked.doctype === linked.name ? '' : linked.doctype;
    const message = `Cannot delete or cancel because ${doctype} ${docLink} is linked with ${refType} ${refLink} `;
    if (meta.fields.some((df) => df.fieldname === 'disabled' || df.fieldname === 'enabled')) {
      // delete_doc catches the first LinkExistsError and throws a friendlier one; both stay in the log.
      ctx().log.push({ message, title: 'Message', indicator: 'red', raise_exception: 1 });
      frappeThrow(`You can disable this ${doctype} instead of deleting it.`, 'LinkExistsError');
    }
    frappeThrow(message, 'LinkExistsError');
  }
  store.remove(doctype, doc.name);
}
