import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/index';

// Raw-fetch helpers for the sandbox's own tests (the project's ERPNext client is not used here).

// Response bodies are whatever the sandbox sent; tests read them loosely on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Body = Record<string, any>;

export type Who = 'administrator' | 'provisioner' | 'norole' | 'guest';

export interface Reply { status: number; body: Body; headers: Headers; text: string }

export async function call(sb: Sandbox, method: string, path: string, opts: { who?: Who; json?: unknown; query?: Record<string, unknown>; headers?: Record<string, string> } = {}): Promise<Reply> {
  const url = new URL(sb.url + path);
  for (const [k, v] of Object.entries(opts.query ?? {})) url.searchParams.set(k, typeof v === 'string' ? v : JSON.stringify(v));
  const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers };
  const who = opts.who ?? 'administrator';
  if (who !== 'guest') headers.Authorization = `token ${sb.users[who].apiKey}:${sb.users[who].apiSecret}`;
  let body: string | undefined;
  if (opts.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.json);
  }
  const res = await fetch(url, { method, headers, body });
  const text = await res.text();
  let parsed: Body = {};
  try {
    parsed = JSON.parse(text) as Body;
  } catch { /* HTML or empty */ }
  return { status: res.status, body: parsed, headers: res.headers, text };
}

export const get = (sb: Sandbox, path: string, query?: Record<string, unknown>, who?: Who) => call(sb, 'GET', path, { query, who });
export const post = (sb: Sandbox, path: string, json: unknown, who?: Who) => call(sb, 'POST', path, { json, who });
export const put = (sb: Sandbox, path: string, json: unknown, who?: Who) => call(sb, 'PUT', path, { json, who });
export const del = (sb: Sandbox, path: string, who?: Who) => call(sb, 'DELETE', path, { who });

/** Decoded _server_messages. */
export function messages(body: Body): { message: string; title?: string; indicator?: string; raise_exception?: number }[] {
  return typeof body._server_messages === 'string' ? (JSON.parse(body._server_messages) as string[]).map((m) => JSON.parse(m)) : [];
}

export const lastMessage = (body: Body) => messages(body).at(-1)?.message;

/** A sandbox per test file or test; always stopped by the caller's afterEach/afterAll. */
export function sandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  return startSandbox({ seed: 7, ...options });
}

export const shopBody = (name: string, abbr: string, extra: Record<string, unknown> = {}) => ({
  company_name: name, abbr, default_currency: 'USD', country: 'United States', chart_of_accounts: 'Standard', ...extra,
});
