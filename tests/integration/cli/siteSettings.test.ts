import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../sandbox';
import { resolveSite } from '../../../electron/cli/sites';
import { MemorySecretStore } from '../../../electron/secrets';
import { ProvisioningService } from '../../../electron/service';
import { cliWorld, runCli } from '../../support/cli';
import { SHOP_FILE } from '../../support/engineHarness';

const PIN = 'AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89';

let sandbox: Sandbox | undefined;
afterEach(async () => sandbox?.stop());

function serviceOn(dbFile: string): ProvisioningService {
  return new ProvisioningService({ dbFile, secrets: new MemorySecretStore(), appVersion: 'test' });
}

describe('a site given on the command line keeps what the app saved for it', () => {
  it('run --site URL keeps the pinned certificate, the CA file and the plain-HTTP permission', async () => {
    const dbFile = path.join(mkdtempSync(path.join(tmpdir(), 'site-settings-')), 'pos.sqlite');
    const service = serviceOn(dbFile);
    const saved = service.saveSite({ url: 'http://erp.example.com', apiKey: 'key', apiSecret: 'secret', tlsPin: PIN, tlsCaFile: '/etc/ssl/shop-ca.pem', allowPlainHttp: true });
    const warnings: string[] = [];
    const { site } = await resolveSite(service, 'http://erp.example.com/app', dbFile, { ERPNEXT_API_KEY: 'key2', ERPNEXT_API_SECRET: 'secret2' }, (text) => warnings.push(text));
    expect(site).toMatchObject({ id: saved.id, apiKey: 'key2', tlsPin: PIN, tlsCaFile: '/etc/ssl/shop-ca.pem', allowPlainHttp: true });
    expect(warnings).toEqual([expect.stringMatching(/Plain HTTP is allowed for erp.example.com/)]);
    service.close();
  });

  it('the real command, run against the sandbox, leaves a saved pin in place', async () => {
    sandbox = await startSandbox();
    const world = cliWorld(sandbox, SHOP_FILE);
    const before = serviceOn(world.db);
    before.saveSite({ url: sandbox.url, apiKey: world.env.ERPNEXT_API_KEY!, apiSecret: 'old', tlsPin: PIN });
    before.close();
    const result = await runCli(world.args('run', '--json'), { env: world.env });
    expect(result.code).toBe(0);
    const after = serviceOn(world.db);
    expect(after.listSites()).toEqual([expect.objectContaining({ url: sandbox.url, tlsPin: PIN })]);
    after.close();
  });

  it('refuses plain HTTP to a remote site unless ERPNEXT_ALLOW_PLAIN_HTTP=1, with the reason', async () => {
    const dbFile = path.join(mkdtempSync(path.join(tmpdir(), 'site-plain-')), 'pos.sqlite');
    const service = serviceOn(dbFile);
    const env = { ERPNEXT_API_KEY: 'key', ERPNEXT_API_SECRET: 'secret' };
    await expect(resolveSite(service, 'http://erp.example.com', dbFile, env, () => undefined)).rejects.toMatchObject({ code: 'invalid_url', message: expect.stringMatching(/this would send the API secret unencrypted/) });
    expect(service.listSites()).toEqual([]);
    const { site } = await resolveSite(service, 'http://erp.example.com', dbFile, { ...env, ERPNEXT_ALLOW_PLAIN_HTTP: '1' }, () => undefined);
    expect(site.allowPlainHttp).toBe(true);
    service.close();
  });
});
