import { ctx } from '../core/context';
import { setUserDefault, SITE } from '../core/defaults';
import { deleteChildRow, deleteDoc } from '../core/delete';
import { cancelDoc, insertChildRow, insertDoc, loadDoc, replaceDoc, saveDoc } from '../core/document';
import { FrappeError, frappeThrow } from '../core/errors';
import { hasPermission, permissionError } from '../core/permissions';
import { pyRepr } from '../core/pyrepr';
import { getCount, getList, pyTruthy, selectDocs } from '../core/query';
import { findMeta, getMeta, tableFields } from '../core/registry';
import { asDict } from '../core/serialize';
import type { Doc } from '../core/store';
import { bold, cstr, parseJsonParam, sbool } from '../core/util';
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

/** check_parent_permission: a child doctype needs parent=<ParentDocType> that the user may read (f02). */
function parentReadable(doctype: string, parent: unknown): void {
  const parentMeta = parent ? findMeta(cstr(parent)) : undefined;
  if (!parentMeta || !tableFields(parentMeta).some((t) => t.options === doctype) || !hasPermission(parentMeta, 'read')) {
    throw new FrappeError('PermissionError', '');
  }
}

/**
 * `if not frappe.has_permission(doctype): frappe.throw(_("No permission for {0}"), PermissionError)`:
 * has_permission prints its check log first (permissions.py print_has_permission_check_logs), so the
 * 403 carries both messages.
 */
function readable(doctype: string, parent?: unknown): void {
  const meta = getMeta(doctype);
  if (meta.istable) return parentReadable(doctype, parent);
  if (hasPermission(meta, 'read')) return;
  ctx().log.push({ message: `User ${bold(ctx().user)} does not have doctype access via role permission for document ${bold(doctype)}`, title: 'Message' });
  frappeThrow(`No permission for ${doctype}`, 'PermissionError');
}

/** frappe.utils.get_safe_filters: JSON when it parses, else the string itself (a name). */
function safeFilters(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** frappe.parse_json(fieldname) falling back to [fieldname]. */
function fieldList(value: unknown): string[] {
  const parsed = jsonArg(value);
  return Array.isArray(parsed) ? parsed.map(String) : [cstr(parsed)];
}

/** frappe.client.get_value (frappe/client.py): {} / None when nothing matches, a dict, a list or a scalar. */
function getValue(a: Args): unknown {
  const doctype = cstr(requireArg(a, 'doctype'));
  readable(doctype, a.parent);
  let filters = safeFilters(a.filters);
  if (typeof filters === 'string') filters = { name: filters };
  if (!pyTruthy(filters) || (typeof filters === 'object' && !Object.keys(filters as object).length)) filters = undefined;
  const fields = fieldList(requireArg(a, 'fieldname'));
  const asDict = a.as_dict === undefined ? true : pyTruthy(a.as_dict);
  if (getMeta(doctype).issingle) {
    const values = singleValues(doctype, fields);
    return asDict ? values : fields.length > 1 ? fields.map((f) => values[f]) : values[fields[0] ?? ''];
  }
  const rows = getList(doctype, { fields, filters, limit_page_length: 1, parent: a.parent, as_dict: asDict }) as unknown[];
  if (asDict) return rows[0] ?? {};
  const first = rows[0] as unknown[] | undefined;
  if (!first) return undefined;
  return fields.length > 1 ? first : first[0];
}

/** frappe.client.get: get_doc by name, by filters ("Company {'abbr': 'X'} not found") or a Single; then check_permission. */
function getDocument(a: Args): Record<string, unknown> {
  const doctype = cstr(requireArg(a, 'doctype'));
  const meta = getMeta(doctype);
  if (meta.istable) parentReadable(doctype, a.parent);
  let name = cstr(a.name);
  if (!name && a.filters !== undefined && a.filters !== '') {
    const filters = jsonArg(a.filters);
    name = selectDocs(doctype, { filters }, false)[0]?.name
      ?? frappeThrow(`${doctype} ${typeof filters === 'string' ? filters : pyRepr(filters)} not found`, 'DoesNotExistError');
  }
  const doc = loadDoc(doctype, name || doctype);
  if (!hasPermission(meta, 'read')) throw permissionError(doctype);
  return asDict(doc, true);
}

/** frappe.client.get_values_from_single: tabSingles holds text, keys in table (alphabetical) order. */
function singleValues(doctype: string, fields: string[]): Record<string, unknown> {
  const doc = ctx().store.get(doctype, doctype) ?? ({} as Doc);
  const out: Record<string, unknown> = {};
  // tabSingles holds text; get_values_from_single returns it as stored, keys in table order
  for (const f of [...fields].sort()) out[f] = doc[f] === undefined || doc[f] === null ? null : String(doc[f]);
  return out;
}

export const clientMethods: Record<string, { fn: (a: Args) => unknown; methods?: string[] }> = {
  // get_list(doctype, fields, filters, group_by, order_by, limit_start, limit_page_length=20, parent, debug,
  // as_dict: bool, or_filters): other keywords (limit, pluck, …) are dropped by frappe.call; as_dict is
  // converted from a string by the type-annotation wrapper (frappe/utils/typing_validations.py)
  'frappe.client.get_list': {
    fn: (a) => getList(cstr(requireArg(a, 'doctype')), {
      fields: a.fields, filters: a.filters, or_filters: a.or_filters, order_by: a.order_by, limit_start: a.limit_start,
      limit_page_length: a.limit_page_length ?? 20, parent: a.parent, as_dict: a.as_dict === undefined ? true : sbool(a.as_dict),
    }),
  },
  'frappe.client.get_count': { fn: (a) => getCount(cstr(requireArg(a, 'doctype')), a.filters) },
  'frappe.client.get': { fn: getDocument },
  'frappe.client.get_value': { fn: getValue },
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
      // client.delete_doc: a child row is removed through its parent, whose save runs
      if (getMeta(cstr(a.doctype)).istable) deleteChildRow(cstr(a.doctype), cstr(a.name), (doc, before) => saveDoc(doc, before));
      else deleteDoc(cstr(a.doctype), cstr(a.name));
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
