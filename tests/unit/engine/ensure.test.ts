import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ensureRecord, noteChange, stepFailure } from '../../../electron/engine/ensure';
import type { StepContext } from '../../../electron/engine/stepContext';
import { storeJournal, storeLedger } from '../../../electron/engine/writeJournal';
import { ErpNextError } from '../../../electron/erpnext/errors';
import { type LockFence, Store } from '../../../electron/store';
import { validateShop } from '../../../shared/shop';
import { SHOP_FILE } from '../../support/engineHarness';

// Look-then-create against scripted ERPNext answers, with the real SQLite journal of unconfirmed creates.

const WINDOW_MS = 300;
const lost = () => new ErpNextError({ code: 'timeout', method: 'POST', path: '/api/resource/Customer' });

let store: Store;
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  store?.close();
});

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
  const entries: { level: string; message: string; data?: Record<string, unknown> }[] = [];
  const logAt = (level: string) => (message: string, data?: Record<string, unknown>) => void (logs.push(message), entries.push({ level, message, data }));
  const actions: string[] = [];
  const effects = { created: [] as string[], adopted: [] as string[], changed: [] as string[] };
  const controller = new AbortController();
  const ctx = {
    writes: storeJournal(store, shop.id, () => fence, () => ({ runId: run.id, stepId: 'step_7_customer' })),
    ledger: storeLedger(store, shop.id, () => ({ runId: run.id, stepId: 'step_7_customer' })),
    serverTimeoutMs: WINDOW_MS,
    signal: controller.signal,
    effects,
    action: (label: string) => void actions.push(label),
    log: { debug: logAt('debug'), info: logAt('info'), warn: logAt('warn') },
  } as unknown as StepContext;
  const recorded = () => store.effects.list(shop.id).map((e) => `${e.kind} ${e.doctype} ${e.name}`);
  return { ctx, logs, entries, actions, effects, controller, recorded, pending: () => store.writeIntents.list(shop.id), shopId: shop.id, fence, runId: run.id };
}

/** Which record the specs stand for, in the shop's effects record. */
const customerTarget = (record: { name: string }) => ({ doctype: 'Customer', name: record.name });

/** A site whose record appears when (and if) `commitAt` says so; counts creates and their times. */
function site(options: { exists?: boolean; create?: (n: number) => 'ok' | Error; visibleAfterMs?: number } = {}) {
  let record: { name: string } | null = options.exists ? { name: 'Walk-in Customer' } : null;
  const creates: number[] = [];
  let finds = 0;
  return {
    creates,
    finds: () => finds,
    spec: {
      what: 'Customer "Walk-in Customer"', target: customerTarget,
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
    // Adopted: recorded so undo knows it existed and never removes it.
    expect(w.recorded()).toEqual(['adopted Customer Walk-in Customer']);
  });

  it('creates what is missing once, and leaves no intent behind', async () => {
    const w = world();
    const s = site();
    await expect(ensureRecord(w.ctx, s.spec)).resolves.toMatchObject({ created: true });
    expect([s.creates.length, w.effects.created, w.pending()]).toEqual([1, ['Customer "Walk-in Customer"'], []]);
    expect(w.recorded()).toEqual(['created Customer Walk-in Customer']);
    expect(w.actions).toContain('Creating Customer "Walk-in Customer"');
  });

  it('records the intent before the request leaves', async () => {
    const w = world();
    let seen: unknown[] = [];
    await ensureRecord(w.ctx, { what: 'X', target: customerTarget, find: async () => null, create: async () => ((seen = w.pending().map((i) => i.what)), { name: 'X' }) });
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
    const spec = { what: 'Item "A"', target: customerTarget, find: async () => (made ? { name: 'A' } : null), create: async () => ((made = true), Promise.reject(new ErpNextError({ code: 'duplicate', status: 409, excType: 'DuplicateEntryError' }))) };
    await expect(ensureRecord(w.ctx, spec)).resolves.toEqual({ record: { name: 'A' }, created: false });
    expect(w.effects.adopted).toEqual(['Item "A"']);
  });

  it('ERPNext insisting it exists while nothing can be found is a clear failure, not a loop', async () => {
    const w = world();
    let creates = 0;
    const spec = { what: 'Item "A"', target: customerTarget, find: async () => null, create: async () => (creates++, Promise.reject(new ErpNextError({ code: 'duplicate', status: 409, excType: 'DuplicateEntryError', serverMessage: 'Duplicate entry' }))) };
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
    // Our own create, only seen late: still ours to undo.
    expect(w.recorded()).toEqual(['created Customer Walk-in Customer']);
    expect(w.actions.some((a) => /ERPNext has not answered; checking whether it saved Customer "Walk-in Customer"… \d+ s/.test(a))).toBe(true);
  });

  it('sends again only once the server can no longer be saving the first request', async () => {
    const w = world();
    const s = site({ create: (n) => (n === 1 ? lost() : 'ok') });
    await expect(ensureRecord(w.ctx, s.spec)).resolves.toMatchObject({ created: true });
    expect(s.creates.length).toBe(2);
    expect(s.creates[1]! - s.creates[0]!).toBeGreaterThanOrEqual(WINDOW_MS - 5);
    expect(w.pending()).toEqual([]);
    // A retried create is one effect.
    expect(w.recorded()).toEqual(['created Customer Walk-in Customer']);
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
    // The earlier attempt was ours (a crash before its answer was recorded): undo must remove it.
    expect(w.recorded()).toEqual(['created Customer Walk-in Customer']);
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
    await expect(ensureRecord(w.ctx, { what: 'X', target: customerTarget, find: async () => null, create: async () => Promise.reject(new TypeError('bug')) })).rejects.toThrow(TypeError);
    expect(w.pending().map((i) => i.what)).toEqual(['X']);
  });

  it('stops looking when the run is cancelled', async () => {
    const w = world();
    const s = site({ create: () => lost() });
    setTimeout(() => w.controller.abort(), 50);
    await expect(ensureRecord(w.ctx, s.spec)).rejects.toMatchObject({ code: 'cancelled' });
    expect(s.creates.length).toBe(1);
  });

  it('the log tells what happened and why: created, or adopted because it already existed', async () => {
    const fresh = world();
    await ensureRecord(fresh.ctx, site().spec);
    // A fresh create waits for nothing: no "has not answered" warning, no look for a late commit.
    expect(fresh.entries).toEqual([{ level: 'info', message: 'Customer "Walk-in Customer" created', data: undefined }]);
    store.close();
    const existing = world();
    await ensureRecord(existing.ctx, site({ exists: true }).spec);
    expect(existing.logs).toEqual(['Customer "Walk-in Customer" already exists: adopted']);
  });

  it('the log says when ERPNext reported the record made meanwhile, before adopting it', async () => {
    const w = world();
    let made = false;
    const spec = { what: 'Item "A"', target: customerTarget, find: async () => (made ? { name: 'A' } : null), create: async () => ((made = true), Promise.reject(new ErpNextError({ code: 'duplicate', status: 409, excType: 'DuplicateEntryError' }))) };
    await ensureRecord(w.ctx, spec);
    expect(w.logs).toEqual(['Item "A" was created meanwhile (ERPNext says it exists): looking it up', 'Item "A" already exists: adopted']);
    expect(w.pending()).toEqual([]);
  });

  it('a lost answer found saved is adopted as such, and the warning says until when ERPNext may still save it', async () => {
    const w = world();
    const s = site({ create: (n) => (n === 1 ? lost() : 'ok'), visibleAfterMs: 60 });
    const before = Date.now();
    await ensureRecord(w.ctx, s.spec);
    const warning = w.entries.find((e) => e.level === 'warn');
    expect(warning?.data).toEqual({ serverTimeoutMs: WINDOW_MS });
    const until = Date.parse(/may still save it until (\S+),/.exec(warning?.message ?? '')?.[1] ?? '');
    expect(until).toBeGreaterThanOrEqual(before + WINDOW_MS);
    expect(until).toBeLessThanOrEqual(Date.now() + WINDOW_MS);
    expect(warning?.message).toMatch(/^Customer "Walk-in Customer": ERPNext has not answered; .* so we look for it instead of sending it again$/);
    expect(w.logs.at(-1)).toBe('Customer "Walk-in Customer" was saved by ERPNext although its answer was lost: adopted');
    expect(w.effects).toEqual({ created: [], adopted: ['Customer "Walk-in Customer"'], changed: [] });
  });

  it('once the window has passed without the record, the log says sending again is safe', async () => {
    const w = world();
    const s = site({ create: (n) => (n === 1 ? lost() : 'ok') });
    await ensureRecord(w.ctx, s.spec);
    expect(w.logs.filter((m) => !m.includes('has not answered'))).toEqual([
      'Customer "Walk-in Customer": not saved by ERPNext within its request timeout; sending it again is safe',
      'Customer "Walk-in Customer" created',
    ]);
  });

  it('looks again soon at first, then less and less often (never more than 5 s apart), and once more at the deadline', async () => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(1); // the longest pause full jitter can draw
    const w = world();
    w.ctx.serverTimeoutMs = 10_000;
    let sends = 0;
    const looks: number[] = [];
    const start = Date.now();
    const spec = {
      what: 'Customer "Walk-in Customer"', target: customerTarget,
      find: async () => (looks.push(Date.now() - start), null),
      create: async () => (++sends === 1 ? Promise.reject(lost()) : { name: 'Walk-in Customer' }),
    };
    const done = ensureRecord(w.ctx, spec);
    await vi.advanceTimersByTimeAsync(10_000);
    await expect(done).resolves.toMatchObject({ created: true });
    // The first look (before sending), then the look-again rounds, the last one at the deadline, then the look before resending.
    expect(looks).toEqual([0, 0, 250, 750, 1_750, 3_750, 7_750, 10_000, 10_000]);
    expect(w.actions.filter((a) => a.startsWith('ERPNext has not answered')).map((a) => /… (\d+) s$/.exec(a)?.[1])).toEqual(['0', '0', '1', '2', '4', '8']);
  });

  it('ERPNext insisting on a record that cannot be found fails as a validation error (not retried) naming the likely cause', async () => {
    const w = world();
    const refusal = new ErpNextError({ code: 'duplicate', status: 409, excType: 'DuplicateEntryError', serverMessage: 'Duplicate entry', method: 'POST', path: '/api/resource/Item' });
    const error = await ensureRecord(w.ctx, { what: 'Item "A"', target: customerTarget, find: async () => null, create: async () => Promise.reject(refusal) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErpNextError);
    expect(error).toMatchObject({
      code: 'validation_failed',
      category: 'validation',
      transient: false,
      message: 'ERPNext says Item "A" already exists, but it cannot be found the way the shop looks for it.',
      hint: 'Another record probably uses the same name. Look for it in ERPNext and rename or remove it, then continue.',
      serverMessage: 'Duplicate entry',
      excType: 'DuplicateEntryError',
      status: 409,
      method: 'POST',
      path: '/api/resource/Item',
    });
    expect(w.pending()).toEqual([]);
  });
});

describe('noteChange and stepFailure', () => {
  it('a change to an existing record goes into the summary and the log, with its detail', () => {
    const w = world();
    noteChange(w.ctx, 'Stock Settings (valuation_method)', { changed: [{ field: 'valuation_method', to: 'FIFO' }] });
    expect(w.effects.changed).toEqual(['Stock Settings (valuation_method)']);
    expect(w.entries).toEqual([{ level: 'info', message: 'Stock Settings (valuation_method) updated', data: { changed: [{ field: 'valuation_method', to: 'FIFO' }] } }]);
  });

  it('a conflict a step found by reading is a validation failure with our wording and ERPNext\'s own message kept aside', () => {
    const error = stepFailure('The abbreviation CC is already used by the company "Other".', 'Choose another abbreviation, then retry.', 'Abbreviation already used for another company');
    expect(error).toBeInstanceOf(ErpNextError);
    expect(error).toMatchObject({ code: 'validation_failed', category: 'validation', transient: false, outcomeUnknown: false, message: 'The abbreviation CC is already used by the company "Other".', hint: 'Choose another abbreviation, then retry.', serverMessage: 'Abbreviation already used for another company' });
  });
});
