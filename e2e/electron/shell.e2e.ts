import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ElectronApplication, type Page, _electron } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../sandbox';
import { POS_COMMANDS, type PosApi } from '../../shared/ipc/contract';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';
import { ROOT } from '../support/world';

// The desktop shell itself, driven by Playwright's Electron support. These need the Electron binary,
// which cannot be downloaded on machines without internet: there they are skipped, saying why.

/** Reads where the Electron package put its binary, without triggering its download-on-first-use. */
function electronBinary(): { path?: string; reason?: string } {
  const packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return { reason: 'the Electron binary is not downloaded (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1, or offline); run "npx install-electron" where the internet is reachable' };
  const binary = path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { path: binary } : { reason: `the Electron binary ${binary} is missing` };
}

const electron = electronBinary();
const missingBuild = ['dist/main/main.cjs', 'dist/preload/preload.cjs', 'dist/engine/engine.cjs', 'dist/renderer/index.html'].find((file) => !existsSync(path.join(ROOT, file)));
const skipReason =
  electron.reason ??
  (missingBuild ? `${missingBuild} is not built (npm run build)` : undefined) ??
  (existsSync(path.join(ROOT, '.electron-native', 'better_sqlite3.node')) ? undefined : 'better-sqlite3 is not built for Electron yet (node scripts/prepare-electron-native.mjs, which `npm start` runs)');
if (skipReason) console.warn(`[e2e/electron] skipped: ${skipReason}`);

interface ProcessMetric {
  pid: number;
  type: string;
  serviceName?: string;
  name?: string;
}

const engineProcesses = (app: ElectronApplication) =>
  app.evaluate(({ app: electronApp }) => electronApp.getAppMetrics().filter((metric) => metric.type === 'Utility').map((metric) => ({ pid: metric.pid, type: metric.type, serviceName: metric.serviceName, name: metric.name }) as ProcessMetric));

describe.skipIf(Boolean(skipReason))('the desktop shell (Electron)', () => {
  let app: ElectronApplication;
  let page: Page;
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await startSandbox({ latencyMs: 10 });
    app = await _electron.launch({ executablePath: electron.path, args: [ROOT], env: { ...process.env, POS_PROVISIONER_USER_DATA: mkdtempSync(path.join(tmpdir(), 'pos-electron-')) } });
    page = await app.firstWindow();
    await page.getByTestId('app-version').waitFor();
  });
  afterAll(async () => {
    await app?.close();
    await sandbox?.stop();
  });

  it('opens one hardened window: isolated, sandboxed, no Node in the page', async () => {
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    const page_ = await page.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      preloadInternals: typeof (window as unknown as { ipcRenderer?: unknown }).ipcRenderer,
    }));
    expect(page_).toEqual({ require: 'undefined', process: 'undefined', preloadInternals: 'undefined' });
    const opened = await page.evaluate(() => window.open('https://example.com') === null);
    expect(opened).toBe(true);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });

  it('serves the page from app://pos with its CSP, never from file://', async () => {
    expect(page.url()).toMatch(/^app:\/\/pos\/index\.html/);
    expect(await page.evaluate(() => location.origin)).toBe('app://pos');
    const served = await page.evaluate(async () => {
      const response = await fetch('app://pos/index.html');
      return { status: response.status, csp: response.headers.get('content-security-policy') };
    });
    expect(served).toEqual({ status: 200, csp: CONTENT_SECURITY_POLICY });
    expect(await page.evaluate(() => fetch('app://pos/../../package.json').then((r) => r.status))).toBe(404);
    expect(await page.evaluate(() => fetch('file:///etc/hostname').then(() => 'read', () => 'refused'))).toBe('refused');
  });

  it('exposes exactly the typed preload API', async () => {
    const keys = await page.evaluate(() => Object.keys((window as unknown as { posApi: object }).posApi).sort());
    expect(keys).toEqual([...POS_COMMANDS, 'onEngineEvent', 'onLogEntries', 'onRunUpdate'].sort());
  });

  it('runs the engine in its own utility process, not in main', async () => {
    const engines = await engineProcesses(app);
    expect(engines).toEqual([expect.objectContaining({ type: 'Utility', serviceName: 'POS Provisioner engine' })]);
    const info = await page.evaluate(() => (window as unknown as { posApi: PosApi }).posApi.appInfo());
    expect(info).toMatchObject({ ok: true, value: { host: 'electron', updates: { enabled: false, detail: expect.stringMatching(/installed app only/) } } });
  });

  it('runs a shop to COMPLETED through the preload and IPC, surviving the engine process being killed mid-run', async () => {
    const { apiKey, apiSecret } = sandbox.users.provisioner;
    const shopId = await page.evaluate(
      async ({ url, apiKey, apiSecret }) => {
        const api = (window as unknown as { posApi: PosApi }).posApi;
        const site = await api.saveSite({ url, apiKey, apiSecret });
        if (!site.ok) throw new Error(site.error.message);
        const saved = await api.saveShop({ siteId: site.value.id, config: { company: { name: 'Electron Cafe', abbr: 'EC', country: 'United States', currency: 'USD' }, demoItems: true, pos: { paymentMethods: [{ mode: 'Cash' }] } } });
        if (!saved.ok || !saved.value.saved) throw new Error('shop not saved');
        await api.startRun(saved.value.shop.id);
        return saved.value.shop.id;
      },
      { url: sandbox.url, apiKey, apiSecret },
    );
    const runStatus = () =>
      page.evaluate(async (id) => {
        const view = await (window as unknown as { posApi: PosApi }).posApi.getRun(id);
        return view.ok ? `${view.value.run.status}/${view.value.steps.filter((step) => step.status === 'succeeded').length}` : view.error.code;
      }, shopId);
    await expect.poll(runStatus, { timeout: 30_000 }).toMatch(/^IN_PROGRESS\/[3-9]$/);
    const [engine] = await engineProcesses(app);
    process.kill(engine!.pid, 'SIGKILL');
    await expect.poll(runStatus, { timeout: 60_000 }).toMatch(/^COMPLETED\//);
    const [restarted] = await engineProcesses(app);
    expect(restarted!.pid).not.toBe(engine!.pid);
    expect(sandbox.db.count('Customer', { customer_name: 'Walk-in Customer' })).toBe(1);
    expect(sandbox.db.count('Company', { company_name: 'Electron Cafe' })).toBe(1);
  });
});
