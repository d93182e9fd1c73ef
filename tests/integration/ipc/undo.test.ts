import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../sandbox';
import { dispatch } from '../../../electron/ipc/dispatch';
import { type Handlers, createHandlers } from '../../../electron/ipc/handlers';
import { MemorySecretStore } from '../../../electron/secrets';
import { ProvisioningService } from '../../../electron/service';
import type { PosCommand } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/result';
import type { UndoPreview, UndoResult } from '../../../shared/undo';
import { SHOP_FILE } from '../../support/engineHarness';

// previewUndo / undoShop through the main-process handlers (validation, the typed confirmation) over the real service.

let sandbox: Sandbox;
let service: ProvisioningService;
let handlers: Handlers;

beforeEach(async () => {
  sandbox = await startSandbox();
  const dir = mkdtempSync(path.join(tmpdir(), 'ipc-undo-'));
  service = new ProvisioningService({ dbFile: path.join(dir, 'pos.sqlite'), secrets: new MemorySecretStore(), appVersion: 'test' });
  const ports = { host: 'browser-host' as const, appVersion: 'test', chooseSavePath: async () => null, notify: () => undefined, updateStatus: async () => ({ enabled: false, detail: 'off' }) };
  handlers = createHandlers(service, ports);
});
afterEach(async () => {
  service.close();
  await sandbox.stop();
});

const call = <T>(command: PosCommand, payload?: unknown) => dispatch(handlers, command, payload) as Promise<Result<T>>;

async function shopId(): Promise<string> {
  const { apiKey, apiSecret } = sandbox.users.provisioner;
  const site = await call<{ id: string }>('saveSite', { url: sandbox.url, apiKey, apiSecret });
  if (!site.ok) throw new Error(site.error.message);
  const shop = await call<{ saved: true; shop: { id: string } }>('saveShop', { siteId: site.value.id, config: SHOP_FILE });
  if (!shop.ok || !shop.value.saved) throw new Error('shop not saved');
  return shop.value.shop.id;
}

describe('undo over IPC', () => {
  it('validates the payload and refuses a company name that does not match, removing nothing', async () => {
    const id = await shopId();
    expect(await call('undoShop', { shopId: id })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call('undoShop', { shopId: id, confirmCompany: 'Corner Cafe', extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const writes = sandbox.stats().writes;
    expect(await call('undoShop', { shopId: id, confirmCompany: 'Lab HQ' })).toMatchObject({ ok: false, error: { code: 'not_confirmed', message: 'The company name typed does not match "Corner Cafe": nothing was removed.' } });
    expect(sandbox.stats().writes).toBe(writes);
  });

  it('a shop never run has nothing to remove', async () => {
    const id = await shopId();
    const preview = await call<UndoPreview>('previewUndo', id);
    expect(preview).toMatchObject({ ok: true, value: { company: 'Corner Cafe', actions: [], blockers: [] } });
    const result = await call<UndoResult>('undoShop', { shopId: id, confirmCompany: ' Corner Cafe ' });
    expect(result).toMatchObject({ ok: true, value: { status: 'COMPLETED' } });
    if (result.ok) expect(result.value.message).toMatch(/^Nothing to undo/);
  });
});
