import { ctx } from './context';
import { frappeThrow } from './errors';
import type { DocTypeMeta } from './meta';
import { getField } from './registry';
import type { Doc } from './store';
import { cint, cstr } from './util';

// frappe/model/naming.py set_new_name: Prompt, field:x, hash, naming series, or the controller's autoname.

/** parse_naming_series without the counter: date parts and {field} parts (the year is today's, not posting_date's). */
function seriesPrefix(parts: string[], doc?: Doc): string {
  let prefix = '';
  for (const part of parts) {
    if (!part || part.startsWith('#')) continue;
    if (part === 'YYYY') prefix += ctx().year();
    else if (part === 'YY') prefix += ctx().year().slice(2);
    else if (part === 'MM') prefix += ctx().today().slice(5, 7);
    else if (part === 'DD') prefix += ctx().today().slice(8, 10);
    else if (part.startsWith('{') && doc) prefix += cstr(doc[part.slice(1, -1)]);
    else prefix += part;
  }
  return prefix;
}

/** "POS-OPE-.YYYY.-.#####" → "POS-OPE-2026-00001" (frappe/model/naming.py parse_naming_series + getseries). */
export function makeAutoname(series: string, doc?: Doc): string {
  let pattern = series.replace(/^naming_series:/, '');
  if (!pattern.includes('#')) pattern = `${pattern}.#####`;
  const parts = pattern.split('.');
  const digits = parts.find((p) => p.startsWith('#'))?.length ?? 5;
  const prefix = seriesPrefix(parts, doc);
  return prefix + String(ctx().store.nextSeries(prefix)).padStart(digits, '0');
}

/**
 * frappe/model/naming.py revert_series_if_last: deleting the newest document of a series gives its number
 * back, so the next insert reuses the name. The prefix is built with today's date, so a document of an
 * earlier year does not revert this year's counter.
 */
export function revertSeriesIfLast(key: string, name: string, doc: Doc): void {
  let prefix = key;
  let rest = name;
  if (key.includes('.#')) {
    const cut = key.lastIndexOf('.');
    const hashes = key.slice(cut + 1);
    prefix = key.slice(0, cut);
    if (!hashes.includes('#')) {
      const hash = /#+/.exec(key);
      if (!hash) return;
      rest = rest.split(hashes).join('');
      prefix = prefix.replace(hash[0], '');
    }
  }
  if (prefix.includes('.')) prefix = seriesPrefix(prefix.split('.'), doc);
  const count = cint(prefix ? rest.split(prefix).join('') : rest);
  const store = ctx().store;
  if (store.seriesCurrent(prefix) === count) store.setSeries(prefix, count - 1);
}

/** delete_doc.update_naming_series: only series-named doctypes give numbers back. */
export function revertNamingSeries(meta: DocTypeMeta, doc: Doc): void {
  const autoname = meta.autoname ?? '';
  if (autoname.startsWith('naming_series:') && doc.naming_series) revertSeriesIfLast(cstr(doc.naming_series), doc.name, doc);
  else if (autoname && !['prompt', 'field', 'hash', 'autoincrement', 'controller'].includes(autoname.split(':')[0]?.toLowerCase() ?? '')) {
    revertSeriesIfLast(autoname, doc.name, doc);
  }
}

/**
 * naming.py _set_amended_name (Document Naming Settings default "Amend Counter"): "X" → "X-1", and an
 * amendment of an amendment counts on: "X-1" → "X-2".
 */
export function amendedName(doctype: string, amendedFrom: string): string {
  const source = ctx().store.get(doctype, amendedFrom);
  if (source?.amended_from) {
    const parts = amendedFrom.split('-');
    return `${parts.slice(0, -1).join('-')}-${cint(parts.at(-1)) + 1}`;
  }
  return `${amendedFrom}-1`;
}

export function setNameFromOptions(meta: DocTypeMeta, doc: Doc, autoname: string): void {
  const rule = autoname.toLowerCase();
  if (rule === 'prompt') {
    const name = cstr(doc.__newname || doc.__bodyName).trim();
    if (!name) frappeThrow('Please set the document name');
    doc.name = name;
  } else if (rule.startsWith('field:')) {
    const fieldname = autoname.slice(6);
    const name = cstr(doc[fieldname]).trim();
    if (!name) frappeThrow(`${getField(meta, fieldname)?.label ?? fieldname} is required`);
    doc.name = name;
  } else if (rule === 'hash') {
    doc.name = ctx().hash();
  } else if (rule.startsWith('naming_series:')) {
    doc.name = makeAutoname(cstr(doc.naming_series) || 'DOC-.#####', doc);
  } else if (autoname.includes('.') || autoname.includes('#')) {
    doc.name = makeAutoname(autoname, doc);
  }
}

export function setNewName(meta: DocTypeMeta, doc: Doc): void {
  if (meta.issingle) {
    doc.name = meta.name;
    return;
  }
  doc.name = '';
  if (doc.amended_from && meta.fields.some((df) => df.fieldname === 'amended_from')) {
    doc.name = amendedName(meta.name, cstr(doc.amended_from));
    return;
  }
  meta.controller?.autoname?.(doc);
  if (!doc.name && meta.autoname && meta.autoname !== 'controller') setNameFromOptions(meta, doc, meta.autoname);
  if (!doc.name) doc.name = ctx().hash();
  validateName(meta, doc.name);
}

function validateName(meta: DocTypeMeta, name: string): void {
  if (/[<>]/.test(name)) frappeThrow("Name cannot contain special characters like '<', '>'", 'NameError');
  if (name === meta.name) frappeThrow(`Name of ${meta.name} cannot be ${name}`, 'NameError');
}
