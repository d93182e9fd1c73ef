import type { DocTypeMeta } from './meta';
import { getMeta } from './registry';
import type { Doc } from './store';

// Document.as_dict: standard fields, then fields in DocType order, `doctype`, then child tables.
// v15 /api/resource omits null values (frappe/utils/response.py json_handler); frappe.client.* and v14 keep them.

const STANDARD = ['name', 'owner', 'creation', 'modified', 'modified_by', 'docstatus', 'idx'];

function put(out: Record<string, unknown>, key: string, value: unknown, keepNulls: boolean): void {
  if (value === undefined) value = null;
  if (value === null && !keepNulls) return;
  out[key] = value;
}

function rowDict(meta: DocTypeMeta, row: Doc, keepNulls: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of STANDARD) put(out, k, row[k], keepNulls);
  for (const df of meta.fields) put(out, df.fieldname, row[df.fieldname], keepNulls);
  for (const k of ['parent', 'parentfield', 'parenttype']) put(out, k, row[k], keepNulls);
  out.doctype = meta.name;
  return out;
}

export function asDict(doc: Doc, keepNulls = false): Record<string, unknown> {
  const meta = getMeta(doc.doctype);
  const out: Record<string, unknown> = {};
  for (const k of STANDARD) {
    if (meta.issingle && k === 'creation') continue;
    put(out, k, k === 'idx' && meta.issingle ? String(doc.idx ?? 0) : doc[k], keepNulls);
  }
  const tables: [string, DocTypeMeta][] = [];
  for (const df of meta.fields) {
    if (df.fieldtype === 'Table') tables.push([df.fieldname, getMeta(df.options ?? '')]);
    else put(out, df.fieldname, doc[df.fieldname], keepNulls);
  }
  out.doctype = meta.name;
  for (const [fieldname, childMeta] of tables) {
    out[fieldname] = ((doc[fieldname] as Doc[] | undefined) ?? []).map((r) => rowDict(childMeta, r, keepNulls));
  }
  return out;
}
