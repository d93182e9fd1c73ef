import { startSandbox, type Sandbox } from '../../sandbox';
import { ErpNextClient } from '../../electron/erpnext/client';
import type { Credentials } from '../../electron/erpnext/transport';

/**
 * Where the contract suite runs: the sandbox by default, or a real ERPNext when ERPNEXT_URL,
 * ERPNEXT_API_KEY and ERPNEXT_API_SECRET are set. A user without business roles is optional on a real
 * site (ERPNEXT_NOROLE_API_KEY / ERPNEXT_NOROLE_API_SECRET).
 */
export interface ContractTarget {
  kind: 'sandbox' | 'erpnext';
  url: string;
  admin: Credentials;
  noRole?: Credentials;
  sandbox?: Sandbox;
  client(credentials?: Credentials): ErpNextClient;
  stop(): Promise<void>;
}

export async function contractTarget(): Promise<ContractTarget> {
  const { ERPNEXT_URL, ERPNEXT_API_KEY, ERPNEXT_API_SECRET, ERPNEXT_NOROLE_API_KEY, ERPNEXT_NOROLE_API_SECRET } = process.env;
  if (ERPNEXT_URL && ERPNEXT_API_KEY && ERPNEXT_API_SECRET) {
    const admin = { apiKey: ERPNEXT_API_KEY, apiSecret: ERPNEXT_API_SECRET };
    const noRole = ERPNEXT_NOROLE_API_KEY && ERPNEXT_NOROLE_API_SECRET ? { apiKey: ERPNEXT_NOROLE_API_KEY, apiSecret: ERPNEXT_NOROLE_API_SECRET } : undefined;
    return {
      kind: 'erpnext',
      url: ERPNEXT_URL,
      admin,
      noRole,
      client: (credentials = admin) => new ErpNextClient({ siteUrl: ERPNEXT_URL, credentials, timeoutMs: 120_000 }),
      stop: async () => undefined,
    };
  }
  const sandbox = await startSandbox();
  const credentialsOf = (user: keyof Sandbox['users']) => ({ apiKey: sandbox.users[user].apiKey, apiSecret: sandbox.users[user].apiSecret });
  const admin = credentialsOf('administrator');
  return {
    kind: 'sandbox',
    url: sandbox.url,
    admin,
    noRole: credentialsOf('norole'),
    sandbox,
    client: (credentials = admin) => new ErpNextClient({ siteUrl: sandbox.url, credentials, retry: { baseDelayMs: 50 } }),
    stop: () => sandbox.stop(),
  };
}

/** A name no real record has, so a contract run on a real site touches only what it creates. */
export function uniqueName(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`.toUpperCase();
}
