import { describe, expect, it } from 'vitest';
import type { WriteEvent } from '../../../electron/erpnext/client';
import { ReadCache, type ReadSpec } from '../../../electron/engine/reads/cache';

// The run's memory of what it read: one request per question, and never a stale answer after a write of
// the run itself — the written document folded in, what ERPNext changed around it read again.

function counter<T>(values: T[]) {
  let calls = 0;
  return { load: async () => values[Math.min(calls++, values.length - 1)]!, calls: () => calls };
}

const list: ReadSpec<{ name: string }[]> = { tags: ['Warehouse'], absorb: (old, write) => (write.kind === 'insert' ? [...old.filter((w) => w.name !== write.doc.name), { name: write.doc.name }] : undefined) };
const insert = (doctype: string, name?: string): WriteEvent => ({ doctype, kind: 'insert', ...(name ? { doc: { name } } : {}) });

describe('ReadCache', () => {
  it('asks once, however many steps ask', async () => {
    const cache = new ReadCache();
    const read = counter([[{ name: 'Stores - CC' }]]);
    const answers = await Promise.all([cache.load('w', list, read.load), cache.load('w', list, read.load), cache.load('w', list, read.load)]);
    expect(read.calls()).toBe(1);
    expect(answers[2]).toEqual([{ name: 'Stores - CC' }]);
  });

  it('folds the document a write answered with into the read, without asking again', async () => {
    const cache = new ReadCache();
    const read = counter([[{ name: 'Stores - CC' }]]);
    await cache.load('w', list, read.load);
    cache.wrote(insert('Warehouse', 'POS Store - CC'));
    expect(await cache.load('w', list, read.load)).toEqual([{ name: 'Stores - CC' }, { name: 'POS Store - CC' }]);
    expect(read.calls()).toBe(1);
  });

  it('reads again what ERPNext changed by itself: a new Company brings warehouses', async () => {
    const cache = new ReadCache();
    const read = counter([[], [{ name: 'All Warehouses - CC' }]]);
    await cache.load('w', list, read.load);
    cache.wrote(insert('Company', 'Corner Cafe'));
    expect(await cache.load('w', list, read.load)).toEqual([{ name: 'All Warehouses - CC' }]);
    expect(read.calls()).toBe(2);
  });

  it('reads again after a write whose answer was lost (no document to fold in)', async () => {
    const cache = new ReadCache();
    const read = counter([[], [{ name: 'POS Store - CC' }]]);
    await cache.load('w', list, read.load);
    cache.wrote(insert('Warehouse'));
    expect(await cache.load('w', list, read.load)).toEqual([{ name: 'POS Store - CC' }]);
  });

  it('a read in flight during a write gets the document folded in whether or not it saw it', async () => {
    const cache = new ReadCache();
    let release!: (value: { name: string }[]) => void;
    const pending = cache.load('w', list, () => new Promise((resolve) => (release = resolve)));
    cache.wrote(insert('Warehouse', 'POS Store - CC'));
    release([{ name: 'POS Store - CC' }]);
    await pending;
    expect(await cache.load('w', list, async () => [])).toEqual([{ name: 'POS Store - CC' }]);
  });

  it('follows a side effect it can work out (follows), reads again when it cannot', async () => {
    const cache = new ReadCache();
    const spec: ReadSpec<string[]> = { tags: ['Mode of Payment'], follows: (value, write) => (write.kind === 'update' ? [...value, `row for ${write.name}`] : undefined) };
    const read = counter([['Cash'], ['Cash', 'Card']]);
    await cache.load('m', spec, read.load);
    cache.wrote({ doctype: 'Company', kind: 'update', name: 'Corner Cafe', doc: { name: 'Corner Cafe' } });
    expect(await cache.load('m', spec, read.load)).toEqual(['Cash', 'row for Corner Cafe']);
    expect(read.calls()).toBe(1);
    cache.wrote(insert('Company', 'Corner Cafe'));
    expect(await cache.load('m', spec, read.load)).toEqual(['Cash', 'Card']);
  });

  it('a prefetched read that failed is asked again by the step that needs it, and its failure is not unhandled', async () => {
    const cache = new ReadCache();
    const failing = cache.load('w', list, () => Promise.reject(new Error('network')), true);
    await expect(failing).rejects.toThrow('network');
    expect(await cache.load('w', list, async () => [{ name: 'Stores - CC' }])).toEqual([{ name: 'Stores - CC' }]);
  });

  it('a prefetch still in flight that fails is retried by the step already waiting on it', async () => {
    const cache = new ReadCache();
    let fail!: (error: Error) => void;
    void cache.load('w', list, () => new Promise((_resolve, reject) => (fail = reject)), true);
    const step = cache.load('w', list, async () => [{ name: 'Stores - CC' }]);
    fail(new Error('network'));
    expect(await step).toEqual([{ name: 'Stores - CC' }]);
  });
});
