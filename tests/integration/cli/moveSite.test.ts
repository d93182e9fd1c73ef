import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../../sandbox';
import { cliWorld, runCli } from '../../support/cli';
import { CORNER_CAFE, allOnes, shopRecordCounts } from '../../support/duplicates';
import { SHOP_FILE } from '../../support/engineHarness';

// The site moved (new address, same ERPNext): `continue --site NEW` and `run --site NEW` follow it — after
// checking it really is the same site — instead of probing the dead address or making a second shop.

const sandboxes: Sandbox[] = [];
afterEach(async () => Promise.all(sandboxes.splice(0).map((s) => s.stop())));
const start = async (options: Parameters<typeof startSandbox>[0]) => {
  const sandbox = await startSandbox(options);
  sandboxes.push(sandbox);
  return sandbox;
};
const shopsIn = (db: string) => {
  const handle = new Database(db, { readonly: true });
  try {
    return handle.prepare('SELECT shops.name, sites.url FROM shops JOIN sites ON sites.id = shops.site_id').all() as { name: string; url: string }[];
  } finally {
    handle.close();
  }
};

describe('a shop whose site moved to another address', () => {
  it('continue --site NEW moves the shop there (same site) and completes; run --site NEW does not make a second shop', async () => {
    const siteFile = path.join(mkdtempSync(path.join(tmpdir(), 'moved-')), 'site.sqlite');
    const old = await start({ dbFile: siteFile });
    const world = cliWorld(old, SHOP_FILE);
    // Stop on the POS Profile so that there is something left to continue.
    old.faults.add({ method: 'POST', path: '/api/resource/POS Profile', kind: 'error', status: 417, excType: 'ValidationError', message: 'not yet' });
    expect((await runCli(world.args('run', '--json'), { env: world.env })).code).toBe(1);
    await old.stop();
    const moved = await start({ dbFile: siteFile });
    expect(moved.url).not.toBe(old.url);
    const args = world.args('continue', '--json').map((arg) => (arg === old.url ? moved.url : arg));
    const resumed = await runCli(args, { env: world.env });
    expect(resumed.events.find((e) => e.type === 'message')).toMatchObject({ text: expect.stringMatching(/"Corner Cafe" moved from .+ to .+: the same ERPNext site \(same versions .* and the company "Corner Cafe" \(CC\) is there\)/) });
    expect(resumed.events.at(-1)).toMatchObject({ type: 'result', status: 'COMPLETED' });
    const counts = shopRecordCounts(moved, CORNER_CAFE);
    expect(counts).toEqual(allOnes(counts));
    expect(shopsIn(world.db)).toEqual([{ name: 'Corner Cafe', url: moved.url }]);

    const rerun = await runCli(world.args('run', '--json').map((arg) => (arg === old.url ? moved.url : arg)), { env: world.env });
    expect(rerun.code).toBe(0);
    expect(shopsIn(world.db)).toHaveLength(1);
  }, 90_000);

  it('continue --site OTHER refuses a different ERPNext site and keeps the shop where it was', async () => {
    const first = await start({});
    const world = cliWorld(first, SHOP_FILE);
    expect((await runCli(world.args('run', '--json'), { env: world.env })).code).toBe(0);
    const other = await start({});
    const args = world.args('continue', '--json').map((arg) => (arg === first.url ? other.url : arg));
    const env = { ERPNEXT_API_KEY: other.users.provisioner.apiKey, ERPNEXT_API_SECRET: other.users.provisioner.apiSecret };
    const refused = await runCli(args, { env });
    expect(refused.code).toBe(64);
    expect(refused.events.find((e) => e.type === 'message')).toMatchObject({ text: expect.stringMatching(/stays at .+: .+ is not the same ERPNext site \(the company "Corner Cafe" created at the old address is not on the new one\)/) });
    expect(shopsIn(world.db).filter((s) => s.name === 'Corner Cafe')).toEqual([{ name: 'Corner Cafe', url: first.url }]);
    expect(other.db.count('Company', { company_name: 'Corner Cafe' })).toBe(0);
  }, 90_000);
});
