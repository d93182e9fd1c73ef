import { ctx } from './context';
import { getDefaults } from './defaults';
import type { DocTypeMeta, Field } from './meta';
import { NUMERIC_TYPES } from './meta';
import { getMeta } from './registry';
import type { Doc } from './store';
import { cint, flt } from './util';

// Building a document from a request body the way frappe.new_doc(doctype) + doc.update(body) does:
// static and user/site defaults first (frappe/model/create_new.py set_user_and_static_default_values),
// then the body, with child rows getting their own defaults (frappe/model/document.py _set_defaults).

export const STANDARD_KEYS = ['name', 'owner', 'creation', 'modified', 'modified_by', 'docstatus', 'idx'];
export const CHILD_KEYS = ['parent', 'parentfield', 'parenttype'];

function staticDefault(df: Field): unknown {
  const d = df.default;
  if (d === 'Today') return ctx().today();
  if (d === 'now' || d === 'Now') return ctx().timestamp().slice(0, 19);
  if (d === '__user') return ctx().user;
  if (d !== undefined) return NUMERIC_TYPES.has(df.fieldtype) ? flt(d) : d;
  if (df.fieldtype === 'Select') return (df.options ?? '').split('\n')[0] ?? '';
  if (NUMERIC_TYPES.has(df.fieldtype)) return 0;
  return null;
}

function userDefault(df: Field, defaults: Record<string, string>): string | null {
  if (df.fieldtype !== 'Link' || df.options === 'User') return null;
  const value = defaults[df.fieldname];
  return value && ctx().store.exists(df.options ?? '', value) ? value : null;
}

export function defaultValues(meta: DocTypeMeta): Record<string, unknown> {
  const defaults = getDefaults();
  const values: Record<string, unknown> = {};
  for (const df of meta.fields) {
    if (df.fieldtype === 'Table') values[df.fieldname] = [];
    else values[df.fieldname] = userDefault(df, defaults) ?? staticDefault(df);
  }
  return values;
}

export function coerce(df: Field, value: unknown): unknown {
  if (value === null || value === undefined) return NUMERIC_TYPES.has(df.fieldtype) ? 0 : null;
  if (df.fieldtype === 'Check' || df.fieldtype === 'Int') return cint(value);
  if (NUMERIC_TYPES.has(df.fieldtype)) return flt(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value;
}

export function makeRow(childDoctype: string, data: Record<string, unknown>, parent: Doc, parentfield: string): Doc {
  const meta = getMeta(childDoctype);
  const row = { doctype: childDoctype, ...defaultValues(meta) } as Doc;
  for (const df of meta.fields) if (df.fieldname in data) row[df.fieldname] = coerce(df, data[df.fieldname]);
  if (typeof data.name === 'string' && data.name) row.name = data.name;
  row.parent = parent.name ?? null;
  row.parentfield = parentfield;
  row.parenttype = parent.doctype;
  row.__new = !data.name;
  return row;
}

/** doc.update(body): scalar fields coerced, tables replaced row by row, `modified` remembered for check_if_latest. */
export function applyBody(meta: DocTypeMeta, doc: Doc, body: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(body)) {
    if (key === 'docstatus') doc.docstatus = cint(value);
    else if (key === 'modified') doc.__bodyModified = value;
    else if (key === '__newname') doc.__newname = value;
    else if (key === 'name' && typeof value === 'string') doc.__bodyName = value;
    const df = meta.fields.find((f) => f.fieldname === key);
    if (!df) continue;
    if (df.fieldtype === 'Table') {
      const rows = Array.isArray(value) ? value : [];
      doc[key] = rows.map((r) => makeRow(df.options ?? '', (r ?? {}) as Record<string, unknown>, doc, key));
    } else {
      doc[key] = coerce(df, value);
    }
  }
}

export function newDoc(meta: DocTypeMeta, body: Record<string, unknown>): Doc {
  const doc = { doctype: meta.name, name: '', docstatus: 0, idx: 0, ...defaultValues(meta) } as unknown as Doc;
  applyBody(meta, doc, body);
  return doc;
}

/** Drops transient keys (prefixed "__") before a document is written. */
export function clean(doc: Doc): Doc {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(doc)) {
    if (k.startsWith('__')) continue;
    out[k] = Array.isArray(v) ? v.map((r) => (r && typeof r === 'object' ? clean(r as Doc) : r)) : v;
  }
  return out as Doc;
}
