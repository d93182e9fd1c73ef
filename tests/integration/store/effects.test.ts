import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LockLostError, Store } from '../../../electron/store';
import { validateShop } from '../../../shared/shop';
import { SHOP_FILE } from '../../support/engineHarness';

// The shop's effects record (migration 8) on a real SQLite file.

let store: Store;
afterEach(() => store?.close());

function shopOn(siteId: string, company: string) {
  const validated = validateShop({ ...SHOP_FILE, company: { ...SHOP_FILE.company, name: company, abbr: company.slice(0, 2).toUpperCase() } });
  if (!validated.ok) throw new Error('shop');
  return store.shops.upsert(siteId, validated.value);
}

function world() {
  store = Store.open(path.join(mkdtempSync(path.join(tmpdir(), 'effects-')), 'pos.sqlite'));
  const site = store.sites.add({ url: 'https://erp.test', displayUrl: 'https://erp.test', apiKey: 'k' });
  const shop = shopOn(site.id, 'Corner Cafe');
  const held = store.locks.acquire(shop.id, 'run-1');
  if (!held.ok) throw new Error('lock');
  return { site, shop, fence: held.fence, context: { runId: 'run-1', stepId: 'step_2_company' } };
}

describe('effects record', () => {
  it('a record recorded again (a retried create, a re-run) stays one effect', () => {
    const { shop, context } = world();
    store.effects.record(shop.id, { kind: 'created', doctype: 'Company', name: 'Corner Cafe' }, context);
    store.effects.record(shop.id, { kind: 'created', doctype: 'Company', name: 'Corner Cafe' }, { ...context, runId: 'run-2' });
    expect(store.effects.list(shop.id).map((e) => [e.kind, e.doctype, e.name, e.runId])).toEqual([['created', 'Company', 'Corner Cafe', 'run-1']]);
  });

  it('a change keeps the value from before the first change, until it is undone', () => {
    const { shop, fence, context } = world();
    const change = (before: unknown, after: unknown) => store.effects.record(shop.id, { kind: 'changed', doctype: 'Selling Settings', name: 'Selling Settings', field: 'customer_group', before, after }, context);
    change('', 'Individual');
    change('Individual', 'Commercial');
    expect(store.effects.list(shop.id)).toMatchObject([{ before: '', after: 'Commercial', undoneAt: null }]);
    store.effects.markUndone(fence, store.effects.list(shop.id)[0]!.id, 'restored');
    expect(store.effects.pending(shop.id)).toEqual([]);
    change('Retail', 'Individual');
    expect(store.effects.pending(shop.id)).toMatchObject([{ before: 'Retail', after: 'Individual', undoneAt: null }]);
  });

  it('a create answered after the lock was taken over is still recorded (it happened on the site); undo progress is fenced', () => {
    const { shop, fence, context } = world();
    store.locks.release(fence);
    store.effects.record(shop.id, { kind: 'created', doctype: 'Company', name: 'Corner Cafe' }, context);
    const [effect] = store.effects.list(shop.id);
    expect(effect).toMatchObject({ kind: 'created', name: 'Corner Cafe' });
    expect(() => store.effects.markUndone(fence, effect!.id, 'removed')).toThrow(LockLostError);
    expect(store.effects.pending(shop.id)).toHaveLength(1);
  });

  it('a record is shared when another shop of the same site recorded it, not one of another site', () => {
    const { site, shop, context } = world();
    store.effects.record(shop.id, { kind: 'created', doctype: 'Customer', name: 'Walk-in Customer' }, context);
    const other = shopOn(site.id, 'Bean Bar');
    const elsewhere = shopOn(store.sites.add({ url: 'https://other.test', displayUrl: 'https://other.test', apiKey: 'k2' }).id, 'Tea Hut');
    for (const s of [other, elsewhere]) {
      store.effects.record(s.id, { kind: 'adopted', doctype: 'Customer', name: 'Walk-in Customer' }, context);
    }
    expect(store.effects.sharedWith(shop.id, 'Customer', 'Walk-in Customer')).toEqual(['Bean Bar']);
  });
});
