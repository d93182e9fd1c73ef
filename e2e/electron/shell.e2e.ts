import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ElectronApplication, type Page, _electron } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../sandbox';
import { POS_COMMANDS, type PosApi } from '../../shared/ipc/contract';
import { ROOT } from '../support/world';

// The packaged shell itself, driven by Playwright's Electron support. These need the Electron binary,
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
const mainBundle = path.join(ROOT, 'dist', 'main', 'main.cjs');
const skipReason = electron.reason ?? (existsSync(mainBundle) ? undefined : 'dist/main/main.cjs is not built (npm run build)');
if (skipReason) console.warn(`[e2e/electron] skipped: ${skipReason}`);

describe.skipIf(Boolean(skipReason))('the desktop shell (Electron)', () => {
  let app: ElectronApplication;
  let page: Page;
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await startSandbox();
    app = await _electron.launch({ executablePath: electron.path, args: [ROOT], env: { ...process.env, POS_PROVISIONER_USER_DATA: mkdtempSync(path.join(tmpdir(), 'pos-electron-')) } });
    page = await app.firstWindow();
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

  it('exposes exactly the typed preload API', async () => {
    const keys = await page.evaluate(() => Object.keys((window as unknown as { posApi: object }).posApi).sort());
    expect(keys).toEqual([...POS_COMMANDS, 'onLogEntries', 'onRunUpdate'].sort());
  });

  it('runs a shop to COMPLETED against the sandbox through the preload and IPC', async () => {
    const { apiKey, apiSecret } = sandbox.users.provisioner;
    const status = await page.evaluate(
      async ({ url, apiKey, apiSecret }) => {
        const api = (window as unknown as { posApi: PosApi }).posApi;
        const site = await api.saveSite({ url, apiKey, apiSecret });
        if (!site.ok) return site.error.message;
        const saved = await api.saveShop({ siteId: site.value.id, config: { company: { name: 'Electron Cafe', abbr: 'EC', country: 'United States', currency: 'USD' }, pos: { paymentMethods: [{ mode: 'Cash' }] } } });
        if (!saved.ok || !saved.value.saved) return 'shop not saved';
        const shopId = saved.value.shop.id;
        await api.startRun(shopId);
        for (let i = 0; i < 600; i++) {
          const view = await api.getRun(shopId);
          if (view.ok && view.value.run.phase === 'finished') return view.value.run.status;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        return 'timeout';
      },
      { url: sandbox.url, apiKey, apiSecret },
    );
    expect(status).toBe('COMPLETED');
  });
});
