import { ctx } from './context';
import { FrappeError } from './errors';
import { type Filter, holds, normalizeFilters } from './filters';
import { CHILD_TABLE_FIELDS, DEFAULT_FIELDS, parentTypeAndField, validateListArgs, type RawFilters } from './listArgs';
import type { DocTypeMeta } from './meta';
import { isNumericField } from './pyrepr';
import { checkPermission, hasPermission, permissionError } from './permissions';
import { findMeta, getField, getMeta, scalarFields, tableFields } from './registry';
import { sanitizeFields, validateOrderBy } from './sqlGuard';
import type { Doc } from './store';
import { cint, collate, cstr, flt } from './util';

// frappe.client.get_list → frappe/desk/reportview.py validate_args → frappe/model/db_query.py
// DatabaseQuery.execute, over the stored documents. A child-table field in `fields`, or a filter on a
// child doctype, LEFT JOINs that table: the result has one row per child row (a parent without rows
// gives one row of NULLs), exactly like the SQL Frappe sends.

export interface ListArgs {
  fields?: unknown;
  filters?: unknown;
  or_filters?: unknown;
  order_by?: unknown;
  limit_start?: unknown;
  limit_page_length?: unknown;
  as_dict?: unknown;
  parent?: unknown;
}

type Source = 'main' | 'child' | 'link' | 'count' | 'sum';
interface Column { label: string; source: Source; doctype: string; field: string; via?: string }
/** One result row before projection: the parent document and the joined child row per child doctype. */
interface Row { doc: Doc; joined: Map<string, Doc | null> }

const STANDARD = DEFAULT_FIELDS.filter((f) => f !== 'doctype');

function splitAlias(spec: string): [string, string | undefined] {
  const m = /^(.*?)\s+as\s+(.+)$/i.exec(spec.trim());
  return m ? [cstr(m[1]).trim(), cstr(m[2]).trim().replace(/[`'"]/g, '')] : [spec.trim(), undefined];
}

function starColumns(meta: DocTypeMeta): Column[] {
  const names = [...STANDARD, ...(meta.istable ? CHILD_TABLE_FIELDS : []), ...scalarFields(meta).map((df) => df.fieldname)];
  return names.map((field) => ({ label: field, source: 'main', doctype: meta.name, field }));
}

/** parse_args: "table_field.col" and "`tabChild`.`col`" join the child table; "link_field.col" joins the linked document. */
function toColumn(meta: DocTypeMeta, spec: string): Column {
  const [expr, alias] = splitAlias(spec);
  const agg = /^(count|sum)\s*\((.*)\)$/i.exec(expr);
  if (agg) {
    const inner = cstr(agg[2]).replace(/`/g, '').replace(/^tab[^.]+\./, '').trim();
    return { label: alias ?? expr, source: agg[1]?.toLowerCase() === 'sum' ? 'sum' : 'count', doctype: meta.name, field: inner };
  }
  const plain = expr.replace(/`/g, '');
  if (!plain.includes('.')) return { label: alias ?? plain, source: 'main', doctype: meta.name, field: plain };
  const [head = '', col = ''] = plain.split('.');
  const df = getField(meta, head);
  if (df?.fieldtype === 'Link') return { label: alias ?? col, source: 'link', doctype: cstr(df.options), field: col, via: head };
  const [doctype] = parentTypeAndField(meta, plain);
  return { label: alias ?? col, source: doctype === meta.name ? 'main' : 'child', doctype, field: col };
}

function parentRowsOf(meta: DocTypeMeta, doc: Doc, childDoctype: string): Doc[] {
  return tableFields(meta).filter((t) => t.options === childDoctype).flatMap((t) => (doc[t.fieldname] as Doc[] | undefined) ?? []);
}

/** LEFT JOIN each child doctype in turn: two joined tables multiply, a missing row is NULL. */
function expand(meta: DocTypeMeta, docs: Doc[], joins: string[]): Row[] {
  const rows: Row[] = [];
  for (const doc of docs) {
    let combos: Map<string, Doc | null>[] = [new Map()];
    for (const j of joins) {
      const children = parentRowsOf(meta, doc, j);
      combos = combos.flatMap((c) => (children.length ? children : [null]).map((row) => new Map(c).set(j, row)));
    }
    for (const joined of combos) rows.push({ doc, joined });
  }
  return rows;
}

function valueOf(meta: DocTypeMeta, row: Row, doctype: string, field: string): unknown {
  if (doctype === meta.name) return row.doc[field] ?? null;
  return row.joined.get(doctype)?.[field] ?? null;
}

function matches(meta: DocTypeMeta, row: Row, f: Filter): boolean {
  const target = f.doctype === meta.name ? meta : getMeta(f.doctype);
  return holds(target, f, valueOf(meta, row, target.name, f.field));
}

/** The rows of a child doctype listed directly (parent=<ParentDocType>), each carrying its parent fields. */
function childRows(childDoctype: string, parentDoctype: string): Doc[] {
  const parentMeta = getMeta(parentDoctype);
  return ctx().store.all(parentDoctype).flatMap((p) => parentRowsOf(parentMeta, p, childDoctype));
}

function baseDocs(meta: DocTypeMeta, args: ListArgs, checkPerms: boolean): Doc[] {
  if (meta.issingle) throw new FrappeError('ProgrammingError', '', { exceptionText: `('DocType', '${meta.name}')` });
  if (!meta.istable) return ctx().store.all(meta.name);
  // check_parent_permission: a child doctype needs parent=<ParentDocType> and read on that parent
  const parentMeta = args.parent ? findMeta(cstr(args.parent)) : undefined;
  if (!parentMeta || !tableFields(parentMeta).some((t) => t.options === meta.name)) throw new FrappeError('PermissionError', '');
  if (checkPerms) checkPermission(parentMeta, 'read', true);
  return childRows(meta.name, parentMeta.name);
}

interface SortKey { doctype: string; field: string; desc: boolean }

/**
 * ORDER BY as MariaDB resolves it: an unqualified name is looked up in the select list first, then in
 * the joined tables; unknown and ambiguous columns fail in the database (a 500).
 */
function sortKeys(meta: DocTypeMeta, orderBy: string, joins: string[], cols: Column[]): SortKey[] {
  const keys: SortKey[] = [];
  for (const part of orderBy.split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^(.*?)(?:\s+(asc|desc))?$/is.exec(part);
    const [expr, dir] = [cstr(m?.[1]).trim(), cstr(m?.[2])];
    if (expr.includes('(')) continue; // expressions are passed through unevaluated
    const plain = expr.replace(/`/g, '');
    const dot = plain.indexOf('.');
    const table = dot > 0 ? plain.slice(0, dot).replace(/^tab/, '') : null;
    const field = dot > 0 ? plain.slice(dot + 1) : plain;
    const inTable = (dt: string) => STANDARD.includes(field) || (findMeta(dt)?.istable && CHILD_TABLE_FIELDS.includes(field)) || !!getField(getMeta(dt), field);
    const desc = dir.toLowerCase() === 'desc';
    const selected = table ? [] : cols.filter((c) => c.label === field && (c.source === 'main' || c.source === 'child'));
    if (selected.length === 1) {
      keys.push({ doctype: (selected[0] as Column).doctype, field: (selected[0] as Column).field, desc });
      continue;
    }
    const candidates = table ? [table].filter(inTable) : [meta.name, ...joins].filter(inTable);
    if (!candidates.length) throw new FrappeError('OperationalError', `(1054, "Unknown column '${plain}' in 'order clause'")`);
    if (candidates.length > 1 || selected.length > 1) throw new FrappeError('OperationalError', `(1052, "Column '${plain}' in order clause is ambiguous")`);
    keys.push({ doctype: candidates[0] as string, field, desc });
  }
  return keys;
}

function sortRows(meta: DocTypeMeta, rows: Row[], keys: SortKey[]): Row[] {
  if (!keys.length) return rows;
  return [...rows].sort((a, b) => {
    for (const k of keys) {
      const [x, y] = [valueOf(meta, a, k.doctype, k.field), valueOf(meta, b, k.doctype, k.field)];
      const numeric = isNumericField(getField(getMeta(k.doctype), k.field)) || k.field === 'docstatus' || k.field === 'idx';
      // MariaDB sorts NULL first in ascending order
      const order = x === null || y === null ? (x === null ? (y === null ? 0 : -1) : 1)
        : numeric ? Math.sign(flt(x) - flt(y)) : collate(cstr(x), cstr(y));
      if (order) return k.desc ? -order : order;
    }
    return 0;
  });
}

function project(meta: DocTypeMeta, row: Row, cols: Column[]): [string, unknown][] {
  return cols.map((c) => {
    if (c.source === 'link') {
      const linked = row.doc[c.via ?? ''] ? ctx().store.get(c.doctype, cstr(row.doc[c.via ?? ''])) : null;
      return [c.label, linked?.[c.field] ?? null];
    }
    return [c.label, valueOf(meta, row, c.doctype, c.field)];
  });
}

/** Without GROUP BY an aggregate collapses the result to one row. */
function aggregate(meta: DocTypeMeta, rows: Row[], cols: Column[]): [string, unknown][] {
  return cols.map((c) => {
    if (c.source === 'count') return [c.label, c.field === '*' || c.field === 'name' ? rows.length : rows.filter((r) => valueOf(meta, r, c.doctype, c.field) !== null).length];
    if (c.source === 'sum') return [c.label, rows.reduce((s, r) => s + flt(valueOf(meta, r, c.doctype, c.field)), 0)];
    return project(meta, rows[0] ?? { doc: {} as Doc, joined: new Map() }, [c])[0] as [string, unknown];
  });
}

interface Prepared { meta: DocTypeMeta; cols: Column[]; rows: Row[] }

function prepare(doctype: string, args: ListArgs, checkPerms: boolean): Prepared {
  const meta = getMeta(doctype);
  const docs = baseDocs(meta, args, checkPerms);
  const valid = validateListArgs(meta, args as Record<string, unknown>);
  if (checkPerms && !meta.istable && !hasPermission(meta, 'read')) throw permissionError(doctype, true);
  const specs = valid.fields.length ? valid.fields : ['name'];
  const cols = valid.wildcard ? starColumns(meta) : specs.flatMap((s) => (s.trim() === '*' ? starColumns(meta) : [toColumn(meta, s)]));
  sanitizeFields(specs);
  const filters = normalizeFilters(meta.name, valid.filters as RawFilters);
  const orFilters = normalizeFilters(meta.name, valid.orFilters as RawFilters);
  const joins = [...new Set([...cols.filter((c) => c.source === 'child').map((c) => c.doctype),
    ...[...filters, ...orFilters].map((f) => f.doctype).filter((d) => d !== meta.name)])];
  for (const j of joins) {
    const joined = getMeta(j);
    if (checkPerms && !joined.istable && !hasPermission(joined, 'read')) throw permissionError(j, true);
  }
  let rows = expand(meta, docs, joins).filter((r) => filters.every((f) => matches(meta, r, f)));
  if (orFilters.length) rows = rows.filter((r) => orFilters.some((f) => matches(meta, r, f)));
  const orderBy = cstr(args.order_by).trim();
  validateOrderBy(orderBy, [meta.name, ...joins].map((d) => `\`tab${d}\``));
  return { meta, cols, rows: sortRows(meta, rows, sortKeys(meta, orderBy, joins, cols)) };
}

/** Python truthiness of a parameter that may arrive as a string ("0" is truthy in Python). */
export const pyTruthy = (v: unknown): boolean => !(v === undefined || v === null || v === '' || v === 0 || v === false);

export function getList(doctype: string, args: ListArgs, checkPerms = true): unknown[] {
  const { meta, cols, rows } = prepare(doctype, args, checkPerms);
  const aggregated = cols.some((c) => c.source === 'count' || c.source === 'sum');
  let tuples = aggregated ? [aggregate(meta, rows, cols)] : rows.map((r) => project(meta, r, cols));
  const start = cint(args.limit_start);
  const length = cint(args.limit_page_length ?? 20);
  tuples = tuples.slice(start, length > 0 ? start + length : undefined);
  // as_dict: a repeated label keeps its first position and the last value (pymysql's dict rows)
  const asDict = args.as_dict === undefined || args.as_dict === null ? true : pyTruthy(args.as_dict);
  return asDict ? tuples.map((t) => Object.fromEntries(t)) : tuples.map((t) => t.map(([, v]) => v));
}

/** frappe/desk/reportview.py get_count: the rows of the query (a child join counts its rows). */
export function getCount(doctype: string, filters: unknown, checkPerms = true): number {
  return prepare(doctype, { filters, fields: undefined }, checkPerms).rows.length;
}

/** Distinct documents matching filters (sandbox internals and `sb.db.count`). */
export function selectDocs(doctype: string, args: ListArgs, checkPerms = true): Doc[] {
  const { rows } = prepare(doctype, { filters: args.filters, or_filters: args.or_filters, order_by: args.order_by, parent: args.parent }, checkPerms);
  const seen = new Set<Doc>();
  return rows.map((r) => r.doc).filter((d) => (seen.has(d) ? false : (seen.add(d), true)));
}
