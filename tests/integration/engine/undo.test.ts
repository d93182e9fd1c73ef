import { afterEach, describe, expect, it } from 'vitest';
import { ErpNextClient } from '../../../electron/erpnext/client';
import { runUndo, previewUndo, type UndoDeps } from '../../../electron/engine/undo/undoShop';
import { Logger } from '../../../electron/logging/logger';
import { createRedactor } from '../../../electron/logging/redact';
import { RunController } from '../../../electron/engine/controller';
import { validateShop } from '../../../shared/shop';
import { RunStatus } from '../../../shared/status';
import { describeUndoAction } from '../../../shared/undo';
import { defaultDemoItems } from '../../../shared/shop/demoItems';
import { countsThroughApi, stockThroughApi } from '../../support/duplicates';
import { type EngineHarness, SHOP_FILE, engineHarness } from '../../support/engineHarness';

// Undo over real HTTP against the sandbox, on the real SQLite effects record a real run wrote.

/** Demo items without opening stock (another shop of the site, below). */
export const NO_STOCK_SHOP = { ...SHOP_FILE, demoItems: [{ code: 'CC-ESPRESSO', name: 'Espresso', price: 2.5 }, { code: 'CC-WATER', name: 'Still Water', price: 1 }] };
/** The default demo items: each books its opening stock (a submitted Material Receipt with its stock ledger). */
const ITEMS = defaultDemoItems('CC').map((item) => item.code);
const EXPECT = { company: 'Corner Cafe', customer: 'Walk-in Customer', profile: 'Corner Cafe POS', items: ITEMS };

let h: EngineHarness;
afterEach(async () => h?.close());

function deps(world: EngineHarness): UndoDeps {
  const credentials = world.sandbox.users.provisioner;
  const redact = createRedactor(() => [{ secret: credentials.apiSecret, key: credentials.apiKey }]);
  const logger = new Logger(world.store, redact, { shopId: world.shop.id });
  const client = new ErpNextClient({ siteUrl: world.sandbox.url, credentials, retry: { baseDelayMs: 20, maxDelayMs: 50, maxAttempts: 2 } });
  return { store: world.store, shop: world.shop, client, logger, redact, transactionDeletion: { pollMs: 20, timeoutMs: 2_000 } };
}

async function provisioned(shop: unknown = SHOP_FILE): Promise<EngineHarness> {
  const world = await engineHarness({ shop });
  const view = await world.controller().start();
  expect(view.run.status).toBe(RunStatus.Completed);
  return world;
}

const stock = (world: EngineHarness) => stockThroughApi(world.sandbox.url, world.sandbox.users.provisioner, { company: 'Corner Cafe', abbr: 'CC', items: ITEMS });
const counts = async (world: EngineHarness) => ({ ...(await countsThroughApi(world.sandbox.url, world.sandbox.users.provisioner, EXPECT)), ...(await stock(world)) });
const zeros = (c: Record<string, number>) => Object.fromEntries(Object.keys(c).map((k) => [k, 0]));

describe('undo', () => {
  it('after a full run with opening stock removes every record we created (stock, its ledger and bins too), restores what we changed, keeps what we adopted; a second undo does nothing', async () => {
    h = await provisioned();
    expect(await stock(h)).toEqual({ 'Stock Entry': 4, 'Stock Ledger Entry': 4, 'Stock Ledger Entry of the company': 4, Bin: 4, 'Bin of the warehouses': 4, 'Transaction Deletion Record': 0 });
    const sellingBefore = h.sandbox.db.get('Selling Settings', 'Selling Settings');
    expect(h.store.effects.list(h.shop.id).map((e) => `${e.kind} ${e.doctype}`)).toEqual(expect.arrayContaining(['created Company', 'created POS Opening Entry', 'adopted Mode of Payment Account', 'changed Selling Settings']));
    const preview = await previewUndo(deps(h));
    expect(preview.blockers).toEqual([]);
    const order = preview.actions.map((a) => a.doctype);
    expect(order.indexOf('POS Opening Entry')).toBeLessThan(order.indexOf('POS Profile'));
    expect(order.indexOf('POS Profile')).toBeLessThan(order.indexOf('Warehouse'));
    expect(order.indexOf('Item')).toBeLessThan(order.indexOf('Item Group'));
    expect(order.indexOf('Warehouse')).toBeLessThan(order.indexOf('Company'));
    // Our opening stock is cancelled, then ERPNext's Transaction Deletion Record takes it with its ledger, before the items go.
    expect(preview.actions.filter((a) => a.doctype === 'Stock Entry').map((a) => a.cancelOnly)).toEqual([true, true, true, true]);
    expect(order.lastIndexOf('Stock Entry')).toBeLessThan(order.indexOf('Transaction Deletion Record'));
    expect(order.indexOf('Transaction Deletion Record')).toBeLessThan(order.indexOf('Item'));
    expect(preview.actions.map(describeUndoAction)).toContain(`Delete the transactions of Company "Corner Cafe" (ERPNext's Transaction Deletion Record: the stock ledger of ${preview.actions.filter((a) => a.doctype === 'Stock Entry').map((a) => a.name).sort().join(', ')}, kept by ERPNext after the cancel)`);
    // The card account is linked from the new company's defaults: ERPNext removes it with the company.
    expect(preview.actions.at(-1)).toMatchObject({ doctype: 'Account', note: 'goes with the company' });
    expect(preview.actions.map(describeUndoAction)).toContain('Restore Selling Settings "Selling Settings" customer_group: "Individual" → (empty)');

    const result = await runUndo(deps(h));
    expect(result.status, result.message).toBe('COMPLETED');
    expect(result.steps.find((s) => s.action.kind === 'delete-transactions')?.message).toMatch(/^Deleted the transactions of Company Corner Cafe with ERPNext's Transaction Deletion Record TDL0001: .*4 Stock Entry, 8 Stock Ledger Entry/);
    expect(zeros(await counts(h))).toEqual(await counts(h));
    // Each step of it is in the log under the undo's correlation id.
    const logged = h.store.logs.list({ shopId: h.shop.id, search: 'Transaction Deletion Record' }).filter((e) => /Transaction Deletion Record/.test(e.message));
    expect(logged.map((e) => e.message)).toEqual(expect.arrayContaining(['Submitted Transaction Deletion Record TDL0001 for Corner Cafe', 'Started Transaction Deletion Record TDL0001: waiting for ERPNext to complete it', 'Transaction Deletion Record TDL0001 completed']));
    expect(new Set(logged.map((e) => e.correlationId)).size).toBe(1);
    expect(logged[0]?.correlationId).toMatch(/^undo-/);
    // Changed singles are back to the value they had before the run.
    expect(sellingBefore?.customer_group).toBe('Individual');
    expect(h.sandbox.db.get('Selling Settings', 'Selling Settings')?.customer_group).toBe('');
    // Adopted records are untouched: the Cash mode and the site's own company.
    expect(h.sandbox.db.get('Mode of Payment', 'Cash')).toBeTruthy();
    expect(h.sandbox.db.count('Company', { company_name: 'Lab HQ' })).toBe(1);
    expect(h.sandbox.db.list('DefaultValue').filter((d) => d.defvalue === 'Corner Cafe')).toEqual([]);

    const writes = h.sandbox.stats().writes;
    const again = await runUndo(deps(h));
    expect(again.status).toBe('COMPLETED');
    expect(again.message).toMatch(/^Nothing to undo/);
    expect(h.sandbox.stats().writes).toBe(writes);
  });

  it('refuses with nothing removed while a POS invoice by someone else uses the shop, and lists it', async () => {
    h = await provisioned();
    const before = await counts(h);
    const { apiKey, apiSecret } = h.sandbox.users.administrator;
    const sale = await fetch(`${h.sandbox.url}/api/resource/POS Invoice`, {
      method: 'POST',
      headers: { Authorization: `token ${apiKey}:${apiSecret}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ customer: 'Walk-in Customer', pos_profile: 'Corner Cafe POS', company: 'Corner Cafe', is_pos: 1, update_stock: 1, items: [{ item_code: 'CC-WATER', qty: 1, rate: 1 }], payments: [{ mode_of_payment: 'Cash', amount: 1, default: 1 }] }),
    });
    expect(sale.status, await sale.clone().text()).toBe(200);
    const invoice = ((await sale.json()) as { data: { name: string } }).data.name;
    const writes = h.sandbox.stats().writes;

    const result = await runUndo(deps(h));
    expect(result.status).toBe('REFUSED');
    expect(result.blockers.map((b) => `${b.doctype} ${b.name}`)).toEqual([`POS Invoice ${invoice}`]);
    expect(result.message).toMatch(/^Nothing was removed: 1 transaction by someone else uses records of this shop/);
    expect(h.sandbox.stats().writes).toBe(writes);
    expect(await counts(h)).toEqual(before);
  });

  it('refuses with nothing removed while someone else\'s POS session is on our company (the transaction deletion would take it)', async () => {
    h = await provisioned();
    const before = await counts(h);
    const { apiKey, apiSecret } = h.sandbox.users.administrator;
    const today = new Date().toISOString().slice(0, 10);
    const session = await fetch(`${h.sandbox.url}/api/resource/POS Opening Entry`, {
      method: 'POST',
      headers: { Authorization: `token ${apiKey}:${apiSecret}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ pos_profile: 'Corner Cafe POS', company: 'Corner Cafe', user: 'Administrator', period_start_date: `${today} 08:00:00`, posting_date: today, balance_details: [{ mode_of_payment: 'Cash', opening_amount: 0 }] }),
    });
    expect(session.status, await session.clone().text()).toBe(200);
    const name = ((await session.json()) as { data: { name: string } }).data.name;
    const writes = h.sandbox.stats().writes;
    const result = await runUndo(deps(h));
    expect(result.status).toBe('REFUSED');
    expect(result.blockers.map((b) => `${b.doctype} ${b.name}`)).toEqual([`POS Opening Entry ${name}`]);
    expect(h.sandbox.stats().writes).toBe(writes);
    expect(await counts(h)).toEqual({ ...before, draftSession: 1 });
  });

  it('an interrupted undo resumes where it stopped and finishes', async () => {
    h = await provisioned();
    const fault = h.sandbox.faults.add({ method: 'DELETE', path: '/api/resource/Customer/*', kind: 'error', status: 417, excType: 'ValidationError', message: 'Injected refusal' });
    const first = await runUndo(deps(h));
    expect(first.status).toBe('FAILED');
    expect(first.message).toMatch(/Stopped at "Remove Customer "Walk-in Customer"": Injected refusal/);
    // What was done before the stop stays done: the session and profile are gone, the company is not.
    expect(h.sandbox.db.count('POS Profile', { name: 'Corner Cafe POS' })).toBe(0);
    expect(h.sandbox.db.count('Company', { company_name: 'Corner Cafe' })).toBe(1);
    expect(h.store.undoRuns.latest(h.shop.id)?.status).toBe('FAILED');
    h.sandbox.faults.remove(fault);

    const preview = await previewUndo(deps(h));
    expect(preview.actions.map((a) => a.doctype)).not.toContain('POS Profile');
    expect(preview.resuming).toBe(true);
    const second = await runUndo(deps(h));
    expect(second.status, second.message).toBe('COMPLETED');
    expect(zeros(await counts(h))).toEqual(await counts(h));
  });

  it('keeps a record another shop of the site also uses (the walk-in customer) and says so; that shop is untouched', async () => {
    h = await provisioned();
    const other = validateShop({ ...NO_STOCK_SHOP, company: { name: 'Bean Bar', abbr: 'BB', country: 'United States', currency: 'USD' }, demoItems: false });
    if (!other.ok) throw new Error('shop');
    const bean = h.store.shops.upsert(h.shop.siteId, other.value);
    const d = deps(h);
    const beanRun = new RunController({ store: h.store, shop: bean, client: d.client, logger: new Logger(h.store, d.redact, { shopId: bean.id }), redact: d.redact, options: { siteLease: false } });
    expect((await beanRun.start()).run.status).toBe(RunStatus.Completed);
    beanRun.dispose();

    const preview = await previewUndo(deps(h));
    expect(preview.actions.map(describeUndoAction)).toContain('Keep Customer "Walk-in Customer": also used by shop "Bean Bar" of this site');
    const result = await runUndo(deps(h));
    expect(result.status, result.message).toBe('COMPLETED');
    expect(result.message).toMatch(/1 kept/);
    expect(h.sandbox.db.count('Customer', { customer_name: 'Walk-in Customer' })).toBe(1);
    expect(h.sandbox.db.count('Company', { company_name: 'Corner Cafe' })).toBe(0);
    expect([h.sandbox.db.count('Company', { company_name: 'Bean Bar' }), h.sandbox.db.count('POS Profile', { name: 'Bean Bar POS' }), h.sandbox.db.count('POS Opening Entry', { pos_profile: 'Bean Bar POS', docstatus: 1 })]).toEqual([1, 1, 1]);
    // Once Bean Bar is removed too, nothing holds the customer for it any more.
    expect(h.store.effects.sharedWith(h.shop.id, 'Customer', 'Walk-in Customer')).toEqual(['Bean Bar']);
    const beanDeps = { ...deps(h), shop: bean };
    expect((await runUndo(beanDeps)).status).toBe('COMPLETED');
    expect(h.store.effects.sharedWith(h.shop.id, 'Customer', 'Walk-in Customer')).toEqual([]);
    expect(h.sandbox.db.count('Company', { company_name: 'Bean Bar' })).toBe(0);
  });

  it('leaves a setting someone changed after our run as they set it, and says so', async () => {
    h = await provisioned();
    const { apiKey, apiSecret } = h.sandbox.users.administrator;
    const put = await fetch(`${h.sandbox.url}/api/resource/Selling Settings/Selling Settings`, { method: 'PUT', headers: { Authorization: `token ${apiKey}:${apiSecret}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ customer_group: 'Commercial' }) });
    expect(put.status, await put.clone().text()).toBe(200);
    const result = await runUndo(deps(h));
    expect(result.status, result.message).toBe('COMPLETED');
    expect(result.steps.filter((s) => s.outcome === 'kept').map((s) => s.message)).toEqual(['Selling Settings Selling Settings customer_group was changed since (now "Commercial"): left as it is']);
    expect(h.sandbox.db.get('Selling Settings', 'Selling Settings')).toMatchObject({ customer_group: 'Commercial', territory: '' });
  });

  it('killed after the deletion record was submitted, the next undo resumes that record (no second one) and finishes', async () => {
    h = await provisioned();
    // ERPNext never starts the record: start_deletion_tasks refused (the undo is as good as killed right after the submit).
    const fault = h.sandbox.faults.add({ method: 'POST', path: '/api/resource/Transaction Deletion Record/*', kind: 'error', status: 417, excType: 'ValidationError', message: 'Injected refusal' });
    const first = await runUndo(deps(h));
    expect(first.status).toBe('FAILED');
    expect(first.message).toMatch(/Stopped at "Delete the transactions of Company "Corner Cafe".*Injected refusal/);
    expect(h.sandbox.db.list('Transaction Deletion Record').map((d) => [d.name, d.docstatus, d.status])).toEqual([['TDL0001', 1, 'Queued']]);
    // The opening stock is cancelled, its ledger still there: the items and the company stay.
    expect(h.sandbox.db.list('Stock Entry').map((e) => e.docstatus)).toEqual([2, 2, 2, 2]);
    expect(h.sandbox.db.count('Company', { company_name: 'Corner Cafe' })).toBe(1);
    h.sandbox.faults.remove(fault);

    const preview = await previewUndo(deps(h));
    expect(preview.resuming).toBe(true);
    const second = await runUndo(deps(h));
    expect(second.status, second.message).toBe('COMPLETED');
    expect(second.steps.find((s) => s.action.kind === 'delete-transactions')?.message).toMatch(/Transaction Deletion Record TDL0001 \(resumed\)/);
    expect(zeros(await counts(h))).toEqual(await counts(h));
    expect((await runUndo(deps(h))).message).toMatch(/^Nothing to undo/);
  });

  it('stops after a bounded wait, saying so, while ERPNext does not complete the deletion record; the next undo waits for that same record', async () => {
    h = await provisioned();
    h.sandbox.setBackgroundJobs('stopped');
    const first = await runUndo({ ...deps(h), transactionDeletion: { pollMs: 20, timeoutMs: 300 } });
    expect(first.status).toBe('FAILED');
    expect(first.message).toMatch(/^Stopped at "Delete the transactions of Company "Corner Cafe" .*": ERPNext's Transaction Deletion Record TDL0001 is still Running after 300 ms of waiting$/);
    expect(first.hint).toMatch(/background job .*Run undo again later: it waits for the same record/);
    expect(h.sandbox.db.count('Company', { company_name: 'Corner Cafe' })).toBe(1);

    // ERPNext's worker comes back while the next undo waits.
    const back = setTimeout(() => h.sandbox.setBackgroundJobs('run'), 200);
    const second = await runUndo({ ...deps(h), transactionDeletion: { pollMs: 20, timeoutMs: 5_000 } });
    clearTimeout(back);
    expect(second.status, second.message).toBe('COMPLETED');
    expect(second.steps.find((s) => s.action.kind === 'delete-transactions')?.message).toMatch(/Transaction Deletion Record TDL0001 \(resumed\)/);
    expect(zeros(await counts(h))).toEqual(await counts(h));
  });

  it('previews for an API user who may not read deletion records (only a System Manager may): none to go on with', async () => {
    h = await provisioned(NO_STOCK_SHOP);
    h.sandbox.setUserRoles('provisioner', h.sandbox.users.provisioner.roles.filter((r) => r !== 'System Manager'));
    const preview = await previewUndo(deps(h));
    expect(preview.actions.map((a) => a.kind)).not.toContain('delete-transactions');
    expect(preview.actions.map((a) => a.doctype)).toContain('Company');
  });

  it('for a company it did not create, never deletes its transactions: it stops at the kept stock ledger and says so', async () => {
    h = await provisioned({ ...SHOP_FILE, company: { name: 'Lab HQ', abbr: 'LHQ', country: 'United States', currency: 'USD' } });
    expect(h.store.effects.list(h.shop.id).filter((e) => e.doctype === 'Company' && e.kind === 'created')).toEqual([]);
    const result = await runUndo(deps(h));
    expect(result.status).toBe('FAILED');
    expect(result.message).toMatch(/Stopped at "Remove Stock Entry/);
    expect(result.hint).toMatch(/existed before this app, so undo does not delete its transactions/);
    expect(result.steps.map((s) => s.action.kind)).not.toContain('delete-transactions');
    expect(h.sandbox.db.list('Transaction Deletion Record')).toEqual([]);
    expect(h.sandbox.db.count('Company', { company_name: 'Lab HQ' })).toBe(1);
  });
});
