import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Sandbox } from '../../sandbox';
import { addressClass } from '../erpnext/siteUrl';
import type { ProvisioningService } from '../service';
import type { SiteRecord } from '../../shared/model';
import { UsageError } from './exitCodes';

const sandboxFile = (dbFile: string) => path.join(path.dirname(path.resolve(dbFile)), 'sandbox.sqlite');

/** A loopback site next to a built-in sandbox file is that sandbox (its port changes between starts). */
export function isBuiltInSandbox(siteUrl: string, dbFile: string): boolean {
  return /^http:\/\/127\.0\.0\.1:\d+$/.test(siteUrl) && existsSync(sandboxFile(dbFile));
}

export interface ResolvedSite {
  site: SiteRecord;
  /** The built-in sandbox started for this command, stopped when it ends. */
  sandbox?: Sandbox;
}

/** ERPNEXT_ALLOW_PLAIN_HTTP=1: the CLI's form of the site's "allow plain HTTP" (lab setups only). */
function allowPlainHttp(env: NodeJS.ProcessEnv): boolean | undefined {
  const value = env.ERPNEXT_ALLOW_PLAIN_HTTP;
  if (value === undefined || value === '') return undefined;
  return /^(1|true|yes)$/i.test(value);
}

/**
 * The ERPNext site a command works on: --site (or ERPNEXT_URL) with ERPNEXT_API_KEY / ERPNEXT_API_SECRET,
 * or — when no site is given — the built-in sandbox, kept in a file next to the database so that
 * `continue` after an interruption finds the same state. A site saved before keeps its TLS settings
 * (CA file, pinned certificate) and its plain-HTTP permission: the CLI has no flags for them, so it
 * must not clear what the app saved.
 */
export async function resolveSite(service: ProvisioningService, siteOption: string | undefined, dbFile: string, env: NodeJS.ProcessEnv = process.env, warn: (text: string) => void = (text) => process.stderr.write(`warning: ${text}\n`)): Promise<ResolvedSite> {
  const url = siteOption ?? env.ERPNEXT_URL;
  if (url) {
    const apiKey = env.ERPNEXT_API_KEY;
    const apiSecret = env.ERPNEXT_API_SECRET;
    if (!apiKey || !apiSecret) throw new UsageError(`Set ERPNEXT_API_KEY and ERPNEXT_API_SECRET for ${url} (ERPNext: User > Settings > API Access > Generate Keys).`);
    const site = service.saveSite({ url, apiKey, apiSecret, allowPlainHttp: allowPlainHttp(env) });
    // Loopback traffic never leaves this computer (the sandbox, a local test server): no warning there.
    const warning = service.transportWarning(site);
    if (warning && addressClass(new URL(site.url).hostname) !== 'loopback') warn(warning);
    return { site };
  }
  // Loaded only when used: most commands against a real site never need the sandbox's code.
  const { startSandbox } = await import('../../sandbox');
  const sandbox = await startSandbox({ dbFile: sandboxFile(dbFile) });
  const { apiKey, apiSecret } = sandbox.users.provisioner;
  // The sandbox keeps its keys in its own file; its port changes per start, so the site is found by key.
  const known = service.listSites().find((site) => site.apiKey === apiKey);
  const site = service.saveSite({ url: sandbox.url, apiKey, apiSecret }, known?.id);
  return { site, sandbox };
}
