import { existsSync } from 'node:fs';
import path from 'node:path';
import { type Sandbox, startSandbox } from '../../sandbox';
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

/**
 * The ERPNext site a command works on: --site (or ERPNEXT_URL) with ERPNEXT_API_KEY / ERPNEXT_API_SECRET,
 * or — when no site is given — the built-in sandbox, kept in a file next to the database so that
 * `continue` after an interruption finds the same state.
 */
export async function resolveSite(service: ProvisioningService, siteOption: string | undefined, dbFile: string, env: NodeJS.ProcessEnv = process.env): Promise<ResolvedSite> {
  const url = siteOption ?? env.ERPNEXT_URL;
  if (url) {
    const apiKey = env.ERPNEXT_API_KEY;
    const apiSecret = env.ERPNEXT_API_SECRET;
    if (!apiKey || !apiSecret) throw new UsageError(`Set ERPNEXT_API_KEY and ERPNEXT_API_SECRET for ${url} (ERPNext: User > Settings > API Access > Generate Keys).`);
    return { site: service.saveSite({ url, apiKey, apiSecret }) };
  }
  const sandbox = await startSandbox({ dbFile: sandboxFile(dbFile) });
  const { apiKey, apiSecret } = sandbox.users.provisioner;
  // The sandbox keeps its keys in its own file; its port changes per start, so the site is found by key.
  const known = service.listSites().find((site) => site.apiKey === apiKey);
  const site = service.saveSite({ url: sandbox.url, apiKey, apiSecret }, known?.id);
  return { site, sandbox };
}
