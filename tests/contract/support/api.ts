import type { Credentials } from '../../../electron/erpnext/transport';
import type { ContractTarget } from '../../support/target';

// Raw HTTP against the contract target (sandbox or a real ERPNext 15): these tests check status codes,
// exc_type, message texts and body shapes, so they look at the wire, not at the project's client.

// Bodies are whatever the server sent; tests read them loosely on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Body = Record<string, any>;
export interface Reply { status: number; body: Body }
export interface ServerMessage { message: string; title?: string; indicator?: string; raise_exception?: number }

export interface Api {
  get(path: string, query?: Record<string, unknown>): Promise<Reply>;
  post(path: string, json: unknown): Promise<Reply>;
  put(path: string, json: unknown): Promise<Reply>;
  del(path: string): Promise<Reply>;
}

/** "/api/resource/POS Profile/Till 1" with each segment URL-encoded. */
export const resource = (doctype: string, name?: string) =>
  `/api/resource/${encodeURIComponent(doctype)}${name === undefined ? '' : `/${encodeURIComponent(name)}`}`;
export const method = (cmd: string) => `/api/method/${cmd}`;

export function api(target: ContractTarget, credentials: Credentials = target.admin): Api {
  const call = async (verb: string, path: string, query?: Record<string, unknown>, json?: unknown): Promise<Reply> => {
    const url = new URL(target.url.replace(/\/+$/, '') + path);
    for (const [k, v] of Object.entries(query ?? {})) url.searchParams.set(k, typeof v === 'string' ? v : JSON.stringify(v));
    const headers: Record<string, string> = { Accept: 'application/json', Authorization: `token ${credentials.apiKey}:${credentials.apiSecret}` };
    if (json !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(url, { method: verb, headers, body: json === undefined ? undefined : JSON.stringify(json) });
    const text = await res.text();
    let body: Body = {};
    try {
      body = JSON.parse(text) as Body;
    } catch { /* not JSON: compared by status */ }
    return { status: res.status, body };
  };
  return {
    get: (path, query) => call('GET', path, query),
    post: (path, json) => call('POST', path, undefined, json),
    put: (path, json) => call('PUT', path, undefined, json),
    del: (path) => call('DELETE', path),
  };
}

export function messages(body: Body): ServerMessage[] {
  return typeof body._server_messages === 'string' ? (JSON.parse(body._server_messages) as string[]).map((m) => JSON.parse(m) as ServerMessage) : [];
}

/** The raising message (the exception's own text). */
export const raised = (body: Body): ServerMessage | undefined => messages(body).filter((m) => m.raise_exception).at(-1);

/** Text without tags and with folded spaces (links and <strong> vary little, but the words must match). */
export const plain = (html: string | undefined): string => (html ?? '').replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
