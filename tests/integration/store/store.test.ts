import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { hostname } from 'node:os';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LockLostError, Store, StoreError } from '../../../electron/store';
import { LocksRepository } from '../../../electron/store/locks';
import { migrate } from '../../../electron/store/migrate';
import { MIGRATIONS } from '../../../electron/store/migrations';
import { validateShop } from '../../../shared/shop';
import { StepId } from '../../../shared/steps/catalog';

const opened: Store[] = [];
afterEach(() => {
  vi.useRealTimers();
  opened.splice(0).forEach((s) => s.close());
});

function tempFile(name = 'pos.sqlite'): string {
  return path.join(mkdtempSync(path.join(tmpdir(), 'store-')), name);
}

function open(file = tempFile()): Store {
  const store = Store.open(file);
  opened.push(store);
  return store;
}

function refusal(file: string): StoreError {
  try {
    Store.open(file).close();
  } catch (error) {
    return error as StoreError;
  }
  throw new Error('expected the database to be refused');
}

const shopConfig = () => {
  const result = validateShop({ company: { name: 'Corner Cafe', country: 'United States', currency: 'USD' }, pos: { paymentMethods: [{ mode: 'Cash' }] } });
  if (!result.ok) throw new Error('bad fixture');
  return result.value;
};

describe('opening the database', () => {
  it('creates the schema in WAL mode and reopens without reapplying it', () => {
    const file = tempFile();
    const store = open(file);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.schemaVersion).toBe(MIGRATIONS.at(-1)!.version);
    store.close();
    const again = open(file);
    expect((again.db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get() as { n: number }).n).toBe(MIGRATIONS.length);
    expect(again.integrityCheck()).toBe('ok');
  });

  it('upgrades a database from an earlier version in place, keeping its data', () => {
    const file = tempFile();
    const old = new Database(file);
    migrate(old, MIGRATIONS.slice(0, 1), file);
    old.prepare("INSERT INTO logs (time, level, message) VALUES ('2026-01-01T00:00:00Z', 'info', 'from v1')").run();
    old.close();
    const store = open(file);
    expect(store.schemaVersion).toBe(MIGRATIONS.at(-1)!.version);
    expect(store.logs.list().map((e) => e.message)).toEqual(['from v1']);
  });

  it('refuses a database written by a newer app and leaves the file unchanged', () => {
    const file = tempFile();
    open(file).close();
    const db = new Database(file);
    db.prepare("INSERT INTO schema_migrations VALUES (99, 'future', 'x', '2030-01-01')").run();
    db.close();
    const before = readFileSync(file);
    const error = refusal(file);
    expect(error.code).toBe('db_newer');
    expect(error.message).toMatch(/newer version/);
    expect(error.hint).toMatch(/not changed/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a database whose schema history differs', () => {
    const file = tempFile();
    open(file).close();
    const db = new Database(file);
    db.prepare("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1").run();
    db.close();
    expect(refusal(file).code).toBe('db_history_mismatch');
  });

  it('explains a damaged or half-written file and keeps it', () => {
    const garbage = tempFile();
    writeFileSync(garbage, 'this is not a database at all, just text that was half written'.repeat(100));
    const error = refusal(garbage);
    expect(error.code).toBe('db_damaged');
    expect(error.hint).toMatch(/left as it is/);
    expect(readFileSync(garbage, 'utf8')).toMatch(/^this is not a database/);

    const truncated = tempFile();
    const store = open(truncated);
    store.logs.append(Array.from({ length: 2000 }, (_, i) => ({ runId: null, shopId: null, time: new Date().toISOString(), level: 'info' as const, stepId: null, correlationId: null, message: `entry ${i}`, data: null })));
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    store.close();
    const bytes = readFileSync(truncated);
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 3)));
    let caught: unknown;
    try {
      const reopened = Store.open(truncated);
      opened.push(reopened);
      reopened.logs.count();
      if (reopened.integrityCheck() !== 'ok') throw new StoreError('db_damaged', 'integrity', 'hint', truncated);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(Error);
  });

  it('explains a folder it cannot write to', () => {
    const notAFolder = tempFile('plain-file');
    writeFileSync(notAFolder, 'x');
    const error = refusal(path.join(notAFolder, 'data', 'pos.sqlite'));
    expect(error.code).toBe('db_unwritable');
  });
});

describe('runs and steps', () => {
  it('creates a run with every step pending and saves snapshots atomically', () => {
    const store = open();
    const site = store.sites.add({ url: 'https://erp.test', displayUrl: 'https://erp.test', apiKey: 'k' });
    const shop = store.shops.upsert(site.id, shopConfig());
    const run = store.runs.firstRun(shop.id, 1);
    expect(store.runs.firstRun(shop.id, 1).id).toBe(run.id);
    const held = store.locks.acquire(shop.id, run.id);
    if (!held.ok) throw new Error('lock');
    const steps = store.runs.steps(run.id);
    expect(steps).toHaveLength(11);
    expect(new Set(steps.map((s) => s.status))).toEqual(new Set(['pending']));
    const company = { ...steps[2]!, status: 'succeeded' as const, durationMs: 1200, outputs: { company: 'Corner Cafe' } };
    store.runs.saveSnapshot(run.id, { status: 'IN_PROGRESS', phase: 'running' }, [company], held.fence);
    expect(store.runs.get(run.id)!.status).toBe('IN_PROGRESS');
    expect(store.runs.steps(run.id)[2]).toMatchObject({ stepId: StepId.Company, status: 'succeeded', outputs: { company: 'Corner Cafe' } });
    expect(store.runs.typicalDurations()[StepId.Company]).toBe(1200);
    expect(store.shops.upsert(site.id, shopConfig()).id).toBe(shop.id);
  });
});

describe('one run per shop, across processes', () => {
  it('refuses a second holder and takes over a lock whose process is gone', () => {
    const file = tempFile();
    const a = open(file);
    const b = open(file);
    const site = a.sites.add({ url: 'https://erp.test', displayUrl: 'https://erp.test', apiKey: 'k' });
    const shop = a.shops.upsert(site.id, shopConfig());
    const first = a.locks.acquire(shop.id, 'run-1');
    if (!first.ok) throw new Error('lock');
    const refused = b.locks.acquire(shop.id, 'run-2');
    expect(refused.ok).toBe(false);
    a.locks.release(first.fence);
    const second = b.locks.acquire(shop.id, 'run-2');
    expect(second.ok).toBe(true);

    const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid!;
    b.db.prepare('UPDATE run_locks SET owner = ?, pid = ? WHERE shop_id = ?').run('someone-else', dead, shop.id);
    expect(a.locks.acquire(shop.id, 'run-3').ok).toBe(true);
  });

  it('fences writes: a holder whose stale lock was taken over can no longer write run or step rows', () => {
    const file = tempFile();
    const a = open(file);
    const b = open(file);
    const site = a.sites.add({ url: 'https://erp.test', displayUrl: 'https://erp.test', apiKey: 'k' });
    const shop = a.shops.upsert(site.id, shopConfig());
    const run = a.runs.firstRun(shop.id, 1);
    const first = a.locks.acquire(shop.id, run.id);
    if (!first.ok) throw new Error('lock');
    a.runs.saveSnapshot(run.id, { status: 'IN_PROGRESS', phase: 'running' }, [], first.fence);
    // a's heartbeat went stale (laptop asleep): b takes over with a new token.
    b.db.prepare('UPDATE run_locks SET heartbeat_at = ? WHERE shop_id = ?').run(new Date(Date.now() - 60_000).toISOString(), shop.id);
    const second = b.locks.acquire(shop.id, run.id);
    if (!second.ok) throw new Error('takeover');
    expect(a.locks.holds(first.fence)).toBe(false);
    expect(a.locks.heartbeat(first.fence)).toBe(false);
    const step = { ...a.runs.steps(run.id)[2]!, status: 'succeeded' as const };
    expect(() => a.runs.saveSnapshot(run.id, { status: 'COMPLETED', phase: 'finished' }, [step], first.fence)).toThrow(LockLostError);
    expect(() => a.runs.create(shop.id, 1, first.fence)).toThrow(LockLostError);
    expect(() => a.writeIntents.sending(first.fence, 'Customer "Walk-in"', { runId: run.id, stepId: StepId.Customer })).toThrow(LockLostError);
    expect(a.runs.get(run.id)!.status).toBe('IN_PROGRESS');
    expect(a.runs.steps(run.id)[2]!.status).toBe('pending');
    // The new holder writes as usual; releasing with the old token does not free the new holder's lock.
    b.runs.saveSnapshot(run.id, { status: 'COMPLETED', phase: 'finished' }, [step], second.fence);
    a.locks.release(first.fence);
    expect(b.locks.holds(second.fence)).toBe(true);
    expect(b.runs.get(run.id)!.status).toBe('COMPLETED');
  });
});

describe('the lock, as the service and the controller read it', () => {
  function twoProcessesOnOneShop() {
    const file = tempFile();
    const a = open(file);
    const b = open(file);
    const site = a.sites.add({ url: 'https://erp.test', displayUrl: 'https://erp.test', apiKey: 'k' });
    const shop = a.shops.upsert(site.id, shopConfig());
    return { a, b, shopId: shop.id };
  }
  const heartbeatAgo = (store: Store, shopId: string, ms: number) => store.db.prepare('UPDATE run_locks SET heartbeat_at = ? WHERE shop_id = ?').run(new Date(Date.now() - ms).toISOString(), shopId);

  it('is free when nobody holds it or its holder is gone, and not while a live process holds it', () => {
    const { a, b, shopId } = twoProcessesOnOneShop();
    expect(b.locks.isFree(shopId)).toBe(true);
    const held = a.locks.acquire(shopId, 'run-1');
    if (!held.ok) throw new Error('lock');
    expect(b.locks.isFree(shopId)).toBe(false);
    heartbeatAgo(b, shopId, 120_000);
    expect(b.locks.isFree(shopId)).toBe(true);
    a.locks.release(held.fence);
    expect([b.locks.isFree(shopId), b.locks.holder(shopId)]).toEqual([true, null]);
  });

  it('a holder on another machine is not taken over because its pid is not running here; only its stale heartbeat frees it', () => {
    const { a, b, shopId } = twoProcessesOnOneShop();
    const held = a.locks.acquire(shopId, 'run-1');
    if (!held.ok) throw new Error('lock');
    const gone = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid!;
    b.db.prepare('UPDATE run_locks SET host = ?, pid = ? WHERE shop_id = ?').run(`not-${hostname()}`, gone, shopId);
    expect(b.locks.isFree(shopId)).toBe(false);
    const refused = b.locks.acquire(shopId, 'run-2');
    expect(refused).toMatchObject({ ok: false, holder: { host: `not-${hostname()}`, pid: gone, runId: 'run-1' } });
    heartbeatAgo(b, shopId, 120_000);
    expect(b.locks.acquire(shopId, 'run-2').ok).toBe(true);
  });

  it('a holder whose process runs under another user (signalling it is refused) counts as alive', () => {
    // pid 1 always exists; a non-root test process gets EPERM for it (as root the signal is simply allowed).
    const { a, b, shopId } = twoProcessesOnOneShop();
    expect(a.locks.acquire(shopId, 'run-1').ok).toBe(true);
    b.db.prepare('UPDATE run_locks SET pid = 1 WHERE shop_id = ?').run(shopId);
    expect(b.locks.isFree(shopId)).toBe(false);
    expect(b.locks.acquire(shopId, 'run-2').ok).toBe(false);
  });

  it('a heartbeat exactly as old as the limit is still fresh; one millisecond more and the lock may be taken over', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-30T10:00:00.000Z'));
    const { a, b, shopId } = twoProcessesOnOneShop();
    const theirs = new LocksRepository(b.db, 30_000);
    expect(a.locks.acquire(shopId, 'run-1').ok).toBe(true);
    vi.setSystemTime(new Date('2026-11-30T10:00:30.000Z'));
    expect(theirs.acquire(shopId, 'run-2').ok).toBe(false);
    vi.setSystemTime(new Date('2026-11-30T10:00:30.001Z'));
    expect(theirs.acquire(shopId, 'run-2').ok).toBe(true);
  });

  it('only the current holder can point the lock at another run', () => {
    const { a, b, shopId } = twoProcessesOnOneShop();
    const first = a.locks.acquire(shopId, 'run-1');
    if (!first.ok) throw new Error('lock');
    expect(a.locks.moveTo(first.fence, 'run-2')).toBe(true);
    expect(b.locks.holder(shopId)?.runId).toBe('run-2');
    heartbeatAgo(b, shopId, 120_000);
    expect(b.locks.acquire(shopId, 'run-3').ok).toBe(true);
    expect(a.locks.moveTo(first.fence, 'run-4')).toBe(false);
    expect(b.locks.holder(shopId)?.runId).toBe('run-3');
  });

  it('renewing works only for the current holder, and moves its heartbeat forward', () => {
    const { a, b, shopId } = twoProcessesOnOneShop();
    const first = a.locks.acquire(shopId, 'run-1');
    if (!first.ok) throw new Error('lock');
    heartbeatAgo(a, shopId, 10_000);
    expect(a.locks.heartbeat(first.fence)).toBe(true);
    expect(Date.now() - Date.parse(b.locks.holder(shopId)!.heartbeatAt)).toBeLessThan(5_000);
    expect(b.locks.isFree(shopId)).toBe(false);
  });
});

describe('logs', () => {
  it('filters by level, step, correlation id and text, and pages both ways', () => {
    const store = open();
    const time = new Date().toISOString();
    store.logs.append([
      { runId: 'r', shopId: null, time, level: 'debug', stepId: StepId.Company, correlationId: 'c1', message: 'POST /api/resource/Company', data: null },
      { runId: 'r', shopId: null, time, level: 'warn', stepId: StepId.Company, correlationId: 'c1', message: 'retry 100% soon', data: { code: 'timeout' } },
      { runId: 'r', shopId: null, time, level: 'error', stepId: StepId.PosProfile, correlationId: 'c2', message: 'Missing Account', data: null },
    ]);
    expect(store.logs.list({ level: 'warn' }).map((e) => e.level)).toEqual(['warn', 'error']);
    expect(store.logs.list({ stepId: StepId.Company })).toHaveLength(2);
    expect(store.logs.list({ correlationId: 'c2' })[0]!.message).toBe('Missing Account');
    expect(store.logs.list({ search: '100%' })).toHaveLength(1);
    expect(store.logs.list({ search: 'timeout' })).toHaveLength(1);
    const [first] = store.logs.list({ limit: 1 });
    expect(store.logs.list({ afterId: first!.id }).map((e) => e.level)).toEqual(['warn', 'error']);
    expect(store.logs.list({ beforeId: first!.id + 2, limit: 5 }).map((e) => e.level)).toEqual(['debug', 'warn']);
    expect(store.logs.count({ runId: 'r' })).toBe(3);
  });
});
