import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureRecord } from '../../../electron/engine/ensure';
import type { StepContext } from '../../../electron/engine/stepContext';
import { storeJournal } from '../../../electron/engine/writeJournal';
import { ErpNextError } from '../../../electron/erpnext/errors';
import { type LockFence, Store } from '../../../electron/store';
import { validateShop } from '../../../shared/shop';
import { SHOP_FILE } from '../../support/engineHarness';

// Look-then-create against scripted ERPNext answers, with the real SQLite journal of unconfirmed creates.

const WINDOW_MS = 300;
const lost = () => new ErpNextError({ code: 'timeout', method: 'POST', path: '/api/resource/Customer' });

let store: Store;
afterEach(() => store?.close());

function world() {
  store = Store.open(path.join(mkdtempSync(path.join(tmpdir(), 'ensure-')), 'pos.sqlite'));
  const validated = validateShop(SHOP_FILE);
  if (!validated.ok) throw new Error('shop');
  const site = store.sites.add({ url: 'https://erp.test', displayUrl: 'https://erp.test', apiKey: 'k' });
  const shop = store.shops.upsert(site.id, validated.value);
  const run = store.runs.firstRun(shop.id, 1);
  const held = store.locks.acquire(shop.id, run.id);
  if (!held.ok) throw new Error('lock');
  const fence: LockFence = held.fence;
  const logs: string[] = [];
  const actions: string[] = [];
  const effects = { created: [] as string[], adopted: [] as string[], changed: [] as string[] };
  const controller = new AbortController();
  const ctx = {
    writes: storeJournal(store, shop.id, () => fence, () => ({ runId: run.id, stepId: 'step_7_customer' })),
    serverTimeoutMs: WINDOW_MS,
    signal: controller.signal,
    effects,
    action: (label: string) => void actions.push(label),
    log: { debug: (m: string) => void logs.push(m), info: (m: string) => void logs.push(m), warn: (m: string) => void logs.push(m) },
  } as unknown as StepContext;
  return { ctx, logs, actions, effects, controller, pending: () => store.writeIntents.list(shop.id), shopId: shop.id, fence, runId: run.id };
}

/** A site whose record appears when (and if) `commitAt` says so; counts creates and their times. */
function site(options: { exists?: boolean; create?: (n: number) => 'ok' | Error; visibleAfterMs?: number } = {}) {
  let record: { name: string } | null = options.exists ? { name: 'Walk-in Customer' } : null;
  const creates: number[] = [];
  let finds = 0;
  return {
    creates,
    finds: () => finds,
    spec: {
      what: 'Customer "Walk-in Customer"',
      find: async () => {
        finds++;
        return record;
      },
      create: async () => {
        creates.push(Date.now());
        const outcome = options.create?.(creates.length) ?? 'ok';
        if (outcome === 'ok') return (record = { name: 'Walk-in Customer' });
        if (options.visibleAfterMs !== undefined) setTimeout(() => (record = { name: 'Walk-in Customer' }), options.visibleAfterMs);
        throw outcome;
      },
    },
  };
}

describe('ensureRecord', () => {
  it('adopts what exists and sends nothing', async () => {
    const w = world();
    const s = site({ exists: true });
    await expect(ensureRecord(w.ctx, s.spec)).resolves.toEqual({ record: { name: 'Walk-in Customer' }, created: false });
    expect([s.creates.length, w.effects.adopted, w.effects.created]).toEqual([0, ['Customer "Walk-in Customer"'], []]);
  });

  it('creates what is missing once, and leaves no intent behind', async () => {
    const w = world();
    const s = site();
    await expect(ensureRecord(w.ctx, s.spec)).resolves.toMatchObject({ created: true });
    expect([s.creates.length, w.effects.created, w.pending()]).toEqual([1, ['Customer "Walk-in Customer"'], []]);
    expect(w.actions).toContain('Creating Customer "Walk-in Customer"');
  });

  it('records the intent before the request leaves', async () => {
    const w = world();
    let seen: unknown[] = [];
    await ensureRecord(w.ctx, { what: 'X', find: async () => null, create: async () => ((seen = w.pending().map((i) => i.what)), { name: 'X' }) });
    expect(seen).toEqual(['X']);
  });

  it('an answer that says no (417) ends it: nothing saved, nothing pending', async () => {
    const w = world();
    const refused = new ErpNextError({ code: 'validation_failed', status: 417, serverMessage: 'Company is frozen' });
    const s = site({ create: () => refused });
    await expect(ensureRecord(w.ctx, s.spec)).rejects.toBe(refused);
    expect([s.creates.length, w.pending()]).toEqual([1, []]);
  });

  it('"already exists" means someone made it meanwhile: look again and adopt', async () => {
    const w = world();
    let made = false;
    const spec = { what: 'Item "A"', find: async () => (made ? { name: 'A' } : null), create: async () => ((made = true), Promise.reject(new ErpNextError({ code: 'duplicate', status: 409, excType: 'DuplicateEntryError' }))) };
    await expect(ensureRecord(w.ctx, spec)).resolves.toEqual({ record: { name: 'A' }, created: false });
    expect(w.effects.adopted).toEqual(['Item "A"']);
  });

  it('ERPNext insisting it exists while nothing can be found is a clear failure, not a loop', async () => {
    const w = world();
    let creates = 0;
    const spec = { what: 'Item "A"', find: async () => null, create: async () => (creates++, Promise.reject(new ErpNextError({ code: 'duplicate', status: 409, excType: 'DuplicateEntryError', serverMessage: 'Duplicate entry' }))) };
    await expect(ensureRecord(w.ctx, spec)).rejects.toThrow(/says Item "A" already exists, but it cannot be found/);
    expect(creates).toBe(3);
  });

  it('a lost answer whose write commits later is found by looking, never sent twice', async () => {
    const w = world();
    const s = site({ create: (n) => (n === 1 ? lost() : 'ok'), visibleAfterMs: 120 });
    await expect(ensureRecord(w.ctx, s.spec)).resolves.toEqual({ record: { name: 'Walk-in Customer' }, created: false });
    expect(s.creates.length).toBe(1);
    expect(s.finds()).toBeGreaterThan(2);
    expect(w.pending()).toEqual([]);
    expect(w.actions.some((a) => /ERPNext has not answered; checking whether it saved Customer "Walk-in Customer"… \d+ s/.test(a))).toBe(true);
  });

  it('sends again only once the server can no longer be saving the first request', async () => {
    const w = world();
    const s = site({ create: (n) => (n === 1 ? lost() : 'ok') });
    await expect(ensureRecord(w.ctx, s.spec)).resolves.toMatchObject({ created: true });
    expect(s.creates.length).toBe(2);
    expect(s.creates[1]! - s.creates[0]!).toBeGreaterThanOrEqual(WINDOW_MS - 5);
    expect(w.pending()).toEqual([]);
  });

  it('a create sent by an earlier attempt (the journal) is looked for before anything is sent', async () => {
    const w = world();
    store.writeIntents.sending(w.fence, 'Customer "Walk-in Customer"', { runId: w.runId, stepId: 'step_7_customer' });
    const s = site({ visibleAfterMs: 0 });
    // The earlier attempt's request is still being worked on: it commits 100 ms from now.
    const committedLate = setTimeout(() => void s.spec.create().catch(() => undefined), 100);
    const result = await ensureRecord(w.ctx, s.spec);
    clearTimeout(committedLate);
    expect(result.created).toBe(false);
    expect(s.creates.length).toBe(1);
    expect(w.effects.adopted).toEqual(['Customer "Walk-in Customer"']);
    expect(w.logs.some((m) => /saved by an earlier attempt whose answer was lost: adopted/.test(m))).toBe(true);
  });

  it('an earlier attempt whose window has passed is not waited for', async () => {
    const w = world();
    store.writeIntents.sending(w.fence, 'Customer "Walk-in Customer"', { runId: w.runId, stepId: 'step_7_customer' });
    store.db.prepare('UPDATE write_intents SET sent_at = ?').run(new Date(Date.now() - 10 * WINDOW_MS).toISOString());
    const s = site();
    const started = Date.now();
    await expect(ensureRecord(w.ctx, s.spec)).resolves.toMatchObject({ created: true });
    expect(Date.now() - started).toBeLessThan(WINDOW_MS);
    expect(s.creates.length).toBe(1);
  });

  it('gives up after three sends whose answers were all lost', async () => {
    const w = world();
    const s = site({ create: () => lost() });
    await expect(ensureRecord(w.ctx, s.spec)).rejects.toMatchObject({ code: 'timeout' });
    expect(s.creates.length).toBe(3);
  });

  it('a bug after sending keeps the intent (the request may have left)', async () => {
    const w = world();
    await expect(ensureRecord(w.ctx, { what: 'X', find: async () => null, create: async () => Promise.reject(new TypeError('bug')) })).rejects.toThrow(TypeError);
    expect(w.pending().map((i) => i.what)).toEqual(['X']);
  });

  it('stops looking when the run is cancelled', async () => {
    const w = world();
    const s = site({ create: () => lost() });
    setTimeout(() => w.controller.abort(), 50);
    await expect(ensureRecord(w.ctx, s.spec)).rejects.toMatchObject({ code: 'cancelled' });
    expect(s.creates.length).toBe(1);
  });
});
