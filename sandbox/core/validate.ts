import { ctx } from './context';
import { FrappeError, frappeThrow } from './errors';
import type { DocTypeMeta } from './meta';
import { findMeta, getMeta, tableFields } from './registry';
import type { Doc } from './store';
import { pyStr } from './pyrepr';
import { bold, cstr, isEmpty } from './util';

// Framework checks of frappe/model/base_document.py and document.py, with their exact texts.

function rowsOf(meta: DocTypeMeta, doc: Doc): { meta: DocTypeMeta; row: Doc }[] {
  const out: { meta: DocTypeMeta; row: Doc }[] = [];
  for (const df of tableFields(meta)) {
    const childMeta = getMeta(df.options ?? '');
    for (const row of (doc[df.fieldname] as Doc[] | undefined) ?? []) out.push({ meta: childMeta, row });
  }
  return out;
}

/** _validate_links: "Could not find {Label}: {value}" (child rows "Row #{idx}: …"), joined by ", ". */
export function validateLinks(meta: DocTypeMeta, doc: Doc): void {
  const invalid: string[] = [];
  const cancelled: string[] = [];
  const check = (m: DocTypeMeta, d: Doc, prefix: string) => {
    for (const df of m.fields) {
      if (df.fieldtype !== 'Link' || isEmpty(d[df.fieldname])) continue;
      const target = findMeta(df.options ?? '');
      const value = cstr(d[df.fieldname]);
      const linked = target?.issingle ? null : ctx().store.get(df.options ?? '', value);
      if (!linked) invalid.push(`${prefix}${df.label}: ${value}`);
      else {
        d[df.fieldname] = linked.name; // MariaDB matched case-insensitively; Frappe stores the real name
        // get_invalid_links: amended_from may point at a cancelled document (that is what amending is)
        if (target?.isSubmittable && linked.docstatus === 2 && df.fieldname !== 'amended_from') cancelled.push(`${prefix}${df.label}: ${value}`);
      }
    }
  };
  check(meta, doc, '');
  for (const { meta: m, row } of rowsOf(meta, doc)) check(m, row, `Row #${row.idx}: `);
  if (invalid.length) frappeThrow(`Could not find ${invalid.join(', ')}`, 'LinkValidationError');
  if (cancelled.length) frappeThrow(`Cannot link cancelled document: ${cancelled.join(', ')}`, 'CancelledLinkError');
}

/** _validate_mandatory: one message per missing field, then MandatoryError "[DocType, name]: f1, f2". */
export function validateMandatory(meta: DocTypeMeta, doc: Doc): void {
  const missing: string[] = [];
  const messages: string[] = [];
  const check = (m: DocTypeMeta, d: Doc, isChild: boolean) => {
    for (const df of m.fields) {
      if (!df.reqd || !isEmpty(d[df.fieldname])) continue;
      missing.push(df.fieldname);
      if (df.fieldtype === 'Table') messages.push(`Error: Data missing in table: ${df.label}`);
      else if (isChild) messages.push(`Error: ${bold(m.name)} Row #${d.idx}: Value missing for: ${df.label}`);
      else messages.push(`Error: Value missing for ${m.name}: ${df.label}`);
    }
  };
  check(meta, doc, false);
  for (const { meta: m, row } of rowsOf(meta, doc)) check(m, row, true);
  if (!missing.length) return;
  for (const message of messages) ctx().log.push({ message, title: 'Message' });
  throw new FrappeError('MandatoryError', '', { exceptionText: `[${meta.name}, ${doc.name}]: ${missing.join(', ')}` });
}

/** _validate_selects: '{Row #n:} {Label} cannot be "{v}". It should be one of "{a}", "{b}"'. */
export function validateSelects(meta: DocTypeMeta, doc: Doc): void {
  const check = (m: DocTypeMeta, d: Doc, prefix: string) => {
    for (const df of m.fields) {
      if (df.fieldtype !== 'Select' || isEmpty(d[df.fieldname]) || !df.options) continue;
      const options = df.options.split('\n').filter(Boolean);
      const value = cstr(d[df.fieldname]);
      if (!options.length || options.includes(value)) continue;
      frappeThrow(`${prefix} ${df.label} cannot be "${value}". It should be one of "${options.join('", "')}"`);
    }
  };
  check(meta, doc, '');
  for (const { meta: m, row } of rowsOf(meta, doc)) check(m, row, `Row #${row.idx}:`);
}

/** validate_set_only_once: "Value cannot be changed for <strong>{Label}</strong>". */
export function validateSetOnlyOnce(meta: DocTypeMeta, doc: Doc, before: Doc): void {
  for (const df of meta.fields) {
    if (!df.setOnlyOnce) continue;
    if (cstr(before[df.fieldname]) !== cstr(doc[df.fieldname]) && !isEmpty(before[df.fieldname])) {
      frappeThrow(`Value cannot be changed for ${bold(df.label)}`, 'CannotChangeConstantError');
    }
  }
}

/**
 * base_document.py _validate_update_after_submit: a field without allow_on_submit may not change once
 * submitted (read-only ones included); a table is compared by its length, then row by row. Values print
 * the way Python does (None, 100.0), prefixed "Row #n:" on a child row.
 */
export function validateUpdateAfterSubmit(meta: DocTypeMeta, doc: Doc, before: Doc): void {
  compareAfterSubmit(meta, doc, before, '');
  for (const df of tableFields(meta)) {
    const beforeRows = (before[df.fieldname] as Doc[] | undefined) ?? [];
    for (const row of (doc[df.fieldname] as Doc[] | undefined) ?? []) {
      const old = beforeRows.find((r) => r.name === row.name);
      if (!old) continue; // a new row is only possible in an allow_on_submit table (checked on the parent)
      compareAfterSubmit(getMeta(df.options ?? ''), row, old, `Row #${cstr(row.idx)}:`);
    }
  }
}

function compareAfterSubmit(meta: DocTypeMeta, doc: Doc, before: Doc, prefix: string): void {
  for (const df of meta.fields) {
    if (df.allowOnSubmit) continue;
    const isTable = df.fieldtype === 'Table';
    let now: unknown = doc[df.fieldname] ?? null;
    let then: unknown = before[df.fieldname] ?? null;
    if (!truthy(now) && !truthy(then)) continue;
    if (isTable) {
      now = (now as unknown[] | null)?.length ?? 0;
      then = (then as unknown[] | null)?.length ?? 0;
    }
    if (!samePython(now, then)) {
      frappeThrow(
        // the stored value prints as Python loaded it (a Currency is a float: 100.0), the new one as the
        // request's JSON literal (5 stays 5)
        `${prefix} Not allowed to change ${bold(df.label)} after submission from ${bold(pyStr(then, isTable ? undefined : df))} to ${bold(pyStr(now))}`,
        'UpdateAfterSubmitError', { title: 'Cannot Update After Submit' },
      );
    }
  }
}

const truthy = (v: unknown) => !(v === null || v === undefined || v === '' || v === 0 || v === false || (Array.isArray(v) && !v.length));
const samePython = (a: unknown, b: unknown) => (typeof a === 'number' || typeof b === 'number' ? Number(a) === Number(b) : cstr(a) === cstr(b));
