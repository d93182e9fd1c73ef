import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../sandbox';
import { RunNotFinishedError } from '../../../electron/engine/controller';
import { ErpNextClient } from '../../../electron/erpnext/client';
import { MemorySecretStore } from '../../../electron/secrets';
import { ProvisioningService } from '../../../electron/service';
import { DoctorWriteRefused, ShopNotProvisionedError, withReadOnlySite } from '../../../electron/service/doctor';
import { FindingKind, Health, Severity } from '../../../shared/doctor';
import { StepId } from '../../../shared/steps/catalog';
import { personAtTheDesk } from '../../support/drift';
import { SHOP_FILE } from '../../support/engineHarness';

// The service the app calls: the doctor's clock (a year about to end), its repair plan from the steps'
// own plans, and the read-only client it works on.

let sandbox: Sandbox;
let service: ProvisioningService | undefined;
afterEach(async () => {
  service?.close();
  await sandbox?.stop();
});

async function provisioned(now?: () => Date) {
  sandbox = await startSandbox();
  const secrets = new MemorySecretStore();
  service = new ProvisioningService({ dbFile: path.join(mkdtempSync(path.join(tmpdir(), 'doctor-')), 'pos.sqlite'), secrets, appVersion: 'test', run: { now } });
  const site = service.saveSite({ url: sandbox.url, apiKey: sandbox.users.provisioner.apiKey, apiSecret: sandbox.users.provisioner.apiSecret });
  const saved = service.saveShop(site.id, SHOP_FILE);
  if (!saved.ok) throw new Error('shop');
  return { service, shop: saved.shop };
}

describe('ProvisioningService doctor', () => {
  it('refuses a shop no run has set up yet', async () => {
    const { service, shop } = await provisioned();
    await expect(service.checkShop(shop.id)).rejects.toBeInstanceOf(ShopNotProvisionedError);
  });

  it('tells a year that ends within a month with none after it as info: the shop stays healthy', async () => {
    const year = new Date().getFullYear();
    const { service, shop } = await provisioned(() => new Date(`${year}-12-20T12:00:00Z`));
    expect((await service.startRun(shop.id)).run.status).toBe('COMPLETED');
    await personAtTheDesk(sandbox).update('Fiscal Year', String(year + 1), { disabled: 1 });
    const report = await service.checkShop(shop.id);
    expect(report.findings.map((f) => [f.kind, f.severity])).toEqual([[FindingKind.FiscalYearEndsSoon, Severity.Info]]);
    expect(report.findings[0]!.saw).toContain(`ends on ${year}-12-31`);
    expect(report.health).toBe(Health.Healthy);
  }, 60_000);

  it('plans a repair from the steps\' own plans: the drift as a change, then runs only those steps', async () => {
    const { service, shop } = await provisioned();
    await service.startRun(shop.id);
    await personAtTheDesk(sandbox).update('Warehouse', 'POS Store - CC', { disabled: 1 });
    const plan = await service.repairPlan(shop.id);
    expect(plan.report.health).toBe(Health.CannotSell);
    // The warehouses step and everything built on it re-check; the company and the chart do not run.
    expect(plan.steps).toEqual([StepId.Warehouses, StepId.Settings, StepId.DemoItems, StepId.PosProfile, StepId.PosSession, StepId.PostSetup]);
    expect(plan.actions).toEqual([{ stepId: StepId.Warehouses, action: 'change', what: 'Warehouse "POS Store" of Corner Cafe', detail: 'disabled: 1 → 0' }]);
    const before = service.runView(shop.id);
    const startedAt = (view: typeof before, id: StepId) => view.steps.find((step) => step.stepId === id)!.startedAt;
    const view = await service.repairShop(shop.id, plan.steps);
    expect(view.run.id).not.toBe(before.run.id);
    expect(view.run.status).toBe('COMPLETED');
    expect(view.run.summary?.changed).toEqual(['Warehouse "POS Store" of Corner Cafe (enabled again)']);
    // Carried over, not run again: the company step of the repair run is the earlier run's.
    expect(startedAt(view, StepId.Company)).toBe(startedAt(before, StepId.Company));
    expect(startedAt(view, StepId.Warehouses)).not.toBe(startedAt(before, StepId.Warehouses));
    expect((await service.checkShop(shop.id)).health).toBe(Health.Healthy);
    // The shop's log (and so its support bundle) tells what the doctor found and planned.
    const said = service.listLogs({ shopId: shop.id, search: 'Doctor:' }).map((entry) => entry.message);
    expect(said).toEqual(expect.arrayContaining(['Doctor: repair plan of 1 write(s) in 6 step(s); 0 finding(s) left to a person', 'Doctor: healthy, 0 finding(s)']));
  }, 60_000);

  it('refuses to repair while a later run is unfinished (paused): Continue it first', async () => {
    const { service, shop } = await provisioned();
    await service.startRun(shop.id);
    const going = service.startRun(shop.id);
    service.cancelRun(shop.id);
    expect((await going).run.status).toBe('IN_PROGRESS');
    const plan = await service.repairPlan(shop.id);
    expect(() => service.repairShop(shop.id, [StepId.PosProfile])).toThrow(RunNotFinishedError);
    expect(plan.report.shopName).toBe('Corner Cafe');
    // Refused before anything: the run lock is free again, and the paused run is still the latest.
    expect((await service.continueRun(shop.id)).run.status).toBe('COMPLETED');
  }, 60_000);

  it('works on a client that refuses every write', async () => {
    const { service, shop } = await provisioned();
    const client = new ErpNextClient({ siteUrl: sandbox.url, credentials: sandbox.users.provisioner });
    sandbox.resetStats();
    await expect(withReadOnlySite(client, service.shop(shop.id), new Date(), (p) => p.reads.loggedUser().then(() => client.update('POS Profile', 'Corner Cafe POS', { disabled: 1 })))).rejects.toBeInstanceOf(DoctorWriteRefused);
    expect(sandbox.stats().writes).toBe(0);
  });
});
