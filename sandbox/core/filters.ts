import { ctx } from './context';
import { FrappeError, frappeThrow } from './errors';
import type { DocTypeMeta, Field } from './meta';
import { NUMERIC_TYPES } from './meta';
import { findMeta, getMeta, tableFields } from './registry';
import type { Doc } from './store';
import { cstr, flt, isEmpty, parseJsonParam } from './util';

// frappe/model/db_query.py filter semantics, evaluated in memory: MariaDB's case-insensitive string
// comparison, ifnull(field, '') for empty values, child-table filters matching any row.

export interface Filter { doctype: string; field: string; op: string; value: unknown }

const OPERATORS = [
  '=', '!=', '>', '<', '>=', '<=', 'like', 'not like', 'in', 'not in', 'is', 'between', 'descendants of',
  'ancestors of', 'not descendants of', 'not ancestors of', 'timespan', 'previous', 'next',
];
const TREE_OPS = ['descendants of', 'descendants of (inclusive)', 'ancestors of', 'not descendants of', 'not ancestors of'];

export const STANDARD_FIELDS = ['name', 'owner', 'creation', 'modified', 'modified_by', 'docstatus', 'idx'];
const NUMERIC_STANDARD = new Set(['docstatus', 'idx']);

export function fieldOf(meta: DocTypeMeta, fieldname: string): Field | undefined {
  return meta.fields.find((df) => df.fieldname === fieldname);
}

export function isValidColumn(meta: DocTypeMeta, fieldname: string): boolean {
  if (STANDARD_FIELDS.includes(fieldname)) return true;
  if (meta.istable && ['parent', 'parentfield', 'parenttype'].includes(fieldname)) return true;
  const df = fieldOf(meta, fieldname);
  return !!df && df.fieldtype !== 'Table';
}

export function parseFilters(doctype: string, raw: unknown): Filter[] {
  if (raw === undefined || raw === null || raw === '') return [];
  let value: unknown;
  try {
    value = parseJsonParam(raw);
  } catch {
    // a bare name: get_value(doctype, "X") filters by name
    return [{ doctype, field: 'name', op: '=', value: raw }];
  }
  if (typeof value === 'string') return [{ doctype, field: 'name', op: '=', value }];
  const out: Filter[] = [];
  const fromPair = (field: string, v: unknown) => {
    if (Array.isArray(v) && typeof v[0] === 'string' && OPERATORS.concat(['==', '<>', 'descendants of (inclusive)']).includes(v[0].toLowerCase())) {
      out.push({ doctype, field, op: v[0], value: v[1] });
    } else out.push({ doctype, field, op: '=', value: v });
  };
  if (Array.isArray(value)) {
    for (const item of value) {
      if (Array.isArray(item)) {
        if (item.length >= 4) out.push({ doctype: String(item[0]), field: String(item[1]), op: String(item[2]), value: item[3] });
        else if (item.length === 3) out.push({ doctype, field: String(item[0]), op: String(item[1]), value: item[2] });
        else if (item.length === 2) out.push({ doctype, field: String(item[0]), op: '=', value: item[1] });
      } else if (item && typeof item === 'object') {
        for (const [k, v] of Object.entries(item)) fromPair(k, v);
      }
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) fromPair(k, v);
  }
  return out;
}

function treeParentField(meta: DocTypeMeta): string | undefined {
  const candidate = `parent_${meta.name.toLowerCase().replace(/ /g, '_')}`;
  return fieldOf(meta, candidate) ? candidate : undefined;
}

function treeSet(meta: DocTypeMeta, root: string, op: string): Set<string> {
  const parentField = treeParentField(meta);
  const docs = ctx().store.all(meta.name);
  const result = new Set<string>();
  if (!parentField) return result;
  if (op.includes('ancestors')) {
    let current = docs.find((d) => d.name.toLowerCase() === root.toLowerCase());
    while (current && current[parentField]) {
      const parentName = cstr(current[parentField]);
      result.add(parentName.toLowerCase());
      current = docs.find((d) => d.name === parentName);
    }
    return result;
  }
  const queue = [root.toLowerCase()];
  if (op === 'descendants of (inclusive)') result.add(root.toLowerCase());
  while (queue.length) {
    const parentName = queue.shift() as string;
    for (const d of docs) {
      if (cstr(d[parentField]).toLowerCase() === parentName && !result.has(d.name.toLowerCase())) {
        result.add(d.name.toLowerCase());
        queue.push(d.name.toLowerCase());
      }
    }
  }
  return result;
}

const likeRegex = (pattern: string) =>
  new RegExp(`^${pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.')}$`, 'is');

const listOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : cstr(v).split(',').map((s) => s.trim()));

export function compare(meta: DocTypeMeta, field: string, fieldValue: unknown, opRaw: string, value: unknown): boolean {
  const op = opRaw.toLowerCase().trim();
  const df = fieldOf(meta, field);
  const numeric = NUMERIC_STANDARD.has(field) || (!!df && NUMERIC_TYPES.has(df.fieldtype));
  const norm = (x: unknown) => (numeric ? flt(x) : cstr(x).toLowerCase());
  const a = norm(fieldValue);
  switch (op) {
    case '=': case '==': return a === norm(value);
    case '!=': case '<>': return a !== norm(value);
    case '<': return a < norm(value);
    case '>': return a > norm(value);
    case '<=': return a <= norm(value);
    case '>=': return a >= norm(value);
    case 'like': return likeRegex(cstr(value)).test(cstr(fieldValue));
    case 'not like': return !likeRegex(cstr(value)).test(cstr(fieldValue));
    case 'in': return listOf(value).map(norm).includes(a);
    case 'not in': return !listOf(value).map(norm).includes(a);
    case 'is': return cstr(value).toLowerCase() === 'set' ? !isEmpty(fieldValue) : isEmpty(fieldValue);
    case 'between': {
      const [lo, hi] = listOf(value).map(cstr);
      const v = cstr(fieldValue);
      const upper = df?.fieldtype === 'Datetime' && hi && hi.length === 10 ? `${hi} 23:59:59.999999` : hi;
      return v >= (lo ?? '') && v <= (upper ?? '');
    }
    default:
      if (TREE_OPS.includes(op)) {
        const set = treeSet(meta, cstr(value), op);
        const inSet = set.has(cstr(fieldValue).toLowerCase());
        return op.startsWith('not') ? !inSet : inSet;
      }
      return frappeThrow(`Operator must be one of ${OPERATORS.join(', ')}`);
  }
}

/** Does `doc` satisfy one filter? A filter on a child doctype matches when any of its rows does. */
export function matchFilter(meta: DocTypeMeta, doc: Doc, f: Filter): boolean {
  if (f.doctype === meta.name || !f.doctype) return compare(meta, f.field, doc[f.field], f.op, f.value);
  const childMeta = findMeta(f.doctype);
  const tables = tableFields(meta).filter((t) => t.options === f.doctype);
  if (!childMeta || !tables.length) return compare(meta, f.field, doc[f.field], f.op, f.value);
  const rows = tables.flatMap((t) => (doc[t.fieldname] as Doc[] | undefined) ?? []);
  if (!rows.length) return compare(childMeta, f.field, null, f.op, f.value);
  return rows.some((r) => compare(childMeta, f.field, r[f.field], f.op, f.value));
}

export function checkFilterFields(meta: DocTypeMeta, filters: Filter[]): void {
  for (const f of filters) {
    const target = f.doctype === meta.name || !f.doctype ? meta : findMeta(f.doctype) ?? getMeta(f.doctype);
    if (!isValidColumn(target, f.field)) {
      throw new FrappeError('OperationalError', `(1054, "Unknown column '${f.field}' in 'where clause'")`);
    }
  }
}
