import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../sandbox';
import { dispatch } from '../../../electron/ipc/dispatch';
import { forwardEvents } from '../../../electron/ipc/events';
import { type Handlers, createHandlers } from '../../../electron/ipc/handlers';
import { MemorySecretStore } from '../../../electron/secrets';
import { ProvisioningService } from '../../../electron/service';
import type { PosCommand, RunUpdate } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/result';
import { SHOP_FILE } from '../../support/engineHarness';
import { leaksIn, unzipFile } from '../../support/secrets';

// The main-process side of the typed API over the real service, store, engine and a sandbox.

let sandbox: Sandbox;
let service: ProvisioningService;
let handlers: Handlers;
let dir: string;
const notifications: string[] = [];
const updates: RunUpdate[] = [];

beforeEach(async () => {
  sandbox = await startSandbox();
  dir = mkdtempSync(path.join(tmpdir(), 'ipc-'));
  service = new ProvisioningService({ dbFile: path.join(dir, 'pos.sqlite'), secrets: new MemorySecretStore(), appVersion: 'test', client: { limits: { requestsPerSecond: 500 } } });
  const ports = { host: 'browser-host' as const, appVersion: 'test', chooseSavePath: async ({ defaultName }: { defaultName: string }) => path.join(dir, defaultName), notify: (title: string) => void notifications.push(title), updateStatus: async () => ({ enabled: false, detail: 'off in tests' }) };
  handlers = createHandlers(service, ports);
  forwardEvents(service, { runUpdate: (u) => void updates.push(u), logEntries: () => undefined }, ports, 10);
});
afterEach(async () => {
  service.close();
  await sandbox.stop();
  notifications.length = 0;
  updates.length = 0;
});

const call = <T>(command: PosCommand, payload?: unknown) => dispatch(handlers, command, payload) as Promise<Result<T>>;

async function siteAndShop(): Promise<{ siteId: string; shopId: string }> {
  const { apiKey, apiSecret } = sandbox.users.provisioner;
  const site = await call<{ id: string }>('saveSite', { url: `${sandbox.url}/`, apiKey, apiSecret });
  if (!site.ok) throw new Error(site.error.message);
  const shop = await call<{ saved: true; shop: { id: string } }>('saveShop', { siteId: site.value.id, config: SHOP_FILE });
  if (!shop.ok || !shop.value.saved) throw new Error('shop not saved');
  return { siteId: site.value.id, shopId: shop.value.shop.id };
}

describe('sites', () => {
  it('saves a site without ever returning its secret, and tests the connection', async () => {
    const { apiKey, apiSecret } = sandbox.users.provisioner;
    const saved = await call<Record<string, unknown>>('saveSite', { url: `${sandbox.url}/app`, apiKey, apiSecret });
    expect(saved.ok && saved.value).toMatchObject({ url: sandbox.url, hasSecret: true });
    expect(JSON.stringify(saved)).not.toContain(apiSecret);
    const check = await call<{ ok: boolean; erpnextVersion: string; missingRoles: unknown[] }>('testConnection', (saved as unknown as { value: { id: string } }).value.id);
    expect(check.ok && check.value).toMatchObject({ ok: true, erpnextVersion: '15.70.2', missingRoles: [] });
    const listed = await call<unknown[]>('listSites');
    expect(JSON.stringify(listed)).not.toContain(apiSecret);
  });

  it('reports missing roles for a user without them', async () => {
    const { apiKey, apiSecret } = sandbox.users.norole;
    const saved = (await call<{ id: string }>('saveSite', { url: sandbox.url, apiKey, apiSecret })) as { ok: true; value: { id: string } };
    const check = await call<{ ok: boolean; missingRoles: { role: string }[] }>('testConnection', saved.value.id);
    expect(check.ok && check.value.ok).toBe(false);
    expect(check.ok && check.value.missingRoles.map((m) => m.role)).toEqual(expect.arrayContaining(['Accounts Manager', 'Item Manager', 'Stock Manager']));
  });

  it('refuses a nonsense URL with the reason, and an invalid payload with its paths', async () => {
    const bad = await call('saveSite', { url: 'file:///etc/passwd', apiKey: 'k', apiSecret: 's' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_url', message: expect.stringMatching(/"file:" addresses cannot reach ERPNext/) } });
    const invalid = await call('saveSite', { url: 42 });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: expect.arrayContaining([expect.objectContaining({ path: 'url' }), expect.objectContaining({ path: 'apiKey' })]) } });
  });
});

describe('shops', () => {
  it('validates a shop with the CLI rules and saves nothing when it is wrong', async () => {
    const { siteId } = await siteAndShop();
    const wrong = await call<{ saved: boolean; issues: { path: string }[] }>('saveShop', { siteId, config: { company: { name: 'X', country: 'Atlantis', currency: 'USD' }, pos: { paymentMethods: [] } } });
    expect(wrong.ok && wrong.value.saved).toBe(false);
    expect(wrong.ok && wrong.value.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['company.country', 'pos.paymentMethods']));
    expect(service.listShops(siteId)).toHaveLength(1);
    const file = await call<{ issues: unknown[] }>('checkShopFile', '{ not json');
    expect(file.ok && file.value.issues).toEqual([{ path: '(file)', message: expect.stringMatching(/Not valid JSON/) }]);
  });

  it('exports the shop file through the save dialog port', async () => {
    const { shopId } = await siteAndShop();
    const exported = await call<{ path: string }>('exportShopFile', shopId);
    expect(exported.ok && existsSync(exported.value.path)).toBe(true);
  });
});

describe('runs', () => {
  it('starts a run without waiting for it, pushes updates, ends COMPLETED and notifies the desktop', async () => {
    const { shopId } = await siteAndShop();
    const started = await call<{ run: { status: string } }>('startRun', shopId);
    expect(started.ok && started.value.run.status).toBe('IN_PROGRESS');
    await expect.poll(() => updates.at(-1)?.view.run.status, { timeout: 20_000 }).toBe('COMPLETED');
    expect(updates.some((u) => u.events.some((e) => e.type === 'step.succeeded'))).toBe(true);
    expect(notifications).toEqual(['Corner Cafe: COMPLETED']);
  });

  it('refuses a second start while the shop runs in another process, and skipping a critical step', async () => {
    const { shopId } = await siteAndShop();
    service.store.locks.acquire(shopId, 'other-run');
    service.store.db.prepare("UPDATE run_locks SET owner = 'elsewhere', pid = 1 WHERE shop_id = ?").run(shopId);
    const locked = await call('startRun', shopId);
    expect(locked).toMatchObject({ ok: false, error: { code: 'run_locked', message: expect.stringMatching(/already in progress/) } });
    const refused = await call('skipStep', { shopId, stepId: 'step_8_pos_profile' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringMatching(/cannot be skipped/) } });
  });

  it('refuses to edit or remove a shop, or remove its site, while its run goes; allows it once paused', async () => {
    const { siteId, shopId } = await siteAndShop();
    sandbox.setLatency(30);
    const started = await call<{ run: { status: string } }>('startRun', shopId);
    expect(started.ok).toBe(true);
    const edit = await call('saveShop', { siteId, shopId, config: { ...SHOP_FILE, customer: 'Walk-in Guest' } });
    expect(edit).toMatchObject({ ok: false, error: { code: 'run_locked', message: expect.stringMatching(/already in progress/), hint: 'Pause the run (or let it finish) before editing it.' } });
    expect(await call('removeShop', shopId)).toMatchObject({ ok: false, error: { code: 'run_locked', hint: 'Pause the run (or let it finish) before removing it.' } });
    expect(await call('removeSite', siteId)).toMatchObject({ ok: false, error: { code: 'run_locked', hint: 'Pause the run (or let it finish) before removing its site.' } });
    expect((await call('cancelRun', shopId)).ok).toBe(true);
    await expect.poll(() => updates.at(-1)?.view.run.phase, { timeout: 10_000 }).toBe('paused');
    sandbox.setLatency(0);
    expect((await call<{ saved: boolean }>('saveShop', { siteId, shopId, config: { ...SHOP_FILE, customer: 'Walk-in Guest' } })).ok).toBe(true);
    expect((await call('removeSite', siteId)).ok).toBe(true);
    expect(await call('listShops', siteId)).toMatchObject({ ok: true, value: [] });
  });

  it('exports the support bundle without the secret', async () => {
    const { shopId } = await siteAndShop();
    const bundle = await call<{ path: string; bytes: number }>('exportSupportBundle', shopId);
    if (!bundle.ok) throw new Error(bundle.error.message);
    const files = unzipFile(bundle.value.path);
    expect(Object.keys(files).sort()).toEqual(['README.txt', 'logs.jsonl', 'runs.json', 'shop.json', 'site.json', 'steps.json', 'versions.json']);
    const { apiKey, apiSecret } = sandbox.users.provisioner;
    for (const bytes of Object.values(files)) expect(leaksIn(bytes, apiSecret, apiKey)).toEqual([]);
    expect(JSON.parse(files['site.json']!.toString())).toMatchObject({ url: sandbox.url, apiKey: expect.stringMatching(/…\(15 chars\)$/) });
  });
});
