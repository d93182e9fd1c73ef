import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { type Sandbox, type SandboxOptions, startSandbox } from '../../sandbox';
import { type BrowserHost, startBrowserHost } from '../../electron/browserHost/server';
import { MemorySecretStore } from '../../electron/secrets';
import { ProvisioningService } from '../../electron/service';
import { findChromium } from './browser';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const RENDERER_DIR = path.join(ROOT, 'dist', 'renderer');
export const SCREENSHOTS_DIR = path.join(ROOT, 'test-results', 'screenshots');

/** Builds the renderer when dist/renderer is missing (`npm run test:e2e` builds it first, so this is for running one file alone). */
export function ensureRendererBuilt(): void {
  if (existsSync(path.join(RENDERER_DIR, 'index.html'))) return;
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], { cwd: ROOT, stdio: 'inherit' });
}

export interface E2eWorld {
  sandbox: Sandbox;
  service: ProvisioningService;
  host: BrowserHost;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  dir: string;
  downloadsDir: string;
  notifications: { title: string; body: string }[];
  /** The sandbox's provisioning user, as an installer would paste it. */
  credentials: { url: string; apiKey: string; apiSecret: string };
  /** Starts the sandbox again on the same database file and port (after `sandbox.stop()`), as `sandbox`. */
  restartSandbox(): Promise<Sandbox>;
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * One e2e test's world: a sandbox (its own SQLite file), the real service on its own database behind
 * the browser host, and a fresh Chromium page on the app.
 */
export async function startWorld(options: { sandbox?: SandboxOptions } = {}): Promise<E2eWorld> {
  ensureRendererBuilt();
  const dir = mkdtempSync(path.join(tmpdir(), 'e2e-'));
  const downloadsDir = path.join(dir, 'downloads');
  mkdirSync(downloadsDir, { recursive: true });
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const sandbox = await startSandbox({ dbFile: path.join(dir, 'site.sqlite'), ...options.sandbox });
  const service = new ProvisioningService({
    dbFile: path.join(dir, 'pos.sqlite'),
    secrets: new MemorySecretStore(),
    appVersion: 'e2e',
    client: { retry: { baseDelayMs: 100, maxDelayMs: 500, maxAttempts: 3 } },
    // A write in flight when the sandbox is stopped is looked for (not resent) until the server's request
    // timeout: 120 s for a real ERPNext, a few seconds for this sandbox so a test does not wait two minutes.
    run: { networkWait: { baseDelayMs: 300, maxDelayMs: 1_000 }, serverTimeoutMs: 4_000 },
  });
  const notifications: { title: string; body: string }[] = [];
  const host = await startBrowserHost({ service, rendererDir: RENDERER_DIR, downloadsDir, appVersion: 'e2e', onNotify: (title, body) => notifications.push({ title, body }) });
  const browser = await chromium.launch({
    executablePath: (await findChromium()).path,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  // The one-time address signs this browser in (an HttpOnly cookie); later visits use host.url.
  await page.goto(host.loginUrl());
  const { apiKey, apiSecret } = sandbox.users.provisioner;
  const world: E2eWorld = {
    sandbox,
    service,
    host,
    browser,
    context,
    page,
    dir,
    downloadsDir,
    notifications,
    credentials: { url: sandbox.url, apiKey, apiSecret },
    restartSandbox: async () => {
      world.sandbox = await startSandbox({ ...options.sandbox, dbFile: path.join(dir, 'site.sqlite'), port: world.sandbox.port });
      return world.sandbox;
    },
    screenshot: async (name) => {
      await page.screenshot({ path: path.join(SCREENSHOTS_DIR, `${name}.png`), fullPage: true });
    },
    close: async () => {
      await browser.close();
      await host.close();
      service.close();
      // A test may have stopped it already (network outage scenarios).
      await world.sandbox.stop().catch(() => undefined);
    },
  };
  return world;
}
