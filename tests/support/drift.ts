import type { Sandbox } from '../../sandbox';

// Drift made the way a person would make it: over the site's HTTP API, as Administrator (a person at
// ERPNext's desk), never by touching the sandbox's database.

type Body = Record<string, unknown>;

export interface PersonAtTheDesk {
  get(doctype: string, name: string): Promise<Body>;
  update(doctype: string, name: string, values: Body): Promise<Body>;
  insert(doctype: string, doc: Body): Promise<Body>;
  /** frappe.client.<method> (cancel, submit…), POSTed like the desk does. */
  call(method: string, args: Body): Promise<unknown>;
}

export function personAtTheDesk(sandbox: Sandbox): PersonAtTheDesk {
  const { apiKey, apiSecret } = sandbox.users.administrator;
  const send = async (verb: string, path: string, body?: unknown): Promise<Body> => {
    const res = await fetch(`${sandbox.url}${path}`, {
      method: verb,
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', Authorization: `token ${apiKey}:${apiSecret}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer = (await res.json()) as Body;
    if (!res.ok) throw new Error(`${verb} ${path}: ${res.status} ${JSON.stringify(answer).slice(0, 500)}`);
    return answer;
  };
  const resource = (doctype: string, name?: string) => `/api/resource/${encodeURIComponent(doctype)}${name === undefined ? '' : `/${encodeURIComponent(name)}`}`;
  return {
    get: async (doctype, name) => (await send('GET', resource(doctype, name))).data as Body,
    update: async (doctype, name, values) => (await send('PUT', resource(doctype, name), values)).data as Body,
    insert: async (doctype, doc) => (await send('POST', resource(doctype), doc)).data as Body,
    call: async (method, args) => (await send('POST', `/api/method/frappe.client.${method}`, args)).message,
  };
}
