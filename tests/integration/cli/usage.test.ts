import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../sandbox';
import { cliWorld, runCli } from '../../support/cli';
import { SHOP_FILE } from '../../support/engineHarness';

let sandbox: Sandbox;
afterEach(async () => sandbox?.stop());

describe('broken shop files', () => {
  it('exit 64 with every field error listed, and nothing sent to ERPNext', async () => {
    sandbox = await startSandbox();
    const world = cliWorld(sandbox, {
      company: { name: '', abbr: 'way too long abbr', country: 'Atlantis', currency: 'XYZ' },
      demoItems: [{ code: '', name: 'Thing', price: -3 }],
      pos: { paymentMethods: [{ mode: 'Cash', default: true }, { mode: 'Cash', default: true }], cashiers: ['nobody'] },
    });
    sandbox.resetStats();
    const result = await runCli(world.args('run'), { env: world.env });
    expect(result.code).toBe(64);
    for (const field of ['company.name', 'company.abbr', 'company.country', 'company.currency', 'demoItems.0.code', 'demoItems.0.price', 'pos.paymentMethods.1.mode', 'pos.paymentMethods', 'pos.cashiers.0']) {
      expect(result.stderr).toContain(`- ${field}: `);
    }
    expect(sandbox.stats().requests).toBe(0);
  });

  it('exit 64 for a file that is not JSON, a missing file, and unknown options', async () => {
    sandbox = await startSandbox();
    const world = cliWorld(sandbox, SHOP_FILE);
    writeFileSync(world.shopFile, '{ "company": ');
    const notJson = await runCli(world.args('run'), { env: world.env });
    expect([notJson.code, notJson.stderr]).toEqual([64, expect.stringMatching(/is not valid JSON/)]);
    const missing = await runCli(['run', '--shop', path.join(world.dir, 'nope.json'), '--db', world.db], { env: world.env });
    expect([missing.code, missing.stderr]).toEqual([64, expect.stringMatching(/Cannot read the shop file/)]);
    const unknown = await runCli(['run', '--frobnicate'], { env: world.env });
    expect([unknown.code, unknown.stderr]).toEqual([64, expect.stringMatching(/Unknown option '--frobnicate'/)]);
    writeFileSync(world.shopFile, JSON.stringify(SHOP_FILE));
    const noCredentials = await runCli(['run', '--shop', world.shopFile, '--db', world.db, '--site', sandbox.url]);
    expect([noCredentials.code, noCredentials.stderr]).toEqual([64, expect.stringMatching(/Set ERPNEXT_API_KEY and ERPNEXT_API_SECRET/)]);
    const badUrl = await runCli(['run', '--shop', world.shopFile, '--db', world.db, '--site', 'javascript:alert(1)'], { env: world.env });
    expect([badUrl.code, badUrl.stderr]).toEqual([64, expect.stringMatching(/"javascript:" addresses cannot reach ERPNext/)]);
  });

  it('a wrong secret is one clear error, not a stack trace', async () => {
    sandbox = await startSandbox();
    const world = cliWorld(sandbox, SHOP_FILE);
    const result = await runCli(world.args('run'), { env: { ...world.env, ERPNEXT_API_SECRET: 'wrong' } });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/ERPNext rejected the API key or secret/);
    expect(result.stdout).toMatch(/Generate a new key/);
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('export-logs', () => {
  it('writes a zip with logs, tables, versions and the shop, and no byte of the API secret', async () => {
    sandbox = await startSandbox();
    const world = cliWorld(sandbox, SHOP_FILE);
    sandbox.faults.add({ method: 'POST', path: '/api/resource/Item', kind: 'error', status: 417, excType: 'ValidationError', message: 'Injected failure', times: 1 });
    await runCli(world.args('run'), { env: world.env });
    await runCli(world.args('run', '--site', sandbox.url), { env: { ...world.env, ERPNEXT_API_SECRET: 'a-wrong-secret-value' } });
    const out = path.join(world.dir, 'bundle.zip');
    const exported = await runCli(['export-logs', '--out', out, '--db', world.db], { env: world.env });
    expect(exported.code).toBe(0);
    const files = unzipSync(readFileSync(out));
    expect(Object.keys(files).sort()).toEqual(['README.txt', 'logs.jsonl', 'runs.json', 'shop.json', 'site.json', 'steps.json', 'versions.json']);
    const versions = JSON.parse(Buffer.from(files['versions.json']!).toString());
    expect(versions).toMatchObject({ app: expect.any(String), node: process.versions.node, erpnext: '15.70.2', frappe: '15.74.1', os: expect.any(String) });
    expect(Buffer.from(files['logs.jsonl']!).toString().split('\n').filter(Boolean).length).toBeGreaterThan(100);
    const secret = sandbox.users.provisioner.apiSecret;
    for (const [name, bytes] of Object.entries(files)) {
      const buffer = Buffer.from(bytes);
      for (const form of [secret, Buffer.from(secret).toString('base64')]) expect(buffer.includes(Buffer.from(form)), `${name} contains the secret`).toBe(false);
    }
  });
});
