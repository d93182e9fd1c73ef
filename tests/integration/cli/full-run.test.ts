import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../sandbox';
import { cliWorld, runCli } from '../../support/cli';
import { CORNER_CAFE, allOnes, shopRecordCounts } from '../../support/duplicates';
import { SHOP_FILE } from '../../support/engineHarness';

let sandbox: Sandbox;
afterEach(async () => sandbox?.stop());

describe('pos-provisioner run against a fresh site', () => {
  it('ends COMPLETED with every resource exactly once, and a second run writes nothing', async () => {
    sandbox = await startSandbox();
    const world = cliWorld(sandbox, SHOP_FILE);
    const first = await runCli(world.args('run', '--json'), { env: world.env });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.events.at(-1)).toMatchObject({ type: 'result', status: 'COMPLETED', exitCode: 0 });
    const counts = shopRecordCounts(sandbox, CORNER_CAFE);
    expect(counts).toEqual(allOnes(counts));
    const [session] = sandbox.db.list('POS Opening Entry').filter((e) => e.pos_profile === CORNER_CAFE.profile);
    expect(session).toMatchObject({ docstatus: 1, status: 'Open', user: 'provisioner@erplab.test' });

    const summary = (first.events.at(-1) as { summary: { created: string[]; changed: string[]; readiness: { ok: boolean }[] } }).summary;
    expect(summary.created).toEqual(expect.arrayContaining(['Company "Corner Cafe"', 'Warehouse "POS Store" of Corner Cafe', 'POS Profile "Corner Cafe POS"']));
    expect(summary.readiness.length).toBeGreaterThanOrEqual(6);
    expect(summary.readiness.every((check) => check.ok)).toBe(true);

    sandbox.resetStats();
    const second = await runCli(world.args('run', '--json'), { env: world.env });
    expect(second.code).toBe(0);
    expect(sandbox.stats().writes).toBe(0);
    expect(second.events.at(-1)).toMatchObject({ summary: { created: [], changed: [] } });
    // It re-verifies by reading everything back (one list per kind of record), at most 15 reads in all.
    const reread = Object.keys(sandbox.stats().byRoute);
    for (const doctype of ['Company', 'Warehouse', 'Mode of Payment', 'POS Profile', 'POS Opening Entry', 'Fiscal Year', 'Item Price', 'Bin']) expect(reread).toContain(`GET /api/resource/${doctype}`);
    expect(sandbox.stats().requests).toBeLessThanOrEqual(15);
    expect(shopRecordCounts(sandbox, CORNER_CAFE)).toEqual(counts);
  });

  it('provisions a bare site (setup wizard never run) from nothing', async () => {
    sandbox = await startSandbox({ state: 'bare' });
    const world = cliWorld(sandbox, { ...SHOP_FILE, company: { name: 'Corner Cafe', abbr: 'CC', country: 'Kenya', currency: 'KES' } });
    const result = await runCli(world.args('run'), { env: world.env });
    expect(result.stdout).toMatch(/COMPLETED/);
    expect(result.code).toBe(0);
    const counts = shopRecordCounts(sandbox, CORNER_CAFE);
    expect(counts).toEqual(allOnes(counts));
    expect(sandbox.db.count('Fiscal Year')).toBe(1);
    expect(sandbox.db.get('Price List', 'Standard Selling')).toMatchObject({ currency: 'KES', selling: 1 });
  });

  it('prints human progress with durations and exits 0', async () => {
    sandbox = await startSandbox();
    const world = cliWorld(sandbox, SHOP_FILE);
    const result = await runCli(world.args('run'), { env: world.env });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/✓ \[2\] Company\s+\d+\.\d s/);
    expect(result.stdout).toMatch(/\[█+\] 100%\s+COMPLETED in \d+\.\d s/);
  });
});
