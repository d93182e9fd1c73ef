import { deleteDoc } from '../core/delete';
import { applyBody } from '../core/build';
import { findParentOfRow, findRow } from '../core/childRows';
import { cancelDoc, insertDoc, loadDoc, saveDoc, submitDoc, updateDoc } from '../core/document';
import { FrappeError, frappeThrow } from '../core/errors';
import { hasPermission, permissionError } from '../core/permissions';
import { getList } from '../core/query';
import { getMeta } from '../core/registry';
import { asDict } from '../core/serialize';
import type { Doc } from '../core/store';
import { cstr, parseJsonParam, sbool } from '../core/util';

// /api/resource/{doctype}[/{name}] (frappe/api/v1.py document_list, create_doc, read_doc, update_doc,
// delete_doc, execute_doc_method).

type Args = Record<string, unknown>;
export interface RouteResult { key: 'data' | 'message'; value: unknown; status?: number }

/** get_request_form_data: a JSON body's "data" key, when present, is the document. */
function payload(form: Args): Args {
  const data = form.data === undefined ? form : parseJsonParam(form.data);
  const out = { ...(data as Args) };
  delete out.doctype;
  return out;
}

export function resourceRoute(httpMethod: string, doctype: string, name: string | null, form: Args, v14: boolean): RouteResult {
  const meta = getMeta(doctype);
  const keepNulls = v14;
  if (name === null) {
    if (httpMethod === 'GET') return { key: 'data', value: getList(doctype, documentListArgs(form)) };
    if (httpMethod === 'POST') {
      if (meta.issingle) return { key: 'data', value: asDict(updateDoc(doctype, doctype, payload(form)), keepNulls) };
      return { key: 'data', value: asDict(insertDoc(doctype, payload(form)), keepNulls) };
    }
    throw new FrappeError('DoesNotExistError', '');
  }
  if (meta.istable && (httpMethod === 'GET' || httpMethod === 'PUT')) return childRowRoute(httpMethod, doctype, name, payload(form), keepNulls);
  if (httpMethod === 'GET' && form.run_method === undefined) {
    const doc = loadDoc(doctype, name);
    if (!hasPermission(meta, 'read')) throw permissionError(doctype);
    return { key: 'data', value: asDict(doc, keepNulls) };
  }
  if (httpMethod === 'PUT') {
    const body = payload(form);
    delete body.flags;
    return { key: 'data', value: asDict(updateDoc(doctype, name, body), keepNulls) };
  }
  if (httpMethod === 'DELETE') {
    deleteDoc(doctype, name);
    return v14 ? { key: 'message', value: 'ok', status: 202 } : { key: 'data', value: 'ok', status: 202 };
  }
  if (form.run_method !== undefined) return runDocMethod(httpMethod, doctype, name, form);
  throw new FrappeError('DoesNotExistError', '');
}

/**
 * api/v1.py document_list: limit_page_length defaults to `limit` or 20 (only when absent), as_dict and
 * debug go through sbool, then frappe.client.get_list takes the rest.
 */
function documentListArgs(form: Args): Args {
  const page = 'limit_page_length' in form ? form.limit_page_length : form.limit || 20;
  return { ...form, limit_page_length: page, as_dict: form.as_dict === undefined ? undefined : sbool(form.as_dict) };
}

/** execute_doc_method: POST needs write permission, GET read; remaining keys become kwargs. */
function runDocMethod(httpMethod: string, doctype: string, name: string, form: Args): RouteResult {
  const { run_method: method, ...kwargs } = form;
  const meta = getMeta(doctype);
  const doc = loadDoc(doctype, name);
  const fn = cstr(method);
  const className = doctype.replace(/ /g, '');
  if (!['submit', 'cancel'].includes(fn) && !meta.controller?.methods?.[fn]) {
    throw new FrappeError('AttributeError', `'${className}' object has no attribute '${fn}'`);
  }
  if (!hasPermission(meta, httpMethod === 'GET' ? 'read' : 'write')) throw permissionError(doctype);
  const extra = Object.keys(kwargs);
  if ((fn === 'submit' || fn === 'cancel') && extra.length) {
    throw new FrappeError('TypeError', `Document.${fn}() got an unexpected keyword argument '${extra[0]}'`);
  }
  // Document.submit()/cancel() return the saved document, which v1 sends back as data
  if (fn === 'submit') return { key: 'data', value: asDict(submitDoc(doctype, name)) };
  if (fn === 'cancel') return { key: 'data', value: asDict(cancelDoc(doctype, name)) };
  return { key: 'data', value: meta.controller?.methods?.[fn]?.(doc, kwargs) };
}

/** A child row addressed by its own doctype: read it, or update it and save its parent. */
function childRowRoute(httpMethod: string, doctype: string, name: string, body: Args, keepNulls: boolean): RouteResult {
  const parent = findParentOfRow(doctype, name);
  if (!parent) frappeThrow(`${doctype} ${name} not found`, 'DoesNotExistError');
  if (!hasPermission(getMeta(parent.doctype), httpMethod === 'GET' ? 'read' : 'write')) throw permissionError(parent.doctype);
  if (httpMethod === 'PUT') {
    const edited = structuredClone(parent);
    const row = findRow(edited, doctype, name) as Doc;
    applyBody(getMeta(doctype), row, body);
    const saved = saveDoc(edited, parent);
    return { key: 'data', value: rowOf(findRow(saved, doctype, name) as Doc, keepNulls) };
  }
  return { key: 'data', value: rowOf(findRow(parent, doctype, name) as Doc, keepNulls) };
}

function rowOf(row: Doc, keepNulls: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) if (!k.startsWith('__') && (keepNulls || (v !== null && v !== undefined))) out[k] = v;
  return out;
}
