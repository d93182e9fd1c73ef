import { ctx } from './context';
import { frappeThrow } from './errors';
import type { RawFilters } from './listArgs';
import type { DocTypeMeta, Field } from './meta';
import { isNumericField, pyRepr } from './pyrepr';
import { getField } from './registry';
import { cstr, flt } from './util';

// One filter condition as frappe/utils/data.py get_filter normalises it and frappe/model/db_query.py
// prepare_filter_condition turns it into SQL, evaluated here row by row with MariaDB's semantics:
// case-insensitive strings, NULL never equal to anything, and `ifnull(col, fallback)` exactly where
// Frappe wraps the column (so a missing child row or an unset field matches `!=`, `not in`, `is not set`).

export interface Filter { doctype: string; field: string; op: string; value: unknown }

export const VALID_OPERATORS = [
  '=', '!=', '>', '<', '>=', '<=', 'like', 'not like', 'in', 'not in', 'is', 'between', 'descendants of',
  'ancestors of', 'not descendants of', 'not ancestors of', 'timespan', 'previous', 'next',
];
const TREE_OPS = ['descendants of', 'ancestors of', 'not descendants of', 'not ancestors of'];
const NUMERIC_STANDARD = new Set(['docstatus', 'idx']);

/** make_filter_tuple: a list value is always [operator, value]. */
const tuple = (doctype: string, key: string, value: unknown): unknown[] =>
  Array.isArray(value) ? [doctype, key, value[0], value[1]] : [doctype, key, '=', value];

function toFilter(doctype: string, item: unknown): Filter {
  let f: unknown[];
  if (item && typeof item === 'object' && !Array.isArray(item)) {
    const [key = '', value] = Object.entries(item as Record<string, unknown>)[0] ?? [];
    f = tuple(doctype, key, value);
  } else if (Array.isArray(item)) {
    if (item.length === 3) f = [doctype, ...item];
    else if (item.length > 4) f = item.slice(0, 4);
    else if (item.length !== 4) return frappeThrow(`Filter must have 4 values (doctype, fieldname, operator, value): ${pyRepr(item)}`);
    else f = item;
  } else return frappeThrow('Filter must be a tuple or list (in a list)');
  const op = cstr(f[2]) || '=';
  if (!VALID_OPERATORS.includes(op.toLowerCase())) frappeThrow(`Operator must be one of ${VALID_OPERATORS.join(', ')}`);
  return { doctype: cstr(f[0]) || doctype, field: cstr(f[1]), op: op.toLowerCase(), value: f[3] };
}

export function normalizeFilters(doctype: string, raw: RawFilters): Filter[] {
  if (!Array.isArray(raw)) return Object.entries(raw).map(([k, v]) => toFilter(doctype, tuple(doctype, k, v)));
  return raw.map((item) => toFilter(doctype, item));
}

/** A tree filter becomes `in`/`not in` over the nodes (db_query uses lft/rgt; the parent field gives the same set). */
function treeNodes(meta: DocTypeMeta, field: string, root: string, op: string): string[] {
  const df = getField(meta, field);
  const target = df?.options && df.fieldtype === 'Link' ? df.options : meta.name;
  const parentField = `parent_${target.toLowerCase().replace(/ /g, '_')}`;
  const docs = ctx().store.all(target);
  const byName = new Map(docs.map((d) => [d.name.toLowerCase(), d]));
  const out: string[] = [];
  if (op.includes('ancestors')) {
    for (let cur = byName.get(root.toLowerCase()); cur?.[parentField];) {
      out.push(cstr(cur[parentField]));
      cur = byName.get(cstr(cur[parentField]).toLowerCase());
    }
    return out;
  }
  const queue = [root.toLowerCase()];
  while (queue.length) {
    const parent = queue.shift() as string;
    for (const d of docs) {
      if (cstr(d[parentField]).toLowerCase() === parent && !out.includes(d.name)) {
        out.push(d.name);
        queue.push(d.name.toLowerCase());
      }
    }
  }
  return out;
}

const likeRegex = (pattern: string) =>
  new RegExp(`^${pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.')}$`, 'is');

/** The list of an `in` filter: a comma-separated string is split; each value is stripped (db_query). */
function inValues(value: unknown): string[] {
  const list = value === null || value === undefined || value === '' ? [] : Array.isArray(value) ? value : cstr(value).split(',');
  return list.map((v) => cstr(v).trim());
}

interface Column { df: Field | undefined; field: string; numeric: boolean }

function sqlCompare(col: Column, a: unknown, op: string, b: unknown): boolean {
  if (col.numeric) {
    const [x, y] = [flt(a), flt(b)];
    return op === '=' ? x === y : op === '!=' ? x !== y : op === '<' ? x < y : op === '>' ? x > y : op === '<=' ? x <= y : x >= y;
  }
  const [x, y] = [cstr(a).toLowerCase(), cstr(b).toLowerCase()];
  return op === '=' ? x === y : op === '!=' ? x !== y : op === '<' ? x < y : op === '>' ? x > y : op === '<=' ? x <= y : x >= y;
}

/** get_between_date_filter: a Datetime column compares from 00:00:00 to 23:59:59.999999. */
function between(col: Column, raw: unknown, value: unknown): boolean {
  const [lo = ctx().today(), hi = ctx().today()] = (Array.isArray(value) ? value : cstr(value).split(',')).map(cstr);
  if (raw === null || raw === undefined) return false;
  const v = cstr(raw);
  const isDatetime = !col.df || col.df.fieldtype === 'Datetime';
  const from = isDatetime && lo.length === 10 ? `${lo} 00:00:00` : lo;
  const to = isDatetime && hi.length === 10 ? `${hi} 23:59:59.999999` : hi;
  return v >= from && v <= to;
}

/** Does one condition hold for a column value (null = SQL NULL, e.g. no child row)? */
export function holds(meta: DocTypeMeta, f: Filter, raw: unknown): boolean {
  const df = getField(meta, f.field);
  const col: Column = { df, field: f.field, numeric: isNumericField(df) || NUMERIC_STANDARD.has(f.field) };
  let canBeNull = !['name', 'modified', 'creation'].includes(f.field);
  let op = f.op;
  let value = f.value;
  if (TREE_OPS.includes(op)) {
    value = f.value ? treeNodes(meta, f.field, cstr(f.value), op) : [];
    op = op.startsWith('not') ? 'not in' : 'in';
  }
  if (op === 'in' || op === 'not in') {
    const values = inValues(value);
    if (op === 'in') canBeNull &&= !values.length || values.includes('');
    const set = (values.length ? values : ['']).map((v) => (col.numeric ? String(flt(v)) : v.toLowerCase()));
    const isNull = raw === null || raw === undefined;
    if (isNull && !canBeNull) return false;
    const v = isNull ? '' : col.numeric ? String(flt(raw)) : cstr(raw).toLowerCase();
    return op === 'in' ? set.includes(v) : !set.includes(v);
  }
  if (col.numeric) canBeNull = false;
  if (op === 'between') return between(col, raw, value);
  if (op === 'is') {
    if (cstr(value) === 'set') return raw !== null && raw !== undefined && (col.numeric ? flt(raw) !== 0 : cstr(raw) !== '');
    return raw === null || raw === undefined || (col.numeric ? flt(raw) === 0 : cstr(raw) === '');
  }
  const isDate = df?.fieldtype === 'Date' || df?.fieldtype === 'Datetime' || f.field === 'creation' || f.field === 'modified';
  if ((op === '>' || op === '>=') && isDate) canBeNull = false;
  const plain = !canBeNull || (!!value && (op === '=' || op === 'like'));
  if ((raw === null || raw === undefined) && plain) return false; // NULL compared in SQL: unknown → no row
  const v = raw === null || raw === undefined ? (df?.fieldtype === 'Date' ? '0001-01-01' : '') : raw;
  if (op === 'like') return likeRegex(cstr(value)).test(cstr(v));
  if (op === 'not like') return !likeRegex(cstr(value)).test(cstr(v));
  if (op === 'timespan' || op === 'previous' || op === 'next') return frappeThrow(`The sandbox does not evaluate the ${op} operator`);
  return sqlCompare(col, v, op, value ?? '');
}
