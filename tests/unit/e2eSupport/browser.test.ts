import { describe, expect, it } from 'vitest';
import { INSTALL_COMMAND, type Machine, findChromium } from '../../../e2e/support/browser';

/** A machine with exactly the given files, commands and cache; records installs. */
function machine(options: { env?: NodeJS.ProcessEnv; files?: string[]; commands?: Record<string, string>; cache?: string[]; online?: boolean; installs?: string[] } = {}) {
  const cache = [...(options.cache ?? [])];
  const events: string[] = [];
  const fake: Machine = {
    env: options.env ?? {},
    platform: 'linux',
    exists: (file) => (options.files ?? []).includes(file),
    which: (command) => options.commands?.[command],
    playwrightCache: () => cache,
    online: async () => (events.push('online?'), options.online ?? false),
    install: () => {
      events.push('install');
      cache.push(...(options.installs ?? []));
    },
  };
  return { fake, events };
}

describe('finding a browser for the e2e suite', () => {
  it('takes CHROMIUM_PATH first, and says so when it points nowhere', async () => {
    const { fake } = machine({ env: { CHROMIUM_PATH: '/opt/chrome/chrome' }, files: ['/opt/chrome/chrome', '/usr/bin/chromium'] });
    expect(await findChromium(fake)).toEqual({ path: '/opt/chrome/chrome', source: 'CHROMIUM_PATH' });
    await expect(findChromium(machine({ env: { CHROMIUM_PATH: '/nope' }, files: ['/usr/bin/chromium'] }).fake)).rejects.toThrow('CHROMIUM_PATH is set to /nope, which does not exist');
  });

  it("then a system Chromium or Chrome, at a known place or on PATH, before Playwright's cache", async () => {
    expect(await findChromium(machine({ files: ['/usr/bin/google-chrome'], cache: ['/cache/chromium-1/chrome'] }).fake)).toEqual({ path: '/usr/bin/google-chrome', source: 'system' });
    expect(await findChromium(machine({ commands: { 'chromium-browser': '/usr/local/bin/chromium-browser' }, cache: ['/cache/chromium-1/chrome'] }).fake)).toEqual({ path: '/usr/local/bin/chromium-browser', source: 'system' });
  });

  it("then Playwright's own cache, without going online", async () => {
    const { fake, events } = machine({ cache: ['/cache/chromium-1255/chrome-linux64/chrome'] });
    expect(await findChromium(fake)).toEqual({ path: '/cache/chromium-1255/chrome-linux64/chrome', source: 'playwright-cache' });
    expect(events).toEqual([]);
  });

  it("installs Playwright's Chromium once when nothing is found and the internet answers", async () => {
    const { fake, events } = machine({ online: true, installs: ['/cache/chromium-1255/chrome-linux64/chrome'] });
    expect(await findChromium(fake)).toEqual({ path: '/cache/chromium-1255/chrome-linux64/chrome', source: 'installed' });
    expect(events).toEqual(['online?', 'install']);
  });

  it('fails offline with the one command that fixes it', async () => {
    const { fake, events } = machine({ online: false });
    await expect(findChromium(fake)).rejects.toThrow(`Fix: ${INSTALL_COMMAND}`);
    expect(events).toEqual(['online?']);
  });
});
