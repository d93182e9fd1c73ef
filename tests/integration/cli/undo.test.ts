import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../sandbox';
import { cliWorld, runCli, type CliWorld } from '../../support/cli';
import { leaseName } from '../../../electron/engine/siteLease';
import { defaultDemoItems } from '../../../shared/shop/demoItems';
import { countsThroughApi, stockThroughApi } from '../../support/duplicates';
import { SHOP_FILE } from '../../support/engineHarness';

// `pos-provisioner undo` as a real process over real HTTP against the sandbox, counted through the API.

/** The default demo items, each with its opening stock (a submitted Material Receipt and its stock ledger). */
const SHOP = SHOP_FILE;
const ITEMS = defaultDemoItems('CC').map((item) => item.code);
const EXPECT = { company: 'Corner Cafe', customer: 'Walk-in Customer', profile: 'Corner Cafe POS', items: ITEMS };

/**
 * The CLI on a terminal: util-linux `script` gives it a pseudo-terminal, and `answer` is typed once the
 * question shows. Resolves with the exit code and everything it printed.
 */
function onTerminal(args: string[], env: Record<string, string>, answer: string): Promise<{ code: number | null; out: string }> {
  const quote = (arg: string) => `'${arg.replace(/'/g, "'\\''")}'`;
  const command = [process.execPath, path.resolve('bin/pos-provisioner.mjs'), ...args].map(quote).join(' ');
  const child = spawn('script', ['-qfec', command, '/dev/null'], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let typed = false;
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    if (!typed && out.includes('to remove it from ERPNext: ')) {
      typed = true;
      child.stdin.write(`${answer}\r`);
    }
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, out })));
}

let sandbox: Sandbox;
afterEach(async () => sandbox?.stop());

async function provisioned(): Promise<CliWorld> {
  sandbox = await startSandbox();
  const world = cliWorld(sandbox, SHOP);
  const run = await runCli(world.args('run'), { env: world.env });
  expect(run.code, run.stderr).toBe(0);
  return world;
}

const counts = async () => ({
  ...(await countsThroughApi(sandbox.url, sandbox.users.provisioner, EXPECT)),
  ...(await stockThroughApi(sandbox.url, sandbox.users.provisioner, { company: 'Corner Cafe', abbr: 'CC', items: ITEMS })),
});
const none = (c: Record<string, number>) => Object.fromEntries(Object.keys(c).map((k) => [k, 0]));

describe('pos-provisioner undo', () => {
  it('off a terminal without --yes: exit 64 and nothing removed; with --yes: every created record gone, changed ones restored; again: nothing to do', async () => {
    const world = await provisioned();
    const before = await counts();
    const asked = await runCli(world.args('undo'), { env: world.env });
    expect(asked.code).toBe(64);
    expect(asked.stderr).toMatch(/needs a confirmation: not on a terminal.*Add --yes/);
    expect(asked.stdout).toMatch(/Remove POS Profile "Corner Cafe POS"/);
    expect(await counts()).toEqual(before);

    const done = await runCli(world.args('undo', '--yes'), { env: world.env });
    expect(done.code, done.stdout + done.stderr).toBe(0);
    expect(done.stdout).toMatch(/Restore Selling Settings "Selling Settings" customer_group: "Individual" → \(empty\)/);
    expect(done.stdout).toMatch(/Kept as they were \(they existed before, never removed\): .*Mode of Payment Account "Corner Cafe" of Mode of Payment "Cash"/);
    expect(done.stdout).toMatch(/Cancel Stock Entry "MAT-STE-[^"]+" \(opening stock of CC-ESPRESSO, made by ERPNext\)/);
    expect(done.stdout).toMatch(/Delete the transactions of Company "Corner Cafe" \(ERPNext's Transaction Deletion Record: the stock ledger of MAT-STE-/);
    expect(done.stdout).toMatch(/Undo COMPLETED: Removed the shop from ERPNext/);
    expect(await counts()).toEqual(none(before));
    expect(sandbox.db.get('Selling Settings', 'Selling Settings')?.customer_group).toBe('');
    expect(sandbox.db.get('Mode of Payment', 'Cash')).toBeTruthy();

    sandbox.resetStats();
    const again = await runCli(world.args('undo', '--yes'), { env: world.env });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/Nothing to undo/);
    expect(sandbox.stats().writes).toBe(0);
  });

  it('on a terminal asks for the company name: a wrong one removes nothing (exit 1), the right one removes the shop', async () => {
    const world = await provisioned();
    const before = await counts();
    const wrong = await onTerminal(world.args('undo'), world.env, 'Corner Caf');
    expect(wrong.out).toMatch(/Type the company name \(Corner Cafe\) to remove it from ERPNext: /);
    expect(wrong.out).toMatch(/Not confirmed: nothing was removed\./);
    expect(wrong.code).toBe(1);
    expect(await counts()).toEqual(before);

    const right = await onTerminal(world.args('undo'), world.env, 'Corner Cafe');
    expect(right.out).toMatch(/Undo COMPLETED/);
    expect(right.code).toBe(0);
    expect(await counts()).toEqual(none(before));
  });

  it('refuses with exit 1 and nothing removed while a POS invoice uses the shop, naming it', async () => {
    const world = await provisioned();
    const { apiKey, apiSecret } = sandbox.users.administrator;
    const sale = await fetch(`${sandbox.url}/api/resource/POS Invoice`, {
      method: 'POST',
      headers: { Authorization: `token ${apiKey}:${apiSecret}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ customer: 'Walk-in Customer', pos_profile: 'Corner Cafe POS', company: 'Corner Cafe', is_pos: 1, update_stock: 1, items: [{ item_code: 'CC-WATER', qty: 1, rate: 1 }], payments: [{ mode_of_payment: 'Cash', amount: 1, default: 1 }] }),
    });
    const invoice = ((await sale.json()) as { data: { name: string } }).data.name;
    const before = await counts();
    sandbox.resetStats();
    const refused = await runCli(world.args('undo', '--yes'), { env: world.env });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(new RegExp(`Undo REFUSED: Nothing was removed[\\s\\S]*✗ POS Invoice ${invoice} by Administrator`));
    expect(sandbox.stats().writes).toBe(0);
    expect(await counts()).toEqual(before);
  });

  it('exits 75 with nothing removed while another computer holds the shop on the site', async () => {
    const world = await provisioned();
    const before = await counts();
    const { apiKey, apiSecret } = sandbox.users.administrator;
    const claim = { app: 'pos-provisioner', holderId: 'till-2/other', host: 'till-2', shopName: 'Corner Cafe', expiresAt: new Date(Date.now() + 120_000).toISOString() };
    const tag = await fetch(`${sandbox.url}/api/resource/Tag`, { method: 'POST', headers: { Authorization: `token ${apiKey}:${apiSecret}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ name: leaseName('Corner Cafe'), description: JSON.stringify(claim) }) });
    expect(tag.status, await tag.clone().text()).toBe(200);
    const busy = await runCli(world.args('undo', '--yes'), { env: world.env });
    expect(busy.code).toBe(75);
    expect(busy.stdout).toMatch(/A run for "Corner Cafe" is already in progress \(on another computer\)\. Let that run finish there\. If till-2 is gone/);
    expect(await counts()).toEqual(before);
  });

  it('an undo stopped after it submitted the transaction deletion resumes that record with the next undo (no second one)', async () => {
    const world = await provisioned();
    const before = await counts();
    expect(before['Stock Ledger Entry']).toBe(4);
    const fault = sandbox.faults.add({ method: 'POST', path: '/api/resource/Transaction Deletion Record/*', kind: 'error', status: 417, excType: 'ValidationError', message: 'Injected refusal' });
    const stopped = await runCli(world.args('undo', '--yes'), { env: world.env });
    expect(stopped.code, stopped.stdout + stopped.stderr).not.toBe(0);
    expect(stopped.stdout).toMatch(/Stopped at "Delete the transactions of Company "Corner Cafe"/);
    expect(sandbox.db.list('Transaction Deletion Record').map((d) => `${String(d.name)} ${String(d.status)}`)).toEqual(['TDL0001 Queued']);
    sandbox.faults.remove(fault);

    const resumed = await runCli(world.args('undo', '--yes'), { env: world.env });
    expect(resumed.code, resumed.stdout + resumed.stderr).toBe(0);
    expect(resumed.stdout).toMatch(/Transaction Deletion Record TDL0001 \(resumed\)/);
    expect(await counts()).toEqual(none(before));
  });

  it('an undo killed half way resumes with the next undo and finishes', async () => {
    const world = await provisioned();
    const before = await counts();
    const killed = await runCli(world.args('undo', '--yes', '--json'), { env: world.env, onEvent: (event, child) => event.type === 'undo.step' && child.kill('SIGKILL') });
    expect(killed.signal).toBe('SIGKILL');
    const partly = await counts();
    expect(partly).not.toEqual(before);
    expect(partly.company).toBe(1);

    const resumed = await runCli(world.args('undo', '--yes'), { env: world.env });
    expect(resumed.code, resumed.stdout + resumed.stderr).toBe(0);
    expect(resumed.stdout).toMatch(/going on from where the last undo stopped/);
    expect(await counts()).toEqual(none(before));
  });
});
