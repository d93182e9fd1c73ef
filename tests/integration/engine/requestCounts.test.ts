import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Sandbox, type SandboxStats, startSandbox } from '../../../sandbox';
import { RunController } from '../../../electron/engine/controller';
import { ErpNextClient } from '../../../electron/erpnext/client';
import { Logger } from '../../../electron/logging/logger';
import { createRedactor } from '../../../electron/logging/redact';
import { Store } from '../../../electron/store';
import { validateShop } from '../../../shared/shop';
import { SHOP_FILE } from '../../support/engineHarness';

// Issue 8's budgets, counted by the site itself (sandbox.stats()), with the defaults an installer gets: the
// client's own limiter and retry policy, two steps at once, the claim on the site. A fresh shop is at most
// 45 requests in all; a shop that is already provisioned re-verifies in at most 15 reads and writes nothing.

let sandbox: Sandbox | undefined;
const cleanups: (() => void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  await sandbox?.stop();
  sandbox = undefined;
});

function shopOn(site: Sandbox, file: unknown = SHOP_FILE) {
  const store = Store.open(path.join(mkdtempSync(path.join(tmpdir(), 'counts-')), 'pos.sqlite'));
  const { apiKey, apiSecret } = site.users.provisioner;
  const validated = validateShop(file);
  if (!validated.ok) throw new Error(JSON.stringify(validated.issues));
  const record = store.shops.upsert(store.sites.add({ url: site.url, displayUrl: site.url, apiKey }).id, validated.value);
  const redact = createRedactor(() => [apiSecret]);
  const controller = new RunController({ store, shop: record, client: new ErpNextClient({ siteUrl: site.url, credentials: { apiKey, apiSecret } }), logger: new Logger(store, redact, { shopId: record.id }), redact });
  cleanups.push(() => {
    controller.dispose();
    store.close();
  });
  return controller;
}

const reads = (stats: SandboxStats) => stats.requests - stats.writes;

describe('requests a run sends, with the default limiter', () => {
  it('a fresh shop: at most 45 requests, and a re-run of it at most 15 reads and no write', async () => {
    sandbox = await startSandbox();
    const first = await shopOn(sandbox).start();
    expect(first.run.status).toBe('COMPLETED');
    const fresh = sandbox.stats();
    expect(fresh.requests, JSON.stringify(fresh.byRoute, null, 1)).toBeLessThanOrEqual(45);

    sandbox.resetStats();
    const again = await shopOn(sandbox).start();
    expect(again.run.status).toBe('COMPLETED');
    const rerun = sandbox.stats();
    expect(rerun.writes).toBe(0);
    expect(reads(rerun), JSON.stringify(rerun.byRoute, null, 1)).toBeLessThanOrEqual(15);
    // Each document is read once: no route is asked twice in a run that writes nothing.
    expect(Object.entries(rerun.byRoute).filter(([, n]) => n > 1)).toEqual([]);
  }, 60_000);

  it('the read-back does not grow with the number of items: twelve demo items re-verify in the same reads as four', async () => {
    sandbox = await startSandbox();
    const twelve = Array.from({ length: 12 }, (_, i) => ({ code: `CC-ITEM-${i + 1}`, name: `Item ${i + 1}`, price: i + 1, openingQty: 5 }));
    const file = { ...SHOP_FILE, demoItems: twelve };
    expect((await shopOn(sandbox, file).start()).run.status).toBe('COMPLETED');
    sandbox.resetStats();
    expect((await shopOn(sandbox, file).start()).run.status).toBe('COMPLETED');
    expect(sandbox.stats().writes).toBe(0);
    expect(reads(sandbox.stats())).toBeLessThanOrEqual(15);
  }, 60_000);
});
