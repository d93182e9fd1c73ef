import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../../sandbox';
import { dispatch } from '../../../electron/ipc/dispatch';
import { type Handlers, createHandlers } from '../../../electron/ipc/handlers';
import { MemorySecretStore } from '../../../electron/secrets';
import { ProvisioningService } from '../../../electron/service';
import type { RunHistoryEntry } from '../../../shared/history';
import type { PosCommand, ShopSiteCheckResult } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/result';
import type { ShopPlan } from '../../../shared/plan';
import type { RunEvent, RunView } from '../../../shared/runView';
import { SHOP_FILE } from '../../support/engineHarness';

// Issue 10 through the window's typed API: Preview (planShop), the shop form's live checks, and a Start
// that follows a preview saying what changed on the site in between.

let sandbox: Sandbox;
let service: ProvisioningService;
let handlers: Handlers;

beforeEach(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ipc-plan-'));
  sandbox = await startSandbox();
  service = new ProvisioningService({ dbFile: path.join(dir, 'pos.sqlite'), secrets: new MemorySecretStore(), appVersion: 'test', run: { networkWait: { baseDelayMs: 100, maxDelayMs: 300 }, serverTimeoutMs: 2_000 } });
  handlers = createHandlers(service, { host: 'browser-host', appVersion: 'test', chooseSavePath: async () => null, notify: () => undefined, updateStatus: async () => ({ enabled: false, detail: 'off' }) });
});
afterEach(async () => {
  service.close();
  await sandbox.stop();
});

const raw = (command: PosCommand, payload?: unknown) => dispatch(handlers, command, payload) as Promise<Result<unknown>>;
const call = async <T>(command: PosCommand, payload?: unknown): Promise<T> => {
  const result = (await raw(command, payload)) as Result<T>;
  if (!result.ok) throw new Error(`${command}: ${result.error.message}`);
  return result.value;
};

async function siteAndShop(config: unknown = SHOP_FILE): Promise<{ siteId: string; shopId: string }> {
  const { apiKey, apiSecret } = sandbox.users.provisioner;
  const siteId = (await call<{ id: string }>('saveSite', { url: sandbox.url, apiKey, apiSecret })).id;
  const saved = await call<{ shop: { id: string } }>('saveShop', { siteId, config });
  return { siteId, shopId: saved.shop.id };
}

describe('Preview and live checks through the API', () => {
  it('Preview plans the shop without writing; the Start that follows says what changed since, and the history keeps plan vs result', async () => {
    const { shopId } = await siteAndShop();
    sandbox.resetStats();
    const plan = await call<ShopPlan>('planShop', shopId);
    expect(sandbox.stats().writes).toBe(0);
    expect(plan).toMatchObject({ shopName: 'Corner Cafe', outcome: 'changes', counts: { create: 14, change: 2, conflict: 0 } });
    expect(plan.steps.map((s) => s.stepId)).toHaveLength(11);

    const { apiKey, apiSecret } = sandbox.users.administrator;
    const made = await fetch(`${sandbox.url}/api/resource/Customer`, { method: 'POST', headers: { Authorization: `token ${apiKey}:${apiSecret}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ customer_name: 'Walk-in Customer', customer_type: 'Individual', customer_group: 'Individual', territory: 'All Territories' }) });
    expect(made.status).toBe(200);

    const events: RunEvent[] = [];
    service.onRunUpdate((_view, batch) => events.push(...batch));
    await call<RunView>('startRun', shopId);
    await expect.poll(() => service.runView(shopId).run.status, { timeout: 30_000 }).toBe('COMPLETED');
    expect(events.filter((e) => e.type === 'run.plan_changed')).toEqual([expect.objectContaining({ previewAt: plan.plannedAt, differences: ['Customer "Walk-in Customer" now exists (adopt, was create)'] })]);

    const [run] = await call<RunHistoryEntry[]>('listRuns', shopId);
    expect(run!.plan).toMatchObject({ previewAt: plan.plannedAt, differences: ['Customer "Walk-in Customer" now exists (adopt, was create)'], counts: { create: 13 } });
    expect(run!.plan!.adopt).toContain('Customer "Walk-in Customer"');
    expect(run!.result!.adopted).toContain('Customer "Walk-in Customer"');
  });

  it('live checks: a taken abbreviation, a missing cashier and an unknown payment mode, each on its form field; a good draft has none', async () => {
    const { siteId } = await siteAndShop();
    sandbox.resetStats();
    const bad = { ...SHOP_FILE, company: { ...SHOP_FILE.company, name: 'Pier Grocer', abbr: 'LHQ' }, pos: { ...SHOP_FILE.pos, paymentMethods: [{ mode: 'Cash', default: true }, { mode: 'Cahs' }], cashiers: ['nobody@shop.example'] } };
    const checked = await call<ShopSiteCheckResult>('checkShopOnSite', { siteId, config: bad });
    expect(sandbox.stats().writes).toBe(0);
    expect(checked.checked && checked.check.conflicts.map((c) => [c.field, c.reason])).toEqual([
      ['pos.paymentMethods', 'The payment method "Cahs" does not exist in ERPNext. Modes of Payment on the site: Bank Draft, Cash, Check, Credit Card, Wire Transfer.'],
      ['company.abbr', 'The abbreviation LHQ is already used by the company "Lab HQ".'],
      ['pos.cashiers', 'The cashier nobody@shop.example does not exist in ERPNext.'],
    ]);
    const good = await call<ShopSiteCheckResult>('checkShopOnSite', { siteId, config: SHOP_FILE });
    expect(good).toMatchObject({ checked: true, check: { conflicts: [] } });
    const draft = await call<ShopSiteCheckResult>('checkShopOnSite', { siteId, config: { company: { name: '' } } });
    expect(draft.checked).toBe(false);
  });

  it('every input is validated in main: a payload that is not an id is refused before the service', async () => {
    expect(await raw('planShop', 'not-an-id')).toMatchObject({ ok: false });
    expect(await raw('checkShopOnSite', { siteId: 'x', config: {} })).toMatchObject({ ok: false });
    expect(await raw('checkShopOnSite', { siteId: '0b6f8a62-6d7c-4c83-9f3e-2f5d8f1f9a10', config: {}, extra: 1 })).toMatchObject({ ok: false });
  });
});
