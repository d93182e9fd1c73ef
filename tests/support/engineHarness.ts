import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox';
import { type ClientOptions, ErpNextClient } from '../../electron/erpnext/client';
import { RunController, type RunControllerOptions } from '../../electron/engine/controller';
import { Logger } from '../../electron/logging/logger';
import { createRedactor } from '../../electron/logging/redact';
import { Store } from '../../electron/store';
import type { ShopRecord } from '../../shared/model';
import { validateShop } from '../../shared/shop';

export const SHOP_FILE = {
  company: { name: 'Corner Cafe', abbr: 'CC', country: 'United States', currency: 'USD' },
  demoItems: true,
  pos: { paymentMethods: [{ mode: 'Cash', default: true }, { mode: 'Credit Card' }], openingBalances: { Cash: 150 } },
};

export interface EngineHarness {
  sandbox: Sandbox;
  store: Store;
  shop: ShopRecord;
  /** A controller on this world's shop; `client` overrides the harness's fast test settings (e.g. `{}` for the defaults users get). */
  controller(options?: RunControllerOptions, client?: Partial<ClientOptions>): RunController;
  dbFile: string;
  close(): Promise<void>;
}

/** A sandbox, a store on its own temp file, and a shop: one engine test's whole world. */
export async function engineHarness(options: { shop?: unknown; sandbox?: SandboxOptions; user?: 'administrator' | 'provisioner' | 'norole' } = {}): Promise<EngineHarness> {
  const sandbox = await startSandbox(options.sandbox);
  const dbFile = path.join(mkdtempSync(path.join(tmpdir(), 'engine-')), 'pos.sqlite');
  const store = Store.open(dbFile);
  const credentials = sandbox.users[options.user ?? 'provisioner'];
  const validated = validateShop(options.shop ?? SHOP_FILE);
  if (!validated.ok) throw new Error(JSON.stringify(validated.issues));
  const site = store.sites.add({ url: sandbox.url, displayUrl: sandbox.url, apiKey: credentials.apiKey });
  const shop = store.shops.upsert(site.id, validated.value);
  const controllers: RunController[] = [];
  return {
    sandbox,
    store,
    shop,
    dbFile,
    controller: (controllerOptions, clientOptions) => {
      const redact = createRedactor(() => [{ secret: credentials.apiSecret, key: credentials.apiKey }]);
      const logger = new Logger(store, redact, { shopId: shop.id });
      const fast = { retry: { baseDelayMs: 50, maxDelayMs: 200, maxAttempts: 3 } };
      const client = new ErpNextClient({ siteUrl: sandbox.url, credentials: { apiKey: credentials.apiKey, apiSecret: credentials.apiSecret }, ...(clientOptions ?? fast), log: (e) => logger.log(e.level, e.message, { correlationId: e.correlationId, data: e.data }) });
      const controller = new RunController({ store, shop, client, logger, redact, options: { networkWait: { baseDelayMs: 200, maxDelayMs: 1_000 }, ...controllerOptions } });
      controllers.push(controller);
      return controller;
    },
    close: async () => {
      controllers.forEach((c) => c.dispose());
      store.close();
      await sandbox.stop();
    },
  };
}
