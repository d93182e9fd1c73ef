// One provisioning run as an installer gets it (default client, limiter and retries; two steps at once; the
// claim on the site), against a sandbox in its own process, timed and with every request's span.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RunController } from '../electron/engine/controller';
import { ErpNextClient } from '../electron/erpnext/client';
import { Logger } from '../electron/logging/logger';
import { createRedactor } from '../electron/logging/redact';
import { Store } from '../electron/store';
import { validateShop } from '../shared/shop';
import type { RemoteSandbox } from './sandboxProcess';

export interface Measured {
  status: string;
  wallMs: number;
  requests: number;
  writes: number;
  /** The longest chain of requests each sent after the previous one answered: the run's sequential round trips. */
  sequentialRoundTrips: number;
}

/** Longest chain of spans where each starts after the previous ended (requests are sorted by their end). */
export function longestChain(spans: readonly (readonly [number, number])[]): number {
  const sorted = [...spans].sort((a, b) => a[1] - b[1]);
  const chain: number[] = [];
  sorted.forEach(([start], i) => {
    chain[i] = 1 + Math.max(0, ...sorted.slice(0, i).map(([, end], j) => (end <= start ? chain[j]! : 0)));
  });
  return Math.max(0, ...chain);
}

export function openStore(): Store {
  return Store.open(path.join(mkdtempSync(path.join(tmpdir(), 'bench-')), 'pos.sqlite'));
}

export async function provision(sandbox: RemoteSandbox, file: unknown, options: { maxParallel?: number; store?: Store } = {}): Promise<Measured> {
  const validated = validateShop(file);
  if (!validated.ok) throw new Error(`bench shop invalid: ${JSON.stringify(validated.issues)}`);
  const store = options.store ?? openStore();
  const { apiKey, apiSecret } = sandbox.users.provisioner;
  const shop = store.shops.upsert(store.sites.add({ url: sandbox.url, displayUrl: sandbox.url, apiKey }).id, validated.value);
  const redact = createRedactor(() => [apiSecret]);
  const logger = new Logger(store, redact, { shopId: shop.id });
  const spans: [number, number][] = [];
  const client = new ErpNextClient({
    siteUrl: sandbox.url,
    credentials: { apiKey, apiSecret },
    log: (entry) => {
      logger.log(entry.level, entry.message, { correlationId: entry.correlationId, data: entry.data });
      const now = performance.now();
      if (typeof entry.data.durationMs === 'number') spans.push([now - entry.data.durationMs, now]);
    },
  });
  await sandbox.resetStats();
  const controller = new RunController({ store, shop, client, logger, redact, options: { maxParallel: options.maxParallel } });
  const started = performance.now();
  const view = await controller.start();
  const wallMs = performance.now() - started;
  controller.dispose();
  const stats = await sandbox.stats();
  if (!options.store) store.close();
  return { status: view.run.status, wallMs, requests: stats.requests, writes: stats.writes, sequentialRoundTrips: longestChain(spans) };
}
