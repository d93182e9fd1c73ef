import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../sandbox';
import { ENGINE_RESTARTING } from '../../../electron/engineHost/supervisor';
import { Store } from '../../../electron/store';
import type { RunView } from '../../../shared/runView';
import { StepId } from '../../../shared/steps/catalog';
import { CORNER_CAFE, allOnes, shopRecordCounts } from '../../support/duplicates';
import { SHOP_FILE } from '../../support/engineHarness';
import { type EngineWorld, engineWorld } from '../../support/engineProcess';

// The engine process (dist/engine/engine.cjs, the file Electron starts as a utilityProcess) run under
// Node with child_process.fork, behind the supervisor main uses: the real handlers, store and client.

let sandbox: Sandbox | undefined;
let world: EngineWorld | undefined;
afterEach(async () => {
  await world?.supervisor.shutdown();
  await sandbox?.stop();
  world = sandbox = undefined;
});

async function siteAndShop(w: EngineWorld, s: Sandbox): Promise<{ siteId: string; shopId: string }> {
  const { apiKey, apiSecret } = s.users.provisioner;
  const site = await w.supervisor.call('saveSite', { url: s.url, apiKey, apiSecret });
  if (!site.ok) throw new Error(site.error.message);
  const siteId = (site.value as { id: string }).id;
  const shop = await w.supervisor.call('saveShop', { siteId, config: SHOP_FILE });
  if (!shop.ok) throw new Error(shop.error.message);
  return { siteId, shopId: (shop.value as { shop: { id: string } }).shop.id };
}

describe('the engine process answers the typed API', () => {
  it('serves the contract from its own process, asks main for dialogs, and keeps the secret encrypted', async () => {
    sandbox = await startSandbox();
    world = engineWorld();
    await world.supervisor.start();
    const info = await world.supervisor.call('appInfo', undefined);
    expect(info).toEqual({ ok: true, value: { version: 'test', host: 'electron', secretStorage: 'a test key', secretsPersist: true, updates: { enabled: false, detail: 'off in tests' } } });
    const { siteId, shopId } = await siteAndShop(world, sandbox);
    const sites = await world.supervisor.call('listSites', undefined);
    expect(JSON.stringify(sites)).not.toContain(sandbox.users.provisioner.apiSecret);
    expect(sites).toMatchObject({ ok: true, value: [{ id: siteId, hasSecret: true, transportWarning: expect.stringMatching(/this computer/) }] });
    expect(await world.supervisor.call('removeSite', { drop: 'tables' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await world.supervisor.call('getRun', '4f1c7c2e-2d8a-4c1e-9a51-0c8b1f1b0e11')).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const exported = await world.supervisor.call('exportShopFile', shopId);
    expect(exported.ok && existsSync((exported.value as { path: string }).path)).toBe(true);
    await world.supervisor.shutdown();
    const bytes = readFileSync(world.config.dbFile);
    expect(bytes.includes(Buffer.from(sandbox.users.provisioner.apiSecret))).toBe(false);
  });

  it("re-encrypts secrets an older version saved with the keychain, asking main to decrypt them once", async () => {
    const seeded = engineWorld();
    const store = Store.open(seeded.config.dbFile);
    const siteId = store.sites.add({ url: 'https://erp.example.com', displayUrl: 'https://erp.example.com', apiKey: 'key' }).id;
    store.sites.saveCiphertext(siteId, 'safeStorage', Buffer.from('keychain:old-secret'));
    store.close();
    const asked: string[][] = [];
    world = engineWorld({
      answer: async (question) => {
        if (question.kind !== 'decryptLegacySecrets') throw new Error(question.kind);
        asked.push(question.ciphertexts);
        return question.ciphertexts.map((blob) => Buffer.from(blob, 'base64').toString().replace(/^keychain:/, ''));
      },
    });
    world.config.dbFile = seeded.config.dbFile;
    await world.supervisor.start();
    expect(asked).toEqual([[Buffer.from('keychain:old-secret').toString('base64')]]);
    expect(await world.supervisor.call('listSites', undefined)).toMatchObject({ ok: true, value: [{ id: siteId, hasSecret: true }] });
    await world.supervisor.shutdown();
    const after = Store.open(seeded.config.dbFile);
    expect(after.sites.loadCiphertext(siteId)!.scheme).toMatch(/^aes-256-gcm:/);
    after.close();
  });

  it('reports a database it cannot open instead of restarting forever', async () => {
    world = engineWorld();
    world.config.dbFile = world.dir;
    await expect(world.supervisor.start()).rejects.toMatchObject({ message: expect.stringMatching(/cannot be opened|could not be opened/) });
    expect(world.statuses.at(-1)).toMatchObject({ state: 'failed' });
    expect(await world.supervisor.call('listSites', undefined)).toMatchObject({ ok: false, error: { code: 'engine_failed' } });
  });
});

describe('the engine process killed in the middle of a run', () => {
  it('is restarted, says so, resumes the same run from SQLite and creates nothing twice', async () => {
    sandbox = await startSandbox({ latencyMs: 15 });
    world = engineWorld();
    await world.supervisor.start();
    const { shopId } = await siteAndShop(world, sandbox);
    const firstPid = world.child().pid;
    let killedDuring: RunView | undefined;
    const w = world;
    const started = await w.supervisor.call('startRun', shopId);
    expect(started.ok).toBe(true);
    await expect
      .poll(() => {
        const update = w.updates.find((u) => u.events.some((e) => e.type === 'step.started' && e.stepId === StepId.DemoItems));
        if (update && !killedDuring) {
          killedDuring = update.view;
          w.child().kill('SIGKILL');
        }
        return killedDuring !== undefined;
      }, { timeout: 30_000, interval: 5 })
      .toBe(true);
    const duringRestart = await w.supervisor.call('listSites', undefined);
    await expect.poll(() => w.updates.at(-1)?.view.run.status, { timeout: 60_000 }).toBe('COMPLETED');

    expect(w.child().pid).not.toBe(firstPid);
    expect(w.statuses.map((s) => s.state)).toEqual(['starting', 'ready', 'restarting', 'ready']);
    expect(w.statuses[2]!.message).toBe(ENGINE_RESTARTING);
    // The window hears it stopped, then that it is back with the run going again (its banner's two lines).
    await expect.poll(() => w.engineEvents).toEqual([{ type: 'engine.stopped' }, { type: 'engine.restarted', resumedRuns: 1 }]);
    expect(duringRestart.ok || duringRestart.error.code === 'engine_restarting').toBe(true);
    expect(w.updates.at(-1)!.view.run.id).toBe(killedDuring!.run.id);
    const counts = shopRecordCounts(sandbox, CORNER_CAFE);
    expect(counts).toEqual(allOnes(counts));
    // Its own polls allow 30 s to reach the kill and 60 s to complete: the default 30 s cut it short on a
    // loaded CI machine.
  }, 120_000);
});

describe('what the window is told when the engine process dies', () => {
  it('an idle engine killed: stopped, then restarted with no run to resume, and it answers again', async () => {
    world = engineWorld();
    await world.supervisor.start();
    const w = world;
    expect(w.engineEvents).toEqual([]);
    w.child().kill('SIGKILL');
    await expect.poll(() => w.engineEvents.length, { timeout: 30_000 }).toBe(2);
    expect(w.engineEvents).toEqual([{ type: 'engine.stopped' }, { type: 'engine.restarted', resumedRuns: 0 }]);
    expect(await w.supervisor.call('listSites', undefined)).toEqual({ ok: true, value: [] });
  });

  it('an engine that keeps stopping: stopped, then failed once with what to do, and calls say it cannot run', async () => {
    world = engineWorld({ maxRestarts: 0 });
    await world.supervisor.start();
    const w = world;
    w.child().kill('SIGKILL');
    await expect.poll(() => w.engineEvents.length, { timeout: 30_000 }).toBe(2);
    expect(w.engineEvents).toEqual([{ type: 'engine.stopped' }, { type: 'engine.failed', message: 'The engine keeps stopping.', hint: expect.stringMatching(/Quit and open the app again/) }]);
    expect(await w.supervisor.call('listSites', undefined)).toMatchObject({ ok: false, error: { code: 'engine_failed' } });
  });

  it('a normal shutdown tells the window nothing', async () => {
    world = engineWorld();
    await world.supervisor.start();
    await world.supervisor.shutdown();
    expect(world.engineEvents).toEqual([]);
  });
});
