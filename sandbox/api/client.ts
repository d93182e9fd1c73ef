import { ctx } from '../core/context';
import { setUserDefault, SITE } from '../core/defaults';
import { deleteDoc } from '../core/delete';
import { cancelDoc, insertChildRow, insertDoc, loadDoc, replaceDoc, saveDoc } from '../core/document';
import { FrappeError, frappeThrow } from '../core/errors';
import { hasPermission, permissionError } from '../core/permissions';
import { getCount, getList, selectDocs } from '../core/query';
import { getMeta } from '../core/registry';
import { asDict } from '../core/serialize';
import type { Doc } from '../core/store';
import { cint, cstr, parseJsonParam } from '../core/util';
import { applyBody } from '../core/build';
import { findParentOfRow, findRow } from '../core/childRows';

// frappe/client.py: the whitelisted helpers clients call through /api/method/frappe.client.*.

type Args = Record<string, unknown>;

const jsonArg = (v: unknown): unknown => {
  try {
    return parseJsonParam(v);
  } catch {
    return v;
  }
};

function requireArg(args: Args, key: string): unknown {
  if (args[key] === undefined) {
    throw new FrappeError('TypeError', '', { exceptionText: `get_value() missing 1 required positional argument: '${key}'` });
  }
  return args[key];
}

function readable(doctype: string, parent?: unknown): void {
  const meta = getMeta(doctype);
  if (meta.istable) {
    // check_parent_permission: a child doctype needs a readable parent doctype (f02)
    const parentMeta = parent ? getMeta(cstr(parent)) : null;
    if (!parentMeta || !hasPermission(parentMeta, 'read')) throw new FrappeError('PermissionError', '');
    return;
  }
  if (!hasPermission(meta, 'read')) frappeThrow(`No permission for ${doctype}`, 'PermissionError');
}

function singleValues(doctype: string, fields: string[]): Record<string, unknown> {
  const doc = ctx().store.get(doctype, doctype) ?? ({} as Doc);
  const out: Record<string, unknown> = {};
  // tabSingles holds text; get_values_from_single returns it as stored, keys in table order
  for (const f of [...fields].sort()) out[f] = doc[f] === undefined || doc[f] === null ? null : String(doc[f]);
  return out;
}

export const clientMethods: Record<string, { fn: (a: Args) => unknown; methods?: string[] }> = {
  'frappe.client.get_list': {
    fn: (a) => getList(cstr(requireArg(a, 'doctype')), { ...a, limit_page_length: a.limit_page_length ?? a.limit ?? 20 }),
  },
  'frappe.client.get_count': { fn: (a) => getCount(cstr(requireArg(a, 'doctype')), a.filters) },
  'frappe.client.get': {
    fn: (a) => {
      const doctype = cstr(requireArg(a, 'doctype'));
      readable(doctype, a.parent);
      const meta = getMeta(doctype);
      let name = cstr(a.name);
      if (!name && meta.issingle) name = doctype;
      if (!name) name = selectDocs(doctype, { filters: a.filters }, false)[0]?.name ?? frappeThrow(`${doctype} not found`, 'DoesNotExistError');
      return asDict(loadDoc(doctype, name), true);
    },
  },
  'frappe.client.get_value': {
    fn: (a) => {
      const doctype = cstr(requireArg(a, 'doctype'));
      readable(doctype, a.parent);
      const fieldArg = jsonArg(requireArg(a, 'fieldname'));
      const fields = Array.isArray(fieldArg) ? fieldArg.map(String) : [cstr(fieldArg)];
      const asDictFlag = a.as_dict === undefined ? true : !!cint(a.as_dict) || a.as_dict === 'true';
      if (getMeta(doctype).issingle) return singleValues(doctype, fields);
      const rows = getList(doctype, { fields, filters: a.filters, limit_page_length: 1, as_dict: asDictFlag ? 1 : 0, parent: a.parent }) as unknown[];
      if (asDictFlag) return rows[0] ?? {};
      const first = rows[0] as unknown[] | undefined;
      return first === undefined ? undefined : fields.length > 1 ? first : first[0];
    },
  },
  'frappe.client.get_single_value': {
    fn: (a) => {
      const doctype = cstr(requireArg(a, 'doctype'));
      readable(doctype);
      return ctx().store.get(doctype, doctype)?.[cstr(a.field)] ?? null;
    },
  },
  'frappe.client.has_permission': {
    fn: (a) => ({ has_permission: hasPermission(getMeta(cstr(a.doctype)), (cstr(a.perm_type) || 'read') as 'read') }),
  },
  'frappe.client.insert': { methods: ['POST', 'PUT'], fn: (a) => asDict(insertOne(jsonArg(a.doc) as Args), true) },
  'frappe.client.insert_many': {
    methods: ['POST', 'PUT'],
    fn: (a) => {
      const docs = (jsonArg(a.docs) as Args[]) ?? [];
      if (docs.length > 200) frappeThrow('Only 200 inserts allowed in one request');
      return docs.map((d) => insertOne(d).name);
    },
  },
  'frappe.client.save': { methods: ['POST', 'PUT'], fn: (a) => asDict(replaceDoc(jsonArg(a.doc) as Args), true) },
  'frappe.client.submit': { methods: ['POST', 'PUT'], fn: (a) => asDict(replaceDoc(jsonArg(a.doc) as Args, 1), true) },
  'frappe.client.cancel': { methods: ['POST', 'PUT'], fn: (a) => asDict(cancelDoc(cstr(a.doctype), cstr(a.name)), true) },
  'frappe.client.delete': {
    methods: ['POST', 'DELETE'],
    fn: (a) => {
      deleteDoc(cstr(a.doctype), cstr(a.name));
      return undefined;
    },
  },
  'frappe.client.set_value': { methods: ['POST', 'PUT'], fn: (a) => asDict(setValue(a), true) },
  'frappe.client.set_default': {
    methods: ['POST', 'PUT'],
    fn: (a) => {
      const parent = cstr(a.parent) || ctx().user;
      if (parent !== ctx().user && ctx().user !== 'Administrator' && !ctx().roles.has('System Manager')) throw permissionError('DefaultValue');
      setUserDefault(parent === '__default' ? SITE : parent, cstr(a.key), a.value);
      return undefined;
    },
  },
};

function insertOne(doc: Args): Doc {
  if (!doc || typeof doc !== 'object') frappeThrow('Invalid doc');
  if (doc.parenttype || doc.parent || doc.parentfield) return insertChildRow(doc);
  const meta = getMeta(cstr(doc.doctype));
  if (meta.istable) frappeThrow('Parenttype, Parent and Parentfield are required to insert a child record');
  return insertDoc(meta.name, doc);
}

const STANDARD = ['name', 'owner', 'creation', 'modified', 'modified_by', 'docstatus', 'idx', 'parent', 'parentfield', 'parenttype'];

function setValue(a: Args): Doc {
  const doctype = cstr(a.doctype);
  const fieldArg = a.fieldname;
  let values: Args;
  if (a.value === undefined || a.value === null || a.value === '') {
    const parsed = jsonArg(fieldArg);
    values = parsed && typeof parsed === 'object' ? (parsed as Args) : { [cstr(fieldArg)]: '' };
  } else values = { [cstr(fieldArg)]: a.value };
  if (Object.keys(values).some((k) => STANDARD.includes(k))) frappeThrow('Cannot edit standard fields');
  const meta = getMeta(doctype);
  if (!meta.istable) {
    const before = loadDoc(doctype, cstr(a.name) || doctype);
    const doc = structuredClone(before);
    applyBody(meta, doc, values);
    return saveDoc(doc, before);
  }
  const parent = findParentOfRow(doctype, cstr(a.name));
  if (!parent) frappeThrow(`${doctype} ${a.name} not found`, 'DoesNotExistError');
  const doc = structuredClone(parent);
  Object.assign(findRow(doc, doctype, cstr(a.name)) ?? {}, values);
  return saveDoc(doc, parent);
}
