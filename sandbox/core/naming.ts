import { ctx } from './context';
import { frappeThrow } from './errors';
import type { DocTypeMeta } from './meta';
import { getField } from './registry';
import type { Doc } from './store';
import { cstr } from './util';

// frappe/model/naming.py set_new_name: Prompt, field:x, hash, naming series, or the controller's autoname.

/** "POS-OPE-.YYYY.-.#####" → "POS-OPE-2026-00001" (parse_naming_series; the year is today's, not posting_date's). */
export function makeAutoname(series: string, doc?: Doc): string {
  let pattern = series.replace(/^naming_series:/, '');
  if (!pattern.includes('#')) pattern = `${pattern}.#####`;
  let prefix = '';
  let digits = 0;
  for (const part of pattern.split('.')) {
    if (part.startsWith('#')) digits = part.length;
    else if (part === 'YYYY') prefix += ctx().year();
    else if (part === 'YY') prefix += ctx().year().slice(2);
    else if (part === 'MM') prefix += ctx().today().slice(5, 7);
    else if (part === 'DD') prefix += ctx().today().slice(8, 10);
    else if (part.startsWith('{') && doc) prefix += cstr(doc[part.slice(1, -1)]);
    else prefix += part;
  }
  const n = ctx().store.nextSeries(prefix);
  return prefix + String(n).padStart(digits, '0');
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
  meta.controller?.autoname?.(doc);
  if (!doc.name && meta.autoname && meta.autoname !== 'controller') setNameFromOptions(meta, doc, meta.autoname);
  if (!doc.name) doc.name = ctx().hash();
  validateName(meta, doc.name);
}

function validateName(meta: DocTypeMeta, name: string): void {
  if (/[<>]/.test(name)) frappeThrow("Name cannot contain special characters like '<', '>'", 'NameError');
  if (name === meta.name) frappeThrow(`Name of ${meta.name} cannot be ${name}`, 'NameError');
}
