import { ErpNextError } from './errors';
import { normalizeSiteUrl } from './siteUrl';
import { type Answer, type CallOptions, Transport, type TransportOptions } from './transport';
import type { Doc, Filters, ListOptions, SiteVersions } from './types';

export interface ClientOptions extends Omit<TransportOptions, 'site'> {
  siteUrl: string;
}

const INSERT_MANY_LIMIT = 200; // "Only 200 inserts allowed in one request" [F15:frappe/client.py insert_many]

function resourcePath(doctype: string, name?: string): string {
  const base = `/api/resource/${encodeURIComponent(doctype)}`;
  return name === undefined ? base : `${base}/${encodeURIComponent(name)}`;
}

/**
 * What a write did, told to listeners once ERPNext answered or the request failed. `doc` is the document
 * ERPNext answered with (for a child row, its parent); absent when the write failed or its outcome is unknown.
 */
export interface WriteEvent {
  doctype: string;
  name?: string;
  kind: 'insert' | 'update' | 'delete' | 'child';
  doc?: Doc;
}

function json(value: unknown): string | undefined {
  return value === undefined ? undefined : JSON.stringify(value);
}

function listParams(options: ListOptions): Record<string, string | number | undefined> {
  return {
    fields: json(options.fields),
    filters: json(options.filters),
    or_filters: json(options.orFilters),
    order_by: options.orderBy,
    limit_start: options.limitStart,
    limit_page_length: options.limitPageLength,
  };
}

/** A successful answer must carry `data` (resources) or `message` (methods); anything else is not ERPNext. */
function payload<T>(answer: Answer, key: 'data' | 'message'): T {
  if (!(key in answer.body)) {
    throw new ErpNextError({ code: 'not_erpnext_json', status: answer.status, correlationId: answer.correlationId });
  }
  return answer.body[key] as T;
}

/**
 * Typed operations on ERPNext's REST API (CONTRACT §2). Reads are retried on transient failures;
 * inserts are retried only when ERPNext surely did not process them — otherwise the error says
 * `outcomeUnknown` and the caller looks the record up before sending again.
 */
export class ErpNextClient {
  readonly transport: Transport;
  private readonly writeListeners = new Set<(event: WriteEvent) => void>();

  constructor(options: ClientOptions) {
    const { siteUrl, ...rest } = options;
    this.transport = new Transport({ ...rest, site: normalizeSiteUrl(siteUrl) });
  }

  get baseUrl(): string {
    return this.transport.siteUrl.baseUrl;
  }

  /** Listens to every write this client makes (a run's read cache keeps itself true with it). */
  onWrite(listener: (event: WriteEvent) => void): () => void {
    this.writeListeners.add(listener);
    return () => this.writeListeners.delete(listener);
  }

  /** Runs a write and tells the listeners what changed, whether it succeeded or not (a failed write may have committed). */
  private async written<T extends Doc | undefined>(event: Omit<WriteEvent, 'doc'>, write: () => Promise<T>): Promise<T> {
    try {
      const doc = await write();
      this.tell({ ...event, doc });
      return doc;
    } catch (error) {
      this.tell(event);
      throw error;
    }
  }

  private tell(event: WriteEvent): void {
    for (const listener of this.writeListeners) listener(event);
  }

  async getDoc<T extends Doc = Doc>(doctype: string, name: string, options?: CallOptions): Promise<T> {
    return payload<T>(await this.transport.request({ method: 'GET', path: resourcePath(doctype, name) }, options), 'data');
  }

  /** The document, or null when ERPNext says it does not exist. */
  async findDoc<T extends Doc = Doc>(doctype: string, name: string, options?: CallOptions): Promise<T | null> {
    try {
      return await this.getDoc<T>(doctype, name, options);
    } catch (error) {
      if (error instanceof ErpNextError && error.code === 'not_found') return null;
      throw error;
    }
  }

  /** A Single doctype (System Settings, Stock Settings…) is addressed as /{doctype}/{doctype}. */
  getSingle<T extends Doc = Doc>(doctype: string, options?: CallOptions): Promise<T> {
    return this.getDoc<T>(doctype, doctype, options);
  }

  async list<T extends Doc = Doc>(doctype: string, options: ListOptions = {}, callOptions?: CallOptions): Promise<T[]> {
    const answer = await this.transport.request({ method: 'GET', path: resourcePath(doctype), params: listParams(options) }, callOptions);
    return payload<T[]>(answer, 'data');
  }

  /** Every matching row, fetched page by page in a stable order. */
  async listAll<T extends Doc = Doc>(doctype: string, options: ListOptions & { pageSize?: number } = {}, callOptions?: CallOptions): Promise<T[]> {
    const pageSize = options.pageSize ?? 500;
    const rows: T[] = [];
    for (let start = 0; ; start += pageSize) {
      const page = await this.list<T>(doctype, { ...options, orderBy: options.orderBy ?? 'name asc', limitStart: start, limitPageLength: pageSize }, callOptions);
      rows.push(...page);
      if (page.length < pageSize) return rows;
    }
  }

  async count(doctype: string, filters?: Filters, options?: CallOptions): Promise<number> {
    return Number(await this.callGet<number>('frappe.client.get_count', { doctype, filters: json(filters) }, options));
  }

  insert<T extends Doc = Doc>(doctype: string, doc: Record<string, unknown>, options?: CallOptions): Promise<T> {
    return this.written({ doctype, kind: 'insert' }, async () => payload<T>(await this.transport.request({ method: 'POST', path: resourcePath(doctype), body: { ...doc, doctype } }, options), 'data'));
  }

  /**
   * Partial update. `modified` is not sent unless asked (`sendModified`): ERPNext compares it and a stale
   * copy fails with TimestampMismatchError (§2.1) — a compare-and-swap when wanted, a trap otherwise. A
   * child-table array in `patch` replaces that whole table.
   */
  update<T extends Doc = Doc>(doctype: string, name: string, patch: Record<string, unknown>, options?: CallOptions): Promise<T> {
    const { modified, creation: _creation, ...rest } = patch;
    const body = options?.sendModified && modified !== undefined ? { ...rest, modified } : rest;
    return this.written({ doctype, name, kind: 'update' }, async () => payload<T>(await this.transport.request({ method: 'PUT', path: resourcePath(doctype, name), body }, options), 'data'));
  }

  async delete(doctype: string, name: string, options?: CallOptions): Promise<void> {
    await this.written({ doctype, name, kind: 'delete' }, async () => {
      await this.transport.request({ method: 'DELETE', path: resourcePath(doctype, name) }, options);
      return undefined;
    });
  }

  /** docstatus 0 → 1 (§2.5). Submitting an already submitted document is a no-op in ERPNext. */
  submit<T extends Doc = Doc>(doctype: string, name: string, options?: CallOptions): Promise<T> {
    return this.update<T>(doctype, name, { docstatus: 1 }, options);
  }

  cancel<T extends Doc = Doc>(doctype: string, name: string, options?: CallOptions): Promise<T> {
    return this.update<T>(doctype, name, { docstatus: 2 }, options);
  }

  /**
   * A whitelisted method of one document (Frappe's execute_doc_method: POST /api/resource/{doctype}/{name}
   * with run_method), e.g. a Transaction Deletion Record's start_deletion_tasks. It writes.
   */
  async runDocMethod<T>(doctype: string, name: string, method: string, args: Record<string, unknown> = {}, options?: CallOptions): Promise<T> {
    let answer: T | undefined;
    await this.written({ doctype, name, kind: 'update' }, async () => {
      answer = payload<T>(await this.transport.request({ method: 'POST', path: resourcePath(doctype, name), body: { ...args, run_method: method } }, options), 'data');
      return undefined;
    });
    return answer as T;
  }

  /** A whitelisted method that only reads. GET requests are rolled back by Frappe, so never write with this. */
  async callGet<T>(method: string, params: Record<string, string | number | undefined> = {}, options?: CallOptions): Promise<T> {
    return payload<T>(await this.transport.request({ method: 'GET', path: `/api/method/${method}`, params }, options), 'message');
  }

  /** A whitelisted method that writes: POST, so Frappe commits it (§2.4). */
  async callPost<T>(method: string, body: Record<string, unknown> = {}, options?: CallOptions): Promise<T> {
    return payload<T>(await this.transport.request({ method: 'POST', path: `/api/method/${method}`, body }, options), 'message');
  }

  /**
   * Appends one child row (e.g. a Mode of Payment Account for one company) without resending — and so
   * without risking to delete — the parent's other rows. Returns the parent document.
   */
  insertChildRow<T extends Doc = Doc>(parent: { doctype: string; name: string; field: string }, childDoctype: string, row: Record<string, unknown>, options?: CallOptions): Promise<T> {
    const doc = { ...row, doctype: childDoctype, parenttype: parent.doctype, parent: parent.name, parentfield: parent.field };
    return this.written({ doctype: parent.doctype, name: parent.name, kind: 'child' }, () => this.callPost<T>('frappe.client.insert', { doc }, options));
  }

  /**
   * Removes one child row (a company's Mode of Payment account) through its parent, which ERPNext saves:
   * frappe.client.delete answers with no `message` (it returns None).
   */
  async deleteChildRow(parent: { doctype: string; name: string }, childDoctype: string, rowName: string, options?: CallOptions): Promise<void> {
    await this.written({ doctype: parent.doctype, name: parent.name, kind: 'child' }, async () => {
      await this.transport.request({ method: 'POST', path: '/api/method/frappe.client.delete', body: { doctype: childDoctype, name: rowName } }, options);
      return undefined;
    });
  }

  /** Inserts in chunks of 200 (ERPNext's cap); each chunk is one transaction. Returns the new names. */
  async insertMany(docs: Record<string, unknown>[], options?: CallOptions): Promise<string[]> {
    const names: string[] = [];
    try {
      for (let start = 0; start < docs.length; start += INSERT_MANY_LIMIT) {
        names.push(...(await this.callPost<string[]>('frappe.client.insert_many', { docs: docs.slice(start, start + INSERT_MANY_LIMIT) }, options)));
      }
      return names;
    } finally {
      for (const doctype of new Set(docs.map((doc) => String(doc.doctype)))) this.tell({ doctype, kind: 'insert' });
    }
  }

  async getValue<T extends Record<string, unknown>>(doctype: string, fieldnames: string[], filters: Filters, options?: CallOptions): Promise<T | null> {
    const value = await this.callGet<T>('frappe.client.get_value', { doctype, fieldname: json(fieldnames), filters: json(filters) }, options);
    return value && Object.keys(value).length > 0 ? value : null;
  }

  /** Reachability without credentials being involved: Frappe answers {"message":"pong"} to a guest. */
  async ping(options?: CallOptions): Promise<void> {
    const message = await this.callGet<unknown>('ping', {}, { ...options, anonymous: true });
    if (message !== 'pong') throw new ErpNextError({ code: 'not_erpnext_json', path: '/api/method/ping' });
  }

  getLoggedUser(options?: CallOptions): Promise<string> {
    return this.callGet<string>('frappe.auth.get_logged_user', {}, options);
  }

  getVersions(options?: CallOptions): Promise<SiteVersions> {
    return this.callGet<SiteVersions>('frappe.utils.change_log.get_versions', {}, options);
  }

  getRoles(user: string, options?: CallOptions): Promise<string[]> {
    return this.callGet<string[]>('frappe.core.doctype.user.user.get_roles', { uid: user }, options);
  }
}
