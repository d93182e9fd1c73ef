import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSettings } from '../../../electron/main/settings';
import { UpdatePolicy, type Updater } from '../../../electron/main/updatePolicy';

function settingsIn(content?: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'settings-'));
  if (content !== undefined) writeFileSync(path.join(dir, 'settings.json'), content);
  return dir;
}

describe('the update feed from settings.json', () => {
  it('is off, saying where to set it, when none is configured', () => {
    const dir = settingsIn();
    expect(readSettings(dir)).toEqual({ updateFeedUrl: null, updatesOff: `Automatic updates are off: no update feed is configured (set "updateFeedUrl" in ${path.join(dir, 'settings.json')}).` });
  });

  it.each([
    ['{ nope', /is not valid JSON/],
    ['{"updateFeedUrl": "http://updates.example.com/pos"}', /must be an https:\/\/ address/],
    ['{"updateFeedUrl": 42}', /must be an https:\/\/ address/],
    ['{"updateFeedUrl": ""}', /no update feed is configured/],
  ])('refuses %s with the reason', (content, reason) => {
    expect(readSettings(settingsIn(content))).toEqual({ updateFeedUrl: null, updatesOff: expect.stringMatching(reason) });
  });

  it('takes an https feed', () => {
    expect(readSettings(settingsIn('{"updateFeedUrl": "https://updates.example.com/pos/"}'))).toEqual({ updateFeedUrl: 'https://updates.example.com/pos/', updatesOff: null });
  });
});

function fakeUpdater() {
  const listeners = new Map<string, (value: never) => void>();
  const calls: string[] = [];
  const updater: Updater = {
    checkForUpdates: async () => void calls.push('check'),
    downloadUpdate: async () => void calls.push('download'),
    quitAndInstall: () => void calls.push('install'),
    on: (event: string, listener: (value: never) => void) => listeners.set(event, listener),
  };
  const emit = (event: string, value: unknown) => listeners.get(event)!(value as never);
  return { updater, calls, emit };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('updating with consent, never during a run', () => {
  function policy(options: { running: boolean; yes: boolean }) {
    const fake = fakeUpdater();
    const state = { running: options.running };
    const asked: string[] = [];
    const update = new UpdatePolicy({
      feedUrl: 'https://updates.example.com/pos/',
      offReason: null,
      updater: fake.updater,
      isRunActive: () => state.running,
      askToDownload: async (version) => (asked.push(`download ${version}`), options.yes),
      askToRestart: async (version) => (asked.push(`restart ${version}`), options.yes),
    });
    return { ...fake, state, asked, update };
  }

  it('says it is off, and why, without a feed', () => {
    const off = new UpdatePolicy({ feedUrl: null, offReason: 'Automatic updates are off: no update feed is configured.', isRunActive: () => false, askToDownload: async () => true, askToRestart: async () => true });
    expect(off.status()).toEqual({ enabled: false, detail: 'Automatic updates are off: no update feed is configured.' });
  });

  it('asks before downloading, and downloads only on yes', async () => {
    const yes = policy({ running: false, yes: true });
    yes.update.check();
    yes.emit('update-available', { version: '0.2.0' });
    await tick();
    expect([yes.asked, yes.calls]).toEqual([['download 0.2.0'], ['check', 'download']]);
    expect(yes.update.status()).toMatchObject({ enabled: true, detail: expect.stringMatching(/without your consent/) });

    const no = policy({ running: false, yes: false });
    no.emit('update-available', { version: '0.2.0' });
    await tick();
    expect([no.asked, no.calls]).toEqual([['download 0.2.0'], []]);
  });

  it('waits while a shop is being set up, then asks once', async () => {
    const during = policy({ running: true, yes: true });
    during.emit('update-available', { version: '0.2.0' });
    during.update.runsChanged();
    await tick();
    expect([during.asked, during.calls]).toEqual([[], []]);
    during.state.running = false;
    during.update.runsChanged();
    during.update.runsChanged();
    await tick();
    expect([during.asked, during.calls]).toEqual([['download 0.2.0'], ['download']]);
  });

  it('never restarts to install during a run', async () => {
    const ready = policy({ running: true, yes: true });
    ready.emit('update-downloaded', { version: '0.2.0' });
    await tick();
    expect(ready.calls).toEqual([]);
    ready.state.running = false;
    ready.update.runsChanged();
    await tick();
    expect([ready.asked, ready.calls]).toEqual([['restart 0.2.0'], ['install']]);
  });
});
