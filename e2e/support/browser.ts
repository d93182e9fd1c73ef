import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

/** The one command that gets the e2e suite a browser (it needs the internet once). */
export const INSTALL_COMMAND = 'npx playwright-core install chromium';

/** What the search needs from the machine (tests replace it). */
export interface Machine {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  exists(file: string): boolean;
  /** A command found on PATH, or undefined. */
  which(command: string): string | undefined;
  /** Chromium binaries in Playwright's browser cache, newest first. */
  playwrightCache(): string[];
  online(): Promise<boolean>;
  /** Downloads Playwright's Chromium into its cache. */
  install(): void;
}

export interface FoundBrowser {
  path: string;
  source: 'CHROMIUM_PATH' | 'system' | 'playwright-cache' | 'installed';
}

const SYSTEM_PATHS: Partial<Record<NodeJS.Platform, string[]>> = {
  linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium'],
  darwin: ['/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'],
  win32: [
    path.join(process.env.PROGRAMFILES ?? 'C:\\Program Files', 'Google', 'Chrome', 'Application', 'chrome.exe'),
    path.join(process.env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)', 'Google', 'Chrome', 'Application', 'chrome.exe'),
    path.join(process.env.LOCALAPPDATA ?? '', 'Chromium', 'Application', 'chrome.exe'),
  ],
};
const COMMANDS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/**
 * A Chromium for the browser e2e suite, found the way Playwright users expect: CHROMIUM_PATH, then a
 * system Chromium or Chrome, then Playwright's own browser cache; with none of those and the internet
 * reachable, Playwright's Chromium is installed once into its cache; only then it fails, naming the
 * one command that fixes it.
 */
export async function findChromium(machine: Machine = thisMachine()): Promise<FoundBrowser> {
  const configured = machine.env.CHROMIUM_PATH;
  if (configured) {
    if (machine.exists(configured)) return { path: configured, source: 'CHROMIUM_PATH' };
    throw new Error(`CHROMIUM_PATH is set to ${configured}, which does not exist. Point it at a Chromium or Chrome binary, or unset it.`);
  }
  const system = (SYSTEM_PATHS[machine.platform] ?? []).find((file) => machine.exists(file)) ?? COMMANDS.map((command) => machine.which(command)).find(Boolean);
  if (system) return { path: system, source: 'system' };
  const cached = machine.playwrightCache()[0];
  if (cached) return { path: cached, source: 'playwright-cache' };
  if (await machine.online()) {
    machine.install();
    const installed = machine.playwrightCache()[0];
    if (installed) return { path: installed, source: 'installed' };
  }
  throw new Error(`No Chromium found for the browser tests (looked at CHROMIUM_PATH, the system's Chromium/Chrome and Playwright's cache, and the internet is not reachable to install one). Fix: ${INSTALL_COMMAND} (or set CHROMIUM_PATH to a Chromium/Chrome binary).`);
}

/** Playwright's cache: PLAYWRIGHT_BROWSERS_PATH, else its per-OS default folder. */
function playwrightCacheDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
  if (env.PLAYWRIGHT_BROWSERS_PATH && env.PLAYWRIGHT_BROWSERS_PATH !== '0') return env.PLAYWRIGHT_BROWSERS_PATH;
  if (platform === 'win32') return path.join(env.LOCALAPPDATA ?? path.join(os.homedir(), 'AppData', 'Local'), 'ms-playwright');
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Caches', 'ms-playwright');
  return path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'ms-playwright');
}

function cachedChromiums(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string[] {
  const found = [chromium.executablePath()].filter((file) => file && existsSync(file));
  const dir = playwrightCacheDir(env, platform);
  if (!existsSync(dir)) return found;
  const relative = platform === 'win32' ? ['chrome-win64/chrome.exe', 'chrome-win/chrome.exe'] : platform === 'darwin' ? ['chrome-mac-arm64/Chromium.app/Contents/MacOS/Chromium', 'chrome-mac/Chromium.app/Contents/MacOS/Chromium'] : ['chrome-linux64/chrome', 'chrome-linux/chrome'];
  const revisions = readdirSync(dir).filter((name) => /^chromium-\d+$/.test(name)).sort((a, b) => Number(b.split('-')[1]) - Number(a.split('-')[1]));
  for (const revision of revisions) found.push(...relative.map((file) => path.join(dir, revision, file)).filter((file) => existsSync(file)));
  return [...new Set(found)];
}

/** Whether Playwright's download host answers (a TCP connect, 3 s at most). */
function canReach(host: string, port = 443, timeoutMs = 3_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: timeoutMs });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('timeout', () => done(false));
    socket.once('error', () => done(false));
  });
}

export function thisMachine(env: NodeJS.ProcessEnv = process.env): Machine {
  const platform = process.platform;
  return {
    env,
    platform,
    exists: (file) => existsSync(file),
    which: (command) => {
      try {
        return execFileSync(platform === 'win32' ? 'where' : 'which', [command], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split(/\r?\n/)[0]?.trim() || undefined;
      } catch {
        return undefined;
      }
    },
    playwrightCache: () => cachedChromiums(env, platform),
    online: () => canReach(env.PLAYWRIGHT_DOWNLOAD_HOST ? new URL(env.PLAYWRIGHT_DOWNLOAD_HOST).hostname : 'cdn.playwright.dev'),
    install: () => {
      console.warn(`[e2e] no Chromium found: installing Playwright's Chromium once (${INSTALL_COMMAND})`);
      const cli = createRequire(import.meta.url).resolve('playwright-core/cli.js');
      execFileSync(process.execPath, [cli, 'install', 'chromium'], { stdio: 'inherit' });
    },
  };
}
