import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_FILE_NAME, defaultDataDir, defaultDbFile, legacyDataDirs } from '../../../electron/cli/paths';
import { MOVED_SUFFIX, adoptLegacyDatabase } from '../../../electron/dataFolder';
import { Store } from '../../../electron/store';

const open: Store[] = [];
afterEach(() => open.splice(0).forEach((store) => store.close()));

function folders() {
  const root = mkdtempSync(path.join(tmpdir(), 'data-folder-'));
  const legacy = path.join(root, 'config', 'POS Provisioner');
  const shared = path.join(root, 'share', 'pos-provisioner');
  mkdirSync(legacy, { recursive: true });
  return { root, legacy, shared, target: path.join(shared, DB_FILE_NAME) };
}

/** A database as a crash leaves it: the latest writes only in its WAL file, not in the main file. */
function crashedDatabase(dir: string): void {
  const live = Store.open(path.join(mkdtempSync(path.join(tmpdir(), 'live-')), DB_FILE_NAME));
  open.push(live);
  live.db.pragma('wal_autocheckpoint = 0');
  live.sites.add({ url: 'https://erp.example.com', displayUrl: 'https://erp.example.com', apiKey: 'key-in-wal' });
  for (const suffix of ['', '-wal', '-shm']) copyFileSync(`${live.file}${suffix}`, path.join(dir, `${DB_FILE_NAME}${suffix}`));
}

describe('one data folder for the app and the CLI', () => {
  it('is the same per-user folder on every OS, with POS_PROVISIONER_HOME overriding it', () => {
    expect(defaultDataDir({ HOME: '/home/ana' }, 'linux')).toMatch(/\/\.local\/share\/pos-provisioner$/);
    expect(defaultDataDir({ XDG_DATA_HOME: '/data' }, 'linux')).toBe('/data/pos-provisioner');
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'win32')).toBe(path.join('C:\\Users\\ana\\AppData\\Roaming', 'POS Provisioner'));
    expect(defaultDataDir({}, 'darwin')).toMatch(/Library\/Application Support\/POS Provisioner$/);
    expect(defaultDbFile({ POS_PROVISIONER_HOME: '/srv/pos' }, 'linux')).toBe(path.join('/srv/pos', DB_FILE_NAME));
  });

  it("looks for the desktop app's old folder only on Linux, where Electron put it in ~/.config", () => {
    expect(legacyDataDirs({ XDG_CONFIG_HOME: '/cfg' }, 'linux')).toEqual(['/cfg/POS Provisioner']);
    expect(legacyDataDirs({}, 'darwin')).toEqual([]);
    expect(legacyDataDirs({}, 'win32')).toEqual([]);
    expect(legacyDataDirs({ POS_PROVISIONER_HOME: '/srv/pos' }, 'linux')).toEqual([]);
  });
});

describe("moving the desktop app's old database into the shared folder", () => {
  it('moves it with what was still only in its WAL, keeps the old file as a backup and says where it went', async () => {
    const { legacy, target } = folders();
    crashedDatabase(legacy);
    // The main file alone does not even hold the tables yet: moving only it would lose everything.
    const mainOnly = path.join(mkdtempSync(path.join(tmpdir(), 'main-only-')), DB_FILE_NAME);
    copyFileSync(path.join(legacy, DB_FILE_NAME), mainOnly);
    const bare = new Database(mainOnly, { readonly: true });
    expect(bare.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'sites'").get()).toEqual({ n: 0 });
    bare.close();

    const result = await adoptLegacyDatabase(target, [legacy]);
    expect(result).toEqual({ moved: true, from: path.join(legacy, DB_FILE_NAME), to: target, keptAs: path.join(legacy, `${DB_FILE_NAME}${MOVED_SUFFIX}`) });
    const moved = Store.open(target);
    open.push(moved);
    expect(moved.sites.list().map((site) => site.apiKey)).toEqual(['key-in-wal']);
    expect(moved.integrityCheck()).toBe('ok');
    expect(existsSync(path.join(legacy, DB_FILE_NAME))).toBe(false);
    expect(existsSync(path.join(legacy, `${DB_FILE_NAME}${MOVED_SUFFIX}`))).toBe(true);
    expect(readFileSync(path.join(legacy, 'MOVED.txt'), 'utf8')).toContain(path.dirname(target));
    expect(readdirSync(path.dirname(target)).filter((name) => name.endsWith('.moving'))).toEqual([]);

    expect(await adoptLegacyDatabase(target, [legacy])).toEqual({ moved: false, reason: 'none' });
  });

  it('touches nothing when the shared folder already has a database', async () => {
    const { legacy, shared, target } = folders();
    crashedDatabase(legacy);
    mkdirSync(shared, { recursive: true });
    const current = Store.open(target);
    current.sites.add({ url: 'https://other.example.com', displayUrl: 'https://other.example.com', apiKey: 'current' });
    current.close();
    const before = readFileSync(path.join(legacy, DB_FILE_NAME));
    expect(await adoptLegacyDatabase(target, [legacy])).toEqual({ moved: false, reason: 'both-exist', legacyFile: path.join(legacy, DB_FILE_NAME) });
    expect(readFileSync(path.join(legacy, DB_FILE_NAME)).equals(before)).toBe(true);
    const after = Store.open(target);
    open.push(after);
    expect(after.sites.list().map((site) => site.apiKey)).toEqual(['current']);
  });

  it('leaves a damaged old file exactly as it was, creates nothing, and says what to do', async () => {
    const { legacy, shared, target } = folders();
    const garbage = Buffer.from('SQLite format 3\0 but then nonsense '.repeat(200));
    writeFileSync(path.join(legacy, DB_FILE_NAME), garbage);
    await expect(adoptLegacyDatabase(target, [legacy])).rejects.toMatchObject({ name: 'StoreError', message: expect.stringMatching(/could not be moved from .* to /), hint: expect.stringMatching(/left exactly as it was/) });
    expect(readFileSync(path.join(legacy, DB_FILE_NAME)).equals(garbage)).toBe(true);
    expect(existsSync(target)).toBe(false);
    expect(existsSync(shared) ? readdirSync(shared) : []).toEqual([]);
  });

  it('refuses to move a database another program is writing, keeping it whole', async () => {
    const { legacy, target } = folders();
    crashedDatabase(legacy);
    const writer = new Database(path.join(legacy, DB_FILE_NAME));
    writer.exec('BEGIN IMMEDIATE');
    try {
      await expect(adoptLegacyDatabase(target, [legacy])).rejects.toMatchObject({ code: 'db_busy', hint: expect.stringMatching(/Close every POS Provisioner/) });
      expect(existsSync(target)).toBe(false);
    } finally {
      writer.exec('ROLLBACK');
      writer.close();
    }
    expect((await adoptLegacyDatabase(target, [legacy])).moved).toBe(true);
  });
});
