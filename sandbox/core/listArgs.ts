import { FrappeError, frappeThrow } from './errors';
import type { DocTypeMeta } from './meta';
import { getField, getMeta } from './registry';
import { cstr } from './util';

// frappe/desk/reportview.py validate_args (called by frappe/client.py get_list before the query is
// built): parse_json, validate_fields, validate_filters. An unknown field in fields, filters or
// or_filters is a 417 DataError "Field not permitted in query: …" — never a database error.

export const DEFAULT_FIELDS = ['doctype', 'name', 'owner', 'creation', 'modified', 'modified_by', 'docstatus', 'idx'];
export const OPTIONAL_FIELDS = ['_user_tags', '_comments', '_assign', '_liked_by', '_seen'];
export const CHILD_TABLE_FIELDS = ['parent', 'parentfield', 'parenttype'];

export type RawFilters = unknown[] | Record<string, unknown>;

export interface ValidatedArgs {
  fields: string[];
  wildcard: boolean;
  filters: RawFilters;
  orFilters: RawFilters;
}

export function raiseInvalidField(fieldname: string): never {
  return frappeThrow(`Field not permitted in query: ${fieldname}`, 'DataError');
}

/** json.loads of a string parameter: a non-JSON string is a 500 JSONDecodeError, as on a real site. */
function loads(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch (error) {
    throw new FrappeError('JSONDecodeError', (error as Error).message.replace(/^.*?: /, ''));
  }
}

/** reportview.parse_json: empty values stay empty, "*" stays "*", anything else is JSON. */
export function parseJsonArgs(args: Record<string, unknown>): { fields: unknown; filters: unknown; orFilters: unknown } {
  const fields = args.fields;
  return {
    fields: fields === '*' ? ['*'] : fields ? loads(fields) : fields,
    filters: args.filters ? loads(args.filters) : args.filters,
    orFilters: args.or_filters ? loads(args.or_filters) : args.or_filters,
  };
}

/** is_standard: the part after "." counts ("accounts.parent" is standard). */
export function isStandard(fieldname: string): boolean {
  const name = fieldname.includes('.') ? cstr(fieldname.split('.')[1]).replace(/`/g, '') : fieldname;
  return DEFAULT_FIELDS.includes(name) || OPTIONAL_FIELDS.includes(name) || CHILD_TABLE_FIELDS.includes(name);
}

/**
 * extract_fieldnames (sql_metadata's Parser): the first column an expression reads, without backticks
 * and alias — inside functions too (concat(name, 'x') reads name); count(*) reads "*", and an
 * expression that reads no column fails with Python's IndexError (a 500).
 */
export function extractFieldname(field: string): string {
  let expr = field.split(/\s+as\s+/i)[0]?.trim() ?? '';
  for (let fn = /^\w+\s*\((.*)\)$/s.exec(expr); fn; fn = /^\w+\s*\((.*)\)$/s.exec(expr)) expr = cstr(fn[1]).replace(/^distinct\s+/i, '').trim();
  const parts = expr.split(',').map((p) => p.trim());
  const column = parts.find((p) => p && !/^['"]/.test(p) && !/^-?\d+(\.\d+)?$/.test(p) && p !== '*');
  if (column) return column.replace(/`/g, '');
  if (parts.includes('*')) return '*';
  throw new FrappeError('IndexError', 'list index out of range');
}

/** get_parenttype_and_fieldname: "table_field.col" → child doctype, "link_field.col" → linked doctype, "tabX.col" → X. */
export function parentTypeAndField(meta: DocTypeMeta, field: string): [string, string] {
  if (!field.includes('.')) return [meta.name, field];
  const [head = '', col = ''] = field.split('.');
  const df = getField(meta, head);
  if (!df && head.startsWith('tab')) return [head.slice(3), col];
  // df.options on None: Python's AttributeError, a 500
  if (!df) throw new FrappeError('AttributeError', "'NoneType' object has no attribute 'options'");
  return [cstr(df.options), col];
}

function assertField(meta: DocTypeMeta, fieldname: string, reported = fieldname): void {
  if (isStandard(fieldname)) return;
  const [doctype, col] = parentTypeAndField(meta, fieldname);
  if (!getField(getMeta(doctype), col)) raiseInvalidField(reported);
}

function validateFilters(meta: DocTypeMeta, filters: RawFilters): void {
  if (!Array.isArray(filters)) {
    for (const key of Object.keys(filters)) assertField(meta, key);
    return;
  }
  for (const condition of filters) {
    const c = condition as unknown[];
    if (c.length === 3) {
      assertField(meta, cstr(c[0]), cstr(c[0]));
    } else {
      // [doctype, fieldname, op, value] — any other length lands here too (get_meta(c[0]) may 404)
      const fieldname = cstr(c[1]);
      if (isStandard(fieldname)) continue;
      if (!getField(getMeta(cstr(c[0])), fieldname)) raiseInvalidField(fieldname);
    }
  }
}

function asFilters(value: unknown): RawFilters {
  if (value === undefined || value === null || value === '') return [];
  if (typeof value === 'string') return { name: value };
  return value as RawFilters;
}

export function validateListArgs(meta: DocTypeMeta, args: Record<string, unknown>): ValidatedArgs {
  const parsed = parseJsonArgs(args);
  const raw = parsed.fields;
  const wildcard = (Array.isArray(raw) && raw.length === 1 && raw[0] === '*') || raw === '*';
  const fields = wildcard ? ['*'] : Array.isArray(raw) ? raw.map(cstr).filter(Boolean) : raw ? [cstr(raw)] : [];
  if (!wildcard) {
    for (const field of fields) {
      const fieldname = extractFieldname(field);
      if (!fieldname) raiseInvalidField(fieldname);
      if (fieldname === '*') continue; // count(*)
      assertField(meta, fieldname);
    }
  }
  const filters = asFilters(parsed.filters);
  const orFilters = asFilters(parsed.orFilters);
  validateFilters(meta, filters);
  validateFilters(meta, orFilters);
  return { fields, wildcard, filters, orFilters };
}
