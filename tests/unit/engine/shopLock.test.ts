import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RunLockedError, ShopLock } from '../../../electron/engine/shopLock';
import { LockLostError, Store } from '../../../electron/store';
import { validateShop } from '../../../shared/shop';
import { SHOP_FILE } from '../../support/engineHarness';

// A process's hold on a shop's run lock: refused while another holds it, checked before every write,
// and noticed (once) when another process takes it over.

const stores: Store[] = [];
afterEach(() => stores.splice(0).forEach((s) => s.close()));

function twoProcesses() {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'lock-')), 'pos.sqlite');
  const a = Store.open(file);
  const b = Store.open(file);
  stores.push(a, b);
  const validated = validateShop(SHOP_FILE);
  if (!validated.ok) throw new Error('shop');
  const site = a.sites.add({ url: 'https://erp.test', displayUrl: 'https://erp.test', apiKey: 'k' });
  const shop = a.shops.upsert(site.id, validated.value);
  return { a, b, shop, run: a.runs.firstRun(shop.id, 1) };
}

describe('ShopLock', () => {
  it('is held once acquired, refuses a second process naming the holder, and is free again after release', () => {
    const { a, b, shop, run } = twoProcesses();
    const mine = new ShopLock(a, shop, 60_000, () => undefined);
    const theirs = new ShopLock(b, shop, 60_000, () => undefined);
    expect(mine.held).toBe(false);
    expect(() => mine.current).toThrow(LockLostError);
    mine.acquire(run.id);
    expect(mine.held).toBe(true);
    expect(mine.current.shopId).toBe(shop.id);
    expect(() => theirs.acquire(run.id)).toThrow(RunLockedError);
    expect(() => theirs.acquire(run.id)).toThrow(new RegExp(`A run for "${shop.name}" is already in progress \\(process ${process.pid} on `));
    mine.release();
    expect(mine.held).toBe(false);
    theirs.acquire(run.id);
    expect(theirs.held).toBe(true);
    theirs.release();
  });

  it('acquiring again keeps the same hold and points it at the new run', () => {
    const { a, shop, run } = twoProcesses();
    const lock = new ShopLock(a, shop, 60_000, () => undefined);
    lock.acquire(run.id);
    const fence = lock.current;
    lock.acquire('run-2');
    expect(lock.current).toBe(fence);
    expect(a.locks.holder(shop.id)?.runId).toBe('run-2');
    lock.release();
  });

  it('`while` takes and gives back the lock around short work, unless it was held already', () => {
    const { a, shop, run } = twoProcesses();
    const lock = new ShopLock(a, shop, 60_000, () => undefined);
    expect(lock.while(run.id, () => lock.held)).toBe(true);
    expect(lock.held).toBe(false);
    lock.acquire(run.id);
    lock.while(run.id, () => undefined);
    expect(lock.held).toBe(true);
    lock.release();
  });

  it('check() passes while held and, once another process took over, calls onLost once and throws', () => {
    const { a, b, shop, run } = twoProcesses();
    let lost = 0;
    const lock = new ShopLock(a, shop, 60_000, () => lost++);
    lock.acquire(run.id);
    expect(() => lock.check()).not.toThrow();
    b.db.prepare('UPDATE run_locks SET heartbeat_at = ?').run(new Date(Date.now() - 120_000).toISOString());
    const taken = b.locks.acquire(shop.id, run.id);
    expect(taken.ok).toBe(true);
    expect(() => lock.check()).toThrow(LockLostError);
    expect(() => lock.check()).toThrow(LockLostError);
    expect([lost, lock.held]).toEqual([1, false]);
  });

  it('the heartbeat renews the hold, and notices when it was taken over', async () => {
    const { a, b, shop, run } = twoProcesses();
    let lost = 0;
    const lock = new ShopLock(a, shop, 20, () => lost++);
    lock.acquire(run.id);
    const before = a.locks.holder(shop.id)!.heartbeatAt;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(a.locks.holder(shop.id)!.heartbeatAt > before).toBe(true);
    // Renewing is not losing.
    expect([lost, lock.held]).toEqual([0, true]);
    b.db.prepare('UPDATE run_locks SET heartbeat_at = ?').run(new Date(Date.now() - 120_000).toISOString());
    expect(b.locks.acquire(shop.id, run.id).ok).toBe(true);
    await expect.poll(() => lost).toBe(1);
    expect(lock.held).toBe(false);
  });

  it('a refusal names itself and tells the installer what to do', () => {
    const { a, b, shop, run } = twoProcesses();
    new ShopLock(a, shop, 60_000, () => undefined).acquire(run.id);
    let refusal: unknown;
    try {
      new ShopLock(b, shop, 60_000, () => undefined).acquire(run.id);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(RunLockedError);
    expect(refusal).toMatchObject({ name: 'RunLockedError', hint: 'Wait for that run to finish (or close the other window), then try again.' });
    expect(new RunLockedError('Cafe', 'this window', 'Pause the run first.').hint).toBe('Pause the run first.');
  });

  it('letting go twice, or without holding, is harmless', () => {
    const { a, shop, run } = twoProcesses();
    const lock = new ShopLock(a, shop, 60_000, () => undefined);
    expect(() => lock.release()).not.toThrow();
    lock.acquire(run.id);
    lock.release();
    expect(() => lock.release()).not.toThrow();
    expect(a.locks.isFree(shop.id)).toBe(true);
  });

  it('a heartbeat due after the database was closed (the app quitting) does nothing and throws nothing', async () => {
    const { a, shop, run } = twoProcesses();
    const uncaught: unknown[] = [];
    const record = (error: unknown) => void uncaught.push(error);
    process.prependListener('uncaughtException', record);
    try {
      let lost = 0;
      const lock = new ShopLock(a, shop, 10, () => lost++);
      lock.acquire(run.id);
      a.close();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect([uncaught, lost, lock.held]).toEqual([[], 0, true]);
      lock.lost(); // stops the heartbeat
    } finally {
      process.removeListener('uncaughtException', record);
    }
  });
});
