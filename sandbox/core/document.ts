import { applyBody, clean, makeRow, newDoc } from './build';
import { ctx } from './context';
import { FrappeError, frappeThrow } from './errors';
import { findLink, raiseLinkExists } from './links';
import type { DocTypeMeta } from './meta';
import { setNewName } from './naming';
import { checkPermission } from './permissions';
import { getMeta, tableFields } from './registry';
import type { Doc } from './store';
import { linkToForm } from './urls';
import { bold, cint, cstr } from './util';
import {
  validateLinks, validateMandatory, validateSelects, validateSetOnlyOnce, validateUpdateAfterSubmit,
} from './validate';

// The document life cycle of frappe/model/document.py (insert, _save, submit, cancel) in the same order
// of checks: defaults → links → create permission → before_insert → naming → validate → mandatory/selects
// → db insert (duplicate) → after_insert → on_update/on_submit (CONTRACT §3.5).

export interface WriteOptions {
  ignorePermissions?: boolean;
  ignoreLinks?: boolean;
  ignoreMandatory?: boolean;
}

const DOCSTATUS = ['0 (Draft)', '1 (Submitted)', '2 (Cancelled)'];

/** frappe.get_doc(doctype, name): 404 DoesNotExistError "{DocType} {name} not found". */
export function loadDoc(doctype: string, name: string): Doc {
  const meta = getMeta(doctype);
  const doc = ctx().store.get(doctype, meta.issingle ? doctype : name);
  if (!doc) frappeThrow(`${doctype} ${name} not found`, 'DoesNotExistError');
  return doc;
}

function stampChildren(meta: DocTypeMeta, doc: Doc): void {
  const now = doc.modified as string;
  for (const df of tableFields(meta)) {
    const rows = (doc[df.fieldname] as Doc[] | undefined) ?? [];
    rows.forEach((row, i) => {
      row.idx = i + 1;
      if (!row.name) row.name = ctx().hash();
      row.parent = doc.name;
      row.parentfield = df.fieldname;
      row.parenttype = meta.name;
      row.docstatus = doc.docstatus;
      row.owner ??= doc.owner;
      row.creation ??= doc.creation;
      row.modified = now;
      row.modified_by = doc.modified_by;
    });
  }
}

function persist(doc: Doc): void {
  ctx().store.put(clean(doc));
}

export function insertDoc(doctype: string, body: Record<string, unknown>, opts: WriteOptions = {}): Doc {
  const meta = getMeta(doctype);
  const doc = newDoc(meta, body);
  const now = ctx().timestamp();
  Object.assign(doc, { owner: ctx().user, creation: now, modified: now, modified_by: ctx().user });
  const docstatus = meta.isSubmittable ? cint(doc.docstatus) : 0;
  doc.docstatus = docstatus;
  if (docstatus === 2) frappeThrow('Cannot change docstatus from 0 (Draft) to 2 (Cancelled)', 'DocstatusTransitionError');
  if (!opts.ignoreLinks) validateLinks(meta, doc);
  if (!opts.ignorePermissions) {
    checkPermission(meta, 'create');
    if (docstatus === 1) checkPermission(meta, 'submit');
  }
  const c = meta.controller;
  c?.beforeInsert?.(doc);
  setNewName(meta, doc);
  stampChildren(meta, doc);
  c?.validate?.(doc, null);
  if (docstatus === 1) c?.beforeSubmit?.(doc);
  if (!opts.ignoreMandatory) validateMandatory(meta, doc);
  validateSelects(meta, doc);
  if (ctx().store.exists(doctype, doc.name)) throw duplicateError(doctype, doc.name);
  if (meta.fields.some((df) => df.fieldname === 'lft')) {
    // NestedSet numbering, simplified: each new node gets the next pair (enough for clients to see a tree doc)
    doc.lft = ctx().store.nextSeries(`__lft:${doctype}`) * 2 - 1;
    doc.rgt = Number(doc.lft) + 1;
  }
  persist(doc);
  c?.afterInsert?.(doc);
  if (doc.amended_from) validateAmendedFrom(meta, doc);
  c?.onUpdate?.(doc, null);
  if (docstatus === 1) c?.onSubmit?.(doc);
  persist(doc);
  return doc;
}

/** document.py validate_amended_from: only a cancelled document can be amended (runs after the row is written). */
function validateAmendedFrom(meta: DocTypeMeta, doc: Doc): void {
  const source = ctx().store.get(meta.name, cstr(doc.amended_from));
  if (cint(source?.docstatus) === 2) return;
  frappeThrow(
    `${linkToForm(meta.name, cstr(doc.amended_from))} cannot be amended because it is not cancelled. Please cancel the document before creating an amendment.`,
    'ValidationError', { title: 'Amendment Not Allowed' },
  );
}

/**
 * Document.check_no_back_links_exist (after on_cancel): a submitted document that links to this one
 * blocks the cancel; `amended_from` links and the doctypes the controller lists in
 * ignore_linked_doctypes (doc.__ignoreLinkedDoctypes here) do not.
 */
function checkNoBackLinks(doc: Doc): void {
  const link = findLink(doc, 'Cancel', (doc.__ignoreLinkedDoctypes as string[] | undefined) ?? []);
  if (link) raiseLinkExists(doc, link);
}

export function duplicateError(doctype: string, name: string): FrappeError {
  ctx().log.push({ message: `${doctype} ${bold(name)} already exists`, title: 'Duplicate Name', indicator: 'red' });
  return new FrappeError('DuplicateEntryError', '', {
    exceptionText: `('${doctype}', '${name}', IntegrityError(1062, "Duplicate entry '${name}' for key 'PRIMARY'"))`,
  });
}

type Action = 'save' | 'submit' | 'cancel' | 'update_after_submit';

function transition(from: number, to: number): Action {
  if (from === 0 && to === 0) return 'save';
  if (from === 0 && to === 1) return 'submit';
  if (from === 1 && to === 1) return 'update_after_submit';
  if (from === 1 && to === 2) return 'cancel';
  if (from === 2) frappeThrow('Cannot edit cancelled document');
  return frappeThrow(`Cannot change docstatus from ${DOCSTATUS[from]} to ${DOCSTATUS[to]}`, 'DocstatusTransitionError');
}

/** Document._save for an existing document: `doc` is the edited copy of `before`. */
export function saveDoc(doc: Doc, before: Doc, opts: WriteOptions = {}): Doc {
  const meta = getMeta(doc.doctype);
  if (!opts.ignorePermissions) checkPermission(meta, 'write');
  const now = ctx().timestamp();
  Object.assign(doc, { modified: now, modified_by: ctx().user });
  if ('__bodyModified' in doc && String(doc.__bodyModified ?? '') !== String(before.modified ?? '')) {
    frappeThrow(
      `Error: Document has been modified after you have opened it (${before.modified}, ${now}). Please refresh to get the latest document.`,
      'TimestampMismatchError',
    );
  }
  // check_docstatus_transition does not look at is_submittable: cancelling a Customer is 0 → 2 and refused
  const action = meta.isSubmittable || cint(doc.docstatus) === 2 ? transition(cint(before.docstatus), cint(doc.docstatus)) : 'save';
  if (!meta.isSubmittable) doc.docstatus = 0;
  if (!opts.ignorePermissions && (action === 'submit' || action === 'cancel')) checkPermission(meta, action);
  stampChildren(meta, doc);
  if (action !== 'cancel' && !opts.ignoreLinks) validateLinks(meta, doc);
  const c = meta.controller;
  if (action === 'save' || action === 'submit') c?.validate?.(doc, before);
  if (action === 'submit') c?.beforeSubmit?.(doc);
  if (action === 'cancel') c?.beforeCancel?.(doc);
  if (action === 'update_after_submit') validateUpdateAfterSubmit(meta, doc, before);
  if (action !== 'cancel') {
    if (!opts.ignoreMandatory) validateMandatory(meta, doc);
    validateSelects(meta, doc);
  }
  if (action === 'save') validateSetOnlyOnce(meta, doc, before);
  persist(doc);
  if (action === 'save' || action === 'update_after_submit') c?.onUpdate?.(doc, before);
  if (action === 'submit') c?.onSubmit?.(doc);
  if (action === 'cancel') {
    c?.onCancel?.(doc);
    if (!opts.ignoreLinks) checkNoBackLinks(doc);
  }
  persist(doc);
  return doc;
}

/** PUT /api/resource/{dt}/{name}: load, merge the body (child arrays replace the table), save. */
export function updateDoc(doctype: string, name: string, body: Record<string, unknown>, opts: WriteOptions = {}): Doc {
  const meta = getMeta(doctype);
  const before = loadDoc(doctype, name);
  const doc = structuredClone(before);
  applyBody(meta, doc, body);
  return saveDoc(doc, before, opts);
}

export function submitDoc(doctype: string, name: string, opts: WriteOptions = {}): Doc {
  const before = loadDoc(doctype, name);
  return saveDoc({ ...structuredClone(before), docstatus: 1 }, before, opts);
}

export function cancelDoc(doctype: string, name: string, opts: WriteOptions = {}): Doc {
  const before = loadDoc(doctype, name);
  return saveDoc({ ...structuredClone(before), docstatus: 2 }, before, opts);
}

/** frappe.get_doc(dict).save()/submit(): the dict is the whole document (missing fields become empty). */
export function replaceDoc(body: Record<string, unknown>, docstatus?: number): Doc {
  const doctype = String(body.doctype ?? '');
  const meta = getMeta(doctype);
  const before = loadDoc(doctype, String(body.name ?? ''));
  const doc = newDoc(meta, {});
  for (const df of meta.fields) if (df.fieldtype !== 'Table') doc[df.fieldname] = df.fieldtype === 'Check' ? 0 : null;
  Object.assign(doc, { name: before.name, owner: before.owner, creation: before.creation, docstatus: before.docstatus });
  applyBody(meta, doc, body);
  if (!('modified' in body)) doc.__bodyModified = '';
  if (docstatus !== undefined) doc.docstatus = docstatus;
  return saveDoc(doc, before);
}

/** frappe.client.insert of a child row: append to the parent and save the parent. */
export function insertChildRow(body: Record<string, unknown>): Doc {
  const { parenttype, parent, parentfield } = body as Record<string, string | undefined>;
  if (!parenttype || !parent || !parentfield) {
    frappeThrow('Parenttype, Parent and Parentfield are required to insert a child record');
  }
  const before = loadDoc(parenttype, parent);
  const doc = structuredClone(before);
  const rows = ((doc[parentfield] as Doc[] | undefined) ?? []).slice();
  rows.push(makeRow(String(body.doctype), body, doc, parentfield));
  doc[parentfield] = rows;
  return saveDoc(doc, before);
}
