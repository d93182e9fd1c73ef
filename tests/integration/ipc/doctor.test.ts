import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../sandbox';
import { dispatch } from '../../../electron/ipc/dispatch';
import { createHandlers } from '../../../electron/ipc/handlers';
import { MemorySecretStore } from '../../../electron/secrets';
import { ProvisioningService } from '../../../electron/service';
import type { DoctorReport } from '../../../shared/doctor';
import type { PosCommand } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/result';
import { SHOP_FILE } from '../../support/engineHarness';

// Check shop and Repair over the app's typed API: inputs validated in main, refusals explained, answers redacted.

let sandbox: Sandbox;
let service: ProvisioningService;
afterEach(async () => {
  service?.close();
  await sandbox?.stop();
});

async function world() {
  sandbox = await startSandbox();
  const dir = mkdtempSync(path.join(tmpdir(), 'ipc-doctor-'));
  service = new ProvisioningService({ dbFile: path.join(dir, 'pos.sqlite'), secrets: new MemorySecretStore(), appVersion: 'test' });
  const ports = { host: 'browser-host' as const, appVersion: 'test', chooseSavePath: async () => null, notify: () => undefined, updateStatus: async () => ({ enabled: false, detail: 'off in tests' }) };
  const handlers = createHandlers(service, ports);
  const call = <T>(command: PosCommand, payload?: unknown) => dispatch(handlers, command, payload) as Promise<Result<T>>;
  const { apiKey, apiSecret } = sandbox.users.provisioner;
  const site = service.saveSite({ url: sandbox.url, apiKey, apiSecret });
  const saved = service.saveShop(site.id, SHOP_FILE);
  if (!saved.ok) throw new Error('shop');
  return { call, shopId: saved.shop.id, apiSecret };
}

describe('checkShop / repairPlan / repairShop', () => {
  it('refuses bad input and a shop not set up yet, each with a reason', async () => {
    const { call, shopId } = await world();
    expect(await call('repairShop', { shopId, steps: ['step_99_nothing'] })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call('repairShop', { shopId, steps: [] })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call('checkShop', 'not-an-id')).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call('checkShop', shopId)).toMatchObject({ ok: false, error: { code: 'not_finished', hint: expect.stringContaining('Run the shop to the end first') } });
  });

  it('checks a provisioned shop without the secret in the answer', async () => {
    const { call, shopId, apiSecret } = await world();
    await service.startRun(shopId);
    const checked = await call<DoctorReport>('checkShop', shopId);
    expect(checked).toMatchObject({ ok: true, value: { health: 'healthy', findings: [] } });
    expect(JSON.stringify(checked)).not.toContain(apiSecret);
    expect(await call('repairPlan', shopId)).toMatchObject({ ok: true, value: { steps: [], actions: [] } });
  }, 30_000);
});
