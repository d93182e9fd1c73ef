import { ctx } from './context';
import { frappeThrow } from './errors';
import type { DocTypeMeta } from './meta';
import { allMetas, tableFields } from './registry';
import type { Doc } from './store';
import { cint } from './util';

// Who links to a document (frappe/model/delete_doc.py check_if_doc_is_linked,
// check_if_doc_is_dynamically_linked, raise_link_exists_exception; frappe/model/rename_doc.py
// get_link_fields). Used by delete (method "Delete") and by cancel (method "Cancel",
// frappe/model/document.py check_no_back_links_exist).

export type LinkMethod = 'Delete' | 'Cancel';
export interface LinkRef { doctype: string; name: string; row: string }

/** frappe/hooks.py ignore_links_on_delete (ERPNext 15 adds none). */
export const IGNORE_LINKS_ON_DELETE = [
  'Communication', 'ToDo', 'DocShare', 'Email Unsubscribe', 'Activity Log', 'File', 'Version', 'Document Follow', 'Comment',
  'View Log', 'Tag Link', 'Notification Log', 'Email Queue', 'Document Share Key', 'Integration Request', 'Unhandled Email',
  'Webhook Request Log', 'Workspace', 'Route History', 'Access Log',
];

const newestFirst = (docs: Doc[]) => docs.sort((a, b) => String(b.modified).localeCompare(String(a.modified)));

/** Delete counts every linking row whatever its docstatus; Cancel only submitted ones. */
const counts = (method: LinkMethod, docstatus: unknown) => method === 'Delete' || cint(docstatus) === 1;

function parentsOf(child: DocTypeMeta): { meta: DocTypeMeta; fields: string[] }[] {
  return allMetas()
    .map((meta) => ({ meta, fields: tableFields(meta).filter((t) => t.options === child.name).map((t) => t.fieldname) }))
    .filter((p) => p.fields.length);
}

/** Rows of `meta` (a document or a child row with its parent) whose `field` equals `value`. */
function rowsLinking(meta: DocTypeMeta, field: string, value: string): { row: Doc; parent: Doc | null }[] {
  const store = ctx().store;
  if (!meta.istable) return newestFirst(store.all(meta.name)).filter((d) => d[field] === value).map((row) => ({ row, parent: null }));
  const out: { row: Doc; parent: Doc | null }[] = [];
  for (const p of parentsOf(meta)) {
    for (const parent of newestFirst(store.all(p.meta.name))) {
      for (const fieldname of p.fields) {
        for (const row of (parent[fieldname] as Doc[] | undefined) ?? []) if (row[field] === value) out.push({ row, parent });
      }
    }
  }
  return out;
}

function staticLink(doc: Doc, method: LinkMethod, ignored: Set<string>): LinkRef | null {
  for (const meta of allMetas()) {
    if (ignored.has(meta.name)) continue;
    for (const df of meta.fields.filter((f) => f.fieldtype === 'Link' && f.options === doc.doctype)) {
      if (df.fieldname === 'amended_from' && method === 'Cancel') continue;
      if (meta.issingle) {
        // a Single is checked for Cancel too (check_if_doc_is_linked does not look at the method there)
        if (ctx().store.get(meta.name, meta.name)?.[df.fieldname] === doc.name) return { doctype: meta.name, name: meta.name, row: '' };
        continue;
      }
      for (const { row, parent } of rowsLinking(meta, df.fieldname, doc.name)) {
        const refDoctype = parent ? parent.doctype : meta.name;
        const refName = parent ? parent.name : row.name;
        if (ignored.has(refDoctype) || !counts(method, row.docstatus)) continue;
        if (meta.name === doc.doctype && refName === doc.name) continue; // a document linking to itself
        return { doctype: refDoctype, name: refName, row: '' };
      }
    }
  }
  return null;
}

/** Dynamic Links (e.g. Stock Ledger Entry voucher_type / voucher_no): skip cancelled rows on Delete. */
function dynamicLink(doc: Doc, method: LinkMethod, ignored: Set<string>): LinkRef | null {
  for (const meta of allMetas()) {
    if (ignored.has(meta.name)) continue;
    for (const df of meta.fields.filter((f) => f.fieldtype === 'Dynamic Link')) {
      for (const { row, parent } of rowsLinking(meta, df.fieldname, doc.name)) {
        if (row[df.options ?? ''] !== doc.doctype) continue;
        const docstatus = cint(row.docstatus);
        if (!(method === 'Delete' ? docstatus !== 2 : docstatus === 1)) continue;
        const refDoctype = parent ? parent.doctype : meta.name;
        if (ignored.has(refDoctype)) continue;
        return { doctype: refDoctype, name: parent ? parent.name : row.name, row: parent ? `at Row: ${row.idx}` : '' };
      }
    }
  }
  return null;
}

/** The first document that stops `doc` from being deleted or cancelled, if any. */
export function findLink(doc: Doc, method: LinkMethod, ignoreLinkedDoctypes: string[] = []): LinkRef | null {
  const ignored = new Set(method === 'Delete' ? IGNORE_LINKS_ON_DELETE : ignoreLinkedDoctypes);
  return staticLink(doc, method, ignored) ?? dynamicLink(doc, method, new Set([...IGNORE_LINKS_ON_DELETE, ...(method === 'Cancel' ? ignoreLinkedDoctypes : [])]));
}

/** raise_link_exists_exception's text: a Single is named once ("linked with  <a …>Stock Settings</a> "). */
export function linkExistsMessage(doc: Doc, ref: LinkRef): string {
  const docLink = `<a href="/app/Form/${doc.doctype}/${doc.name}">${doc.name}</a>`;
  const refLink = `<a href="/app/Form/${ref.doctype}/${ref.name}">${ref.name}</a>`;
  const refType = ref.doctype === ref.name ? '' : ref.doctype;
  return `Cannot delete or cancel because ${doc.doctype} ${docLink} is linked with ${refType} ${refLink} ${ref.row}`;
}

export function raiseLinkExists(doc: Doc, ref: LinkRef): never {
  return frappeThrow(linkExistsMessage(doc, ref), 'LinkExistsError');
}
