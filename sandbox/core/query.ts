import { ctx } from './context';
import { FrappeError, frappeThrow } from './errors';
import { checkFilterFields, fieldOf, isValidColumn, matchFilter, parseFilters, STANDARD_FIELDS } from './filters';
import type { DocTypeMeta } from './meta';
import { NUMERIC_TYPES } from './meta';
import { checkPermission, hasPermission, permissionError } from './permissions';
import { findMeta, getMeta, scalarFields, tableFields } from './registry';
import type { Doc } from './store';
import { cint, collate, cstr, flt } from './util';

// frappe.client.get_list / DatabaseQuery.execute over the in-memory documents.

export interface ListArgs {
  fields?: unknown;
  filters?: unknown;
  or_filters?: unknown;
  order_by?: unknown;
  limit_start?: unknown;
  limit_page_length?: unknown;
  limit?: unknown;
  as_dict?: unknown;
  parent?: unknown;
  pluck?: unknown;
}

interface Column { alias: string; kind: 'own' | 'child' | 'link' | 'count'; field: string; via?: string }

function parseFields(raw: unknown, strictJson: boolean): string[] {
  if (raw === undefined || raw === null || raw === '') return ['name'];
  if (Array.isArray(raw)) return raw.map(String);
  const text = String(raw);
  try {
    const parsed = JSON.parse(text) as unknown;
    return Array.isArray(parsed) ? parsed.map(String) : [String(parsed)];
  } catch {
    if (strictJson) throw new FrappeError('JSONDecodeError', 'Expecting value: line 1 column 1 (char 0)');
    return text.split(',').map((s) => s.trim());
  }
}

function notPermitted(field: string): never {
  return frappeThrow(`Field not permitted in query: ${field}`, 'DataError');
}

function resolveColumns(meta: DocTypeMeta, fields: string[]): Column[] {
  const cols: Column[] = [];
  for (const spec of fields) {
    const [expr = '', alias] = spec.split(/\s+as\s+/i).map((s) => s.trim().replace(/`/g, ''));
    const count = /^count\((.*)\)$/i.exec(expr);
    if (count) {
      cols.push({ alias: alias ?? expr, kind: 'count', field: 'name' });
      continue;
    }
    if (expr === '*') {
      for (const f of [...STANDARD_FIELDS, ...scalarFields(meta).map((df) => df.fieldname)]) cols.push({ alias: f, kind: 'own', field: f });
      continue;
    }
    const plain = expr.replace(/^tab[^.]+\./, '');
    if (plain.includes('.')) {
      const [via = '', col = ''] = plain.split('.');
      const table = tableFields(meta).find((t) => t.fieldname === via);
      const link = fieldOf(meta, via);
      if (table && isValidColumn(getMeta(table.options ?? ''), col)) cols.push({ alias: alias ?? col, kind: 'child', field: col, via });
      else if (link?.fieldtype === 'Link' && findMeta(link.options ?? '') && isValidColumn(getMeta(link.options ?? ''), col)) {
        cols.push({ alias: alias ?? `${via}.${col}`, kind: 'link', field: col, via });
      } else notPermitted(expr);
      continue;
    }
    if (!isValidColumn(meta, plain)) notPermitted(plain);
    cols.push({ alias: alias ?? plain, kind: 'own', field: plain });
  }
  return cols;
}

function sortDocs(meta: DocTypeMeta, docs: Doc[], orderBy: unknown): Doc[] {
  const spec = cstr(orderBy).trim();
  if (!spec) return docs;
  const keys = spec.split(',').map((part) => {
    const [field = 'name', dir = 'asc'] = part.trim().replace(/`/g, '').replace(/^tab[^.]+\./, '').split(/\s+/);
    return { field, desc: dir.toLowerCase() === 'desc' };
  });
  return [...docs].sort((a, b) => {
    for (const { field, desc } of keys) {
      const df = fieldOf(meta, field);
      const numeric = field === 'docstatus' || field === 'idx' || (!!df && NUMERIC_TYPES.has(df.fieldtype));
      const order = numeric ? Math.sign(flt(a[field]) - flt(b[field])) : collate(cstr(a[field]), cstr(b[field]));
      if (order) return order * (desc ? -1 : 1);
    }
    return 0;
  });
}

/** Rows of a child doctype, for listing it directly with parent=<ParentDocType>. */
function childRows(childDoctype: string, parentDoctype: string): Doc[] {
  const parentMeta = getMeta(parentDoctype);
  const rows: Doc[] = [];
  for (const parent of ctx().store.all(parentDoctype)) {
    for (const t of tableFields(parentMeta).filter((t) => t.options === childDoctype)) rows.push(...((parent[t.fieldname] as Doc[]) ?? []));
  }
  return rows;
}

export function selectDocs(doctype: string, args: ListArgs, checkPerms = true): Doc[] {
  const meta = getMeta(doctype);
  if (meta.issingle) throw new FrappeError('ProgrammingError', '', { exceptionText: `('DocType', '${doctype}')` });
  let docs: Doc[];
  if (meta.istable) {
    const parent = cstr(args.parent);
    const parentMeta = parent ? findMeta(parent) : undefined;
    if (!parentMeta) throw new FrappeError('PermissionError', '');
    if (checkPerms) checkPermission(parentMeta, 'read', true);
    docs = childRows(doctype, parent);
  } else {
    if (checkPerms && !hasPermission(meta, 'read')) throw permissionError(doctype, true);
    docs = ctx().store.all(doctype);
  }
  const filters = parseFilters(doctype, args.filters);
  const orFilters = parseFilters(doctype, args.or_filters);
  checkFilterFields(meta, [...filters, ...orFilters]);
  docs = docs.filter((d) => filters.every((f) => matchFilter(meta, d, f)));
  if (orFilters.length) docs = docs.filter((d) => orFilters.some((f) => matchFilter(meta, d, f)));
  return sortDocs(meta, docs, args.order_by);
}

export function getList(doctype: string, args: ListArgs, options: { strictJson?: boolean } = {}): unknown[] {
  const meta = getMeta(doctype);
  const fields = args.pluck ? [cstr(args.pluck)] : parseFields(args.fields, options.strictJson ?? false);
  const cols = resolveColumns(meta, fields);
  const docs = selectDocs(doctype, args);
  if (cols.some((c) => c.kind === 'count')) return [Object.fromEntries(cols.map((c) => [c.alias, docs.length]))];
  let rows: Record<string, unknown>[] = [];
  const childVia = cols.find((c) => c.kind === 'child')?.via;
  for (const doc of docs) {
    const children = childVia ? ((doc[childVia] as Doc[] | undefined) ?? []) : [];
    for (const child of children.length ? children : [null]) rows.push(project(doc, child, cols));
  }
  const start = cint(args.limit_start);
  const pageLength = args.limit_page_length ?? args.limit;
  const length = pageLength === undefined || pageLength === null || pageLength === '' ? 20 : cint(pageLength);
  rows = rows.slice(start, length > 0 ? start + length : undefined);
  if (args.pluck) return rows.map((r) => r[cols[0]?.alias ?? 'name']);
  const asDict = args.as_dict === undefined || args.as_dict === null || args.as_dict === '' ? true : !!cint(args.as_dict) || args.as_dict === 'true';
  return asDict ? rows : rows.map((r) => Object.values(r));
}

function project(doc: Doc, child: Doc | null, cols: Column[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of cols) {
    if (c.kind === 'own') out[c.alias] = doc[c.field] ?? null;
    else if (c.kind === 'child') out[c.alias] = child ? (child[c.field] ?? null) : null;
    else if (c.kind === 'link') {
      const meta = getMeta(doc.doctype);
      const target = fieldOf(meta, c.via ?? '')?.options ?? '';
      const linked = doc[c.via ?? ''] ? ctx().store.get(target, cstr(doc[c.via ?? ''])) : null;
      out[c.alias] = linked ? (linked[c.field] ?? null) : null;
    }
  }
  return out;
}

export function getCount(doctype: string, filters: unknown): number {
  return selectDocs(doctype, { filters }).length;
}
