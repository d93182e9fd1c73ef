import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../sandbox';
import { dispatch } from '../../../electron/ipc/dispatch';
import { createHandlers } from '../../../electron/ipc/handlers';
import { MemorySecretStore } from '../../../electron/secrets';
import { ProvisioningService } from '../../../electron/service';
import type { PosCommand } from '../../../shared/ipc/contract';
import { cliWorld, runCli } from '../../support/cli';
import { SHOP_FILE } from '../../support/engineHarness';
import { bytesOf, leaksIn, unzipFile } from '../../support/secrets';

// ERPNext echoes the API secret back in an error (as a misconfigured site or a proxy can): no sink keeps it —
// not SQLite (log rows, run and step error columns, outputs), not the page's answers, not the CLI, not the bundle.

let sandbox: Sandbox;
afterEach(async () => sandbox?.stop());

function echoFault(key: string, secret: string) {
  // The POS session is not critical: the run ends PARTIAL with the echo stored as the step's error.
  return { method: 'POST', path: '/api/resource/POS Opening Entry', kind: 'error' as const, status: 417, excType: 'ValidationError', message: `Rejected token ${key}:${secret} (${Buffer.from(`${key}:${secret}`).toString('base64')})` };
}

describe('a secret echoed by ERPNext', () => {
  it('reaches no sink of the app: database file, IPC answers, support bundle', async () => {
    sandbox = await startSandbox();
    const { apiKey, apiSecret } = sandbox.users.provisioner;
    sandbox.faults.add(echoFault(apiKey, apiSecret));
    const dir = mkdtempSync(path.join(tmpdir(), 'redact-'));
    const dbFile = path.join(dir, 'pos.sqlite');
    const service = new ProvisioningService({ dbFile, secrets: new MemorySecretStore(), appVersion: 'test', client: { limits: { requestsPerSecond: 500 } }, run: { siteLease: false } });
    const handlers = createHandlers(service, { host: 'browser-host', appVersion: 'test', chooseSavePath: async ({ defaultName }) => path.join(dir, defaultName), notify: () => undefined, updateStatus: async () => ({ enabled: false, detail: 'off in tests' }) });
    const call = (command: PosCommand, payload?: unknown) => dispatch(handlers, command, payload);
    try {
      const site = (await call('saveSite', { url: sandbox.url, apiKey, apiSecret })) as { ok: true; value: { id: string } };
      const saved = (await call('saveShop', { siteId: site.value.id, config: SHOP_FILE })) as { ok: true; value: { shop: { id: string } } };
      const shopId = saved.value.shop.id;
      const view = await service.startRun(shopId);
      expect(view.run.status).toBe('PARTIAL');
      const sessionError = view.steps.find((s) => s.stepId === 'step_9_pos_session')!.error!;
      // The echo really came back (so the checks below test something), with the secret replaced.
      expect(sessionError.serverMessage).toMatch(/Rejected token \[REDACTED\]/);

      const answers = JSON.stringify([await call('getRun', shopId), await call('queryLogs', { shopId, limit: 5_000 }), await call('listSites'), await call('testConnection', site.value.id)]);
      expect(leaksIn(answers, apiSecret, apiKey)).toEqual([]);

      const bundle = (await call('exportSupportBundle', shopId)) as { ok: true; value: { path: string } };
      const files = unzipFile(bundle.value.path);
      expect(Object.keys(files)).toEqual(expect.arrayContaining(['logs.jsonl', 'runs.json', 'steps.json']));
      expect(files['steps.json']!.toString()).toMatch(/Rejected token \[REDACTED\]/);
      for (const [name, bytes] of Object.entries(files)) expect({ name, leaks: leaksIn(bytes, apiSecret, apiKey) }).toEqual({ name, leaks: [] });
    } finally {
      service.close();
    }
    for (const file of [dbFile, `${dbFile}-wal`]) expect(leaksIn(bytesOf(file), apiSecret, apiKey)).toEqual([]);
  });

  it('reaches neither the CLI output nor its database', async () => {
    sandbox = await startSandbox();
    const { apiKey, apiSecret } = sandbox.users.provisioner;
    sandbox.faults.add(echoFault(apiKey, apiSecret));
    const world = cliWorld(sandbox, SHOP_FILE);
    const human = await runCli(world.args('run'), { env: world.env });
    const json = await runCli(world.args('continue', '--json'), { env: world.env });
    expect([human.code, json.code]).toEqual([2, 2]);
    expect(human.stdout).toMatch(/Rejected token \[REDACTED\]/);
    const logs = await runCli(['logs', '--json', '--db', world.db], { env: world.env });
    for (const output of [human.stdout, human.stderr, json.stdout, json.stderr, logs.stdout]) expect(leaksIn(output, apiSecret, apiKey)).toEqual([]);
    for (const file of [world.db, `${world.db}-wal`]) expect(leaksIn(bytesOf(file), apiSecret, apiKey)).toEqual([]);
  });
});
