import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../../sandbox';
import type { PlanItem, ShopPlan } from '../../../shared/plan';
import { cliWorld, runCli } from '../../support/cli';
import { sendHtml, startHttp } from '../../support/servers';
import { SHOP_FILE } from '../../support/engineHarness';

// Issue 10: `pos-provisioner plan` reads the site and says what `run` would do, per step and record, with
// terraform's detailed exit codes (0 nothing to do, 2 changes, 1 conflicts, 64 bad input). It never writes.

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.stop();
  sandbox = undefined;
});

type PlanDocument = ShopPlan & { type: 'plan'; exitCode: number };
// One JSON document on one line (like every --json output of the CLI).
const planOf = (stdout: string) => {
  expect(stdout.trim().split('\n')).toHaveLength(1);
  return JSON.parse(stdout) as PlanDocument;
};
const items = (plan: ShopPlan): PlanItem[] => plan.steps.flatMap((step) => step.items);
const byAction = (plan: ShopPlan, action: PlanItem['action']) => items(plan).filter((i) => i.action === action).map((i) => i.what);

describe('pos-provisioner plan', () => {
  it('a fresh shop: exit 2, every record to create listed by step, 0 writes; the human form groups by step with a summary', async () => {
    sandbox = await startSandbox();
    const world = cliWorld(sandbox, SHOP_FILE);
    const json = await runCli(world.args('plan', '--json'), { env: world.env });
    expect(json.code).toBe(2);
    expect(sandbox.stats().writes).toBe(0);
    const plan = planOf(json.stdout);
    expect(plan).toMatchObject({ type: 'plan', exitCode: 2, shopName: 'Corner Cafe', outcome: 'changes', counts: { create: 14, change: 2, conflict: 0, adopt: 13, unknown: 5 } });
    expect(byAction(plan, 'create')).toEqual([
      'Company "Corner Cafe"',
      'Account "Card Payments" for Corner Cafe',
      'Warehouse "Main Store" of Corner Cafe',
      'Warehouse "POS Store" of Corner Cafe',
      'Item Group "Demo Items"',
      'Item "CC-ESPRESSO"',
      'Item "CC-CAPPUCCINO"',
      'Item "CC-CROISSANT"',
      'Item "CC-WATER"',
      'Customer "Walk-in Customer"',
      'Cash account for Corner Cafe',
      'Credit Card account for Corner Cafe',
      'POS Profile "Corner Cafe POS"',
      'POS Opening Entry for provisioner@erplab.test on Corner Cafe POS',
    ]);
    expect(items(plan).filter((i) => i.action === 'change')).toEqual([
      expect.objectContaining({ what: 'Selling Settings', changes: [{ field: 'customer_group', from: null, to: 'Individual' }, { field: 'territory', from: null, to: 'All Territories' }] }),
      expect.objectContaining({ what: 'Default company of provisioner@erplab.test', changes: [{ field: 'defaults.company', from: null, to: 'Corner Cafe' }] }),
    ]);

    const human = await runCli(world.args('plan'), { env: world.env });
    expect(human.code).toBe(2);
    expect(human.stdout).toContain('  [2] Company\n    + create   Company "Corner Cafe"');
    expect(human.stdout).toContain('    ~ change   Selling Settings\n               customer_group: "" → "Individual"\n               territory: "" → "All Territories"');
    expect(human.stdout).toContain('Plan: 14 to create, 2 to change, 0 conflicts (13 exist already, 5 named by ERPNext when made)');
    expect(sandbox.stats().writes).toBe(0);
  });

  it('a provisioned shop: exit 0, everything exists, 0 writes in at most 15 requests', async () => {
    sandbox = await startSandbox();
    const world = cliWorld(sandbox, SHOP_FILE);
    expect((await runCli(world.args('run'), { env: world.env })).code).toBe(0);
    sandbox.resetStats();
    const result = await runCli(world.args('plan', '--json'), { env: world.env });
    expect(result.code).toBe(0);
    expect(sandbox.stats().writes).toBe(0);
    expect(sandbox.stats().requests).toBeLessThanOrEqual(15);
    const plan = planOf(result.stdout);
    expect(plan.outcome).toBe('nothing');
    expect(items(plan).filter((i) => i.action !== 'adopt')).toEqual([]);
    expect(byAction(plan, 'adopt')).toEqual(expect.arrayContaining(['Company "Corner Cafe"', 'POS Profile "Corner Cafe POS"', 'Customer "Walk-in Customer"']));
  });

  it('a conflicting shop: exit 1 with each exact reason and hint, 0 writes', async () => {
    sandbox = await startSandbox();
    const shop = { ...SHOP_FILE, company: { ...SHOP_FILE.company, abbr: 'LHQ' }, pos: { ...SHOP_FILE.pos, paymentMethods: [{ mode: 'Cash', default: true }, { mode: 'Cahs' }], cashiers: ['nobody@shop.example'] } };
    const world = cliWorld(sandbox, shop);
    const result = await runCli(world.args('plan', '--json'), { env: world.env });
    expect(result.code).toBe(1);
    expect(sandbox.stats().writes).toBe(0);
    const plan = planOf(result.stdout);
    expect(plan.outcome).toBe('conflicts');
    expect(items(plan).filter((i) => i.action === 'conflict').map((i) => i.reason)).toEqual([
      'The payment method "Cahs" does not exist in ERPNext. Modes of Payment on the site: Bank Draft, Cash, Check, Credit Card, Wire Transfer.',
      'The abbreviation LHQ is already used by the company "Lab HQ".',
      'The cashier nobody@shop.example does not exist in ERPNext.',
    ]);
    const human = await runCli(world.args('plan'), { env: world.env });
    expect(human.code).toBe(1);
    expect(human.stdout).toContain('    ! conflict Company "Corner Cafe"\n               The abbreviation LHQ is already used by the company "Lab HQ".\n               → Choose another abbreviation');
    expect(human.stdout).toMatch(/Plan: \d+ to create, \d+ to change, 3 conflicts/);
    expect(sandbox.stats().writes).toBe(0);
  });

  it('an API user with read rights only: the plan is made, naming the roles it lacks (exit 1), 0 writes', async () => {
    sandbox = await startSandbox();
    sandbox.setUserRoles('norole@erplab.test', ['Auditor', 'Sales User', 'Stock User', 'Accounts User']);
    const world = cliWorld(sandbox, SHOP_FILE);
    const { apiKey, apiSecret } = sandbox.users.norole;
    const result = await runCli(world.args('plan', '--json'), { env: { ERPNEXT_API_KEY: apiKey, ERPNEXT_API_SECRET: apiSecret } });
    expect(result.code).toBe(1);
    expect(sandbox.stats().writes).toBe(0);
    const plan = planOf(result.stdout);
    const engineCheck = plan.steps.find((step) => step.stepId === 'step_0_engine_check')!;
    expect(engineCheck.items.map((i) => i.name)).toEqual(['System Manager', 'Item Manager', 'Sales Master Manager', 'Accounts Manager', 'Stock Manager']);
    expect(items(plan).filter((i) => i.action === 'conflict').map((i) => i.reason)).toContain('The API user norole@erplab.test may not read Selling Settings, so "Selling and stock settings" cannot be planned (nor run).');
    // Every step the user may read is planned all the same.
    expect(plan.steps.find((step) => step.stepId === 'step_2_company')!.items).toEqual([expect.objectContaining({ action: 'create', what: 'Company "Corner Cafe"' })]);
  });

  it('bad input exits 64 with what to fix; a wrong key gives run\'s message (exit 1)', async () => {
    sandbox = await startSandbox();
    const world = cliWorld(sandbox, SHOP_FILE);
    const noShop = await runCli(['plan', '--db', world.db, '--site', sandbox.url], { env: world.env });
    expect(noShop.code).toBe(64);
    expect(noShop.stderr).toContain('plan needs --shop FILE');

    const badFile = path.join(world.dir, 'bad.json');
    writeFileSync(badFile, JSON.stringify({ company: { name: '' } }));
    const invalid = await runCli(['plan', '--db', world.db, '--site', sandbox.url, '--shop', badFile], { env: world.env });
    expect(invalid.code).toBe(64);
    expect(invalid.stderr).toMatch(/The shop file .*bad\.json has \d+ problem\(s\)/);

    const badUrl = await runCli(['plan', '--db', world.db, '--site', 'ftp://nowhere', '--shop', world.shopFile], { env: world.env });
    expect(badUrl.code).toBe(64);

    const noKeys = await runCli(['plan', '--db', world.db, '--site', sandbox.url, '--shop', world.shopFile]);
    expect(noKeys.code).toBe(64);
    expect(noKeys.stderr).toContain('Set ERPNEXT_API_KEY and ERPNEXT_API_SECRET');

    const wrongKey = await runCli(world.args('plan'), { env: { ERPNEXT_API_KEY: world.env.ERPNEXT_API_KEY!, ERPNEXT_API_SECRET: 'not-the-secret' } });
    const wrongRun = await runCli(world.args('run'), { env: { ERPNEXT_API_KEY: world.env.ERPNEXT_API_KEY!, ERPNEXT_API_SECRET: 'not-the-secret' } });
    expect(wrongKey.code).toBe(1);
    const message = /pos-provisioner: (.*)\n/.exec(wrongKey.stderr)?.[1];
    expect(message).toMatch(/key|secret/i);
    expect(wrongRun.stdout).toContain(message);
    expect(wrongKey.stderr).not.toContain('not-the-secret');
    expect(sandbox.stats().writes).toBe(0);
  });

  it('plan then run: the run is told what changed on the site since the plan', async () => {
    sandbox = await startSandbox();
    const world = cliWorld(sandbox, SHOP_FILE);
    expect((await runCli(world.args('plan'), { env: world.env })).code).toBe(2);
    // Meanwhile someone makes the walk-in customer by hand (through the API, as a person would).
    const { apiKey, apiSecret } = sandbox.users.administrator;
    const made = await fetch(`${sandbox.url}/api/resource/Customer`, { method: 'POST', headers: { Authorization: `token ${apiKey}:${apiSecret}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ customer_name: 'Walk-in Customer', customer_type: 'Individual', customer_group: 'Individual', territory: 'All Territories' }) });
    expect(made.status).toBe(200);
    const run = await runCli(world.args('run', '--json'), { env: world.env });
    expect(run.code).toBe(0);
    expect(run.events.find((e) => e.type === 'run.plan_changed')).toMatchObject({ differences: ['Customer "Walk-in Customer" now exists (adopt, was create)'] });
    const logs = await runCli(['logs', '--db', world.db, '--level', 'warn']);
    expect(logs.stdout).toMatch(/Since the preview of .*: Customer "Walk-in Customer" now exists \(adopt, was create\)/);
  });

  it('run preflights too: a taken abbreviation and a missing cashier stop it before any write, both named (exit 1)', async () => {
    sandbox = await startSandbox();
    const world = cliWorld(sandbox, { ...SHOP_FILE, company: { ...SHOP_FILE.company, abbr: 'LHQ' }, pos: { ...SHOP_FILE.pos, cashiers: ['nobody@shop.example'] } });
    const run = await runCli(world.args('run'), { env: world.env });
    expect(run.code).toBe(1);
    expect(sandbox.stats().writes).toBe(0);
    expect(run.stdout).toContain('✗ [0] Engine check');
    expect(run.stdout).toContain('the preflight found 2 conflicts. (1) The abbreviation LHQ is already used by the company "Lab HQ". (2) The cashier nobody@shop.example does not exist in ERPNext.');
    expect(sandbox.db.count('Company', { company_name: 'Corner Cafe' })).toBe(0);
  });

  it('an address that answers with an HTML page: plan says what run says (exit 1)', async () => {
    sandbox = await startSandbox();
    const world = cliWorld(sandbox, SHOP_FILE);
    const html = await startHttp((_req, res) => sendHtml(res, 200, '<!doctype html><html><body>Login</body></html>'));
    try {
      const args = ['--db', world.db, '--site', html.url, '--shop', world.shopFile, '--probe-interval', '300'];
      const plan = await runCli(['plan', ...args], { env: world.env });
      const run = await runCli(['run', ...args], { env: world.env });
      expect(plan.code).toBe(1);
      const message = /pos-provisioner: (.*)\n/.exec(plan.stderr)?.[1];
      expect(message).toMatch(/HTML|not .*ERPNext|web page/i);
      expect(run.stdout).toContain(message);
    } finally {
      await html.close();
    }
  });
});
