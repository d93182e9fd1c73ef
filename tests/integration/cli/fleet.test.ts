import Database from 'better-sqlite3';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../../sandbox';
import { type CliResult, runCli } from '../../support/cli';
import { exactlyOnce, fleetCountsThroughApi, fleetShop, writeFleet } from '../../support/fleet';

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.stop();
  sandbox = undefined;
});

function world(site: Sandbox) {
  const dir = mkdtempSync(path.join(tmpdir(), 'fleet-'));
  const db = path.join(dir, 'pos.sqlite');
  const { apiKey, apiSecret } = site.users.provisioner;
  return { dir, db, env: { ERPNEXT_API_KEY: apiKey, ERPNEXT_API_SECRET: apiSecret }, args: (file: string, ...more: string[]) => ['fleet', '--file', file, '--db', db, '--site', site.url, '--probe-interval', '300', '--server-timeout', '3', ...more] };
}

const result = (run: CliResult) => run.events.at(-1) as { type: string; exitCode: number; counts: Record<string, number>; shops: { shop: string; status: string; state: string; step: string | null; message: string | null }[] };

describe('pos-provisioner fleet over real HTTP', () => {
  it('20 shops against one slow site complete, every record exactly once (counted through the API); again, all are skipped and nothing is written', async () => {
    sandbox = await startSandbox({ latencyMs: 50 });
    const w = world(sandbox);
    const shops = Array.from({ length: 20 }, (_, i) => fleetShop(i + 1));
    const file = writeFleet(w.dir, shops);
    const first = await runCli(w.args(file, '--json'), { env: w.env });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(result(first)).toMatchObject({ type: 'result', exitCode: 0, counts: { COMPLETED: 20 } });
    // Events of every shop, each tagged with it, in one stream a job runner can read.
    expect(first.events.find((e) => e.type === 'fleet.started')).toMatchObject({ concurrency: 4, shops: expect.arrayContaining([expect.objectContaining({ shop: 'Fleet Cafe 07', move: 'start' })]) });
    expect(new Set(first.events.filter((e) => e.type === 'run.finished').map((e) => e.shop))).toEqual(new Set(shops.map((s) => s.name)));
    expect(first.events.filter((e) => e.type === 'fleet.shop' && e.status === 'COMPLETED')).toHaveLength(20);
    const counts = await fleetCountsThroughApi(sandbox, shops);
    expect(counts).toEqual(exactlyOnce(counts));

    sandbox.resetStats();
    const again = await runCli(w.args(file), { env: w.env });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/0 to run/);
    expect(again.stdout).toMatch(/Fleet: COMPLETED 20 \(20 already before\) — exit 0/);
    expect(sandbox.stats().requests).toBe(0);
  }, 240_000);

  it('a shop whose abbreviation the site already uses fails alone, the others complete (exit 1); fixed in the file, fleet again continues only that one', async () => {
    sandbox = await startSandbox({ latencyMs: 10 });
    const w = world(sandbox);
    // The site's own company "Lab HQ" is LHQ.
    const shops = [fleetShop(1), fleetShop(2, { abbr: 'LHQ' }), fleetShop(3), fleetShop(4)];
    const file = writeFleet(w.dir, shops);
    const first = await runCli(w.args(file), { env: w.env });
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/Fleet: COMPLETED 3, FAILED 1 — exit 1|Fleet: FAILED 1, COMPLETED 3 — exit 1/);
    expect(first.stdout).toMatch(/✗ Fleet Cafe 02: FAILED at Engine check — Nothing was changed in ERPNext: the preflight found a conflict\. .*abbreviation LHQ is already used by the company "Lab HQ"/);
    expect(first.stdout).toMatch(/run `pos-provisioner fleet --file .*fleet\.csv` again/);

    writeFleet(w.dir, [shops[0]!, fleetShop(2), shops[2]!, shops[3]!]);
    sandbox.resetStats();
    const again = await runCli(w.args(file, '--json'), { env: w.env });
    expect(again.code).toBe(0);
    expect(again.events.find((e) => e.type === 'fleet.started')).toMatchObject({
      shops: [
        { shop: 'Fleet Cafe 01', move: 'skip' },
        { shop: 'Fleet Cafe 02', move: 'continue' },
        { shop: 'Fleet Cafe 03', move: 'skip' },
        { shop: 'Fleet Cafe 04', move: 'skip' },
      ],
    });
    expect(new Set(again.events.filter((e) => e.type === 'run.started').map((e) => e.shop))).toEqual(new Set(['Fleet Cafe 02']));
    const counts = await fleetCountsThroughApi(sandbox, [shops[0]!, fleetShop(2), shops[2]!, shops[3]!]);
    expect(counts).toEqual(exactlyOnce(counts));
  }, 120_000);

  it('kill -9 in the middle of the fleet, then fleet again: every shop completes, each record exactly once, the database sound', async () => {
    sandbox = await startSandbox({ latencyMs: 20 });
    const w = world(sandbox);
    const shops = Array.from({ length: 6 }, (_, i) => fleetShop(i + 1));
    const file = writeFleet(w.dir, shops);
    let finished = 0;
    const killed = await runCli(w.args(file, '--json'), {
      env: w.env,
      // Two shops finished, four in flight or queued: the process vanishes without a word.
      onEvent: (event, child) => event.type === 'run.finished' && ++finished === 2 && child.kill('SIGKILL'),
    });
    expect(killed.signal).toBe('SIGKILL');
    const again = await runCli(w.args(file, '--json'), { env: w.env });
    expect(again.code).toBe(0);
    expect(result(again).counts).toEqual({ COMPLETED: 6 });
    const moves = (again.events.find((e) => e.type === 'fleet.started') as { shops: { move: string }[] }).shops.map((s) => s.move);
    expect(moves.filter((m) => m === 'skip').length).toBeGreaterThanOrEqual(2);
    expect(moves).toContain('continue');
    const counts = await fleetCountsThroughApi(sandbox, shops);
    expect(counts).toEqual(exactlyOnce(counts));
    const db = new Database(w.db, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  }, 120_000);

  it('Ctrl-C pauses every shop in flight (exit 130) and starts no other; fleet again resumes them', async () => {
    sandbox = await startSandbox({ latencyMs: 30 });
    const w = world(sandbox);
    const shops = Array.from({ length: 5 }, (_, i) => fleetShop(i + 1));
    const file = writeFleet(w.dir, shops);
    let sent = false;
    const interrupted = await runCli(w.args(file, '--json', '--concurrency', '2'), {
      env: w.env,
      onEvent: (event, child) => {
        if (sent || event.type !== 'step.started' || event.stepId !== 'step_2_company') return;
        sent = true;
        child.kill('SIGINT');
      },
    });
    expect(interrupted.code).toBe(130);
    const summary = result(interrupted);
    expect(summary.counts.PAUSED).toBeGreaterThanOrEqual(1);
    expect(summary.counts['NOT STARTED']).toBeGreaterThanOrEqual(3);
    expect(interrupted.events.filter((e) => e.type === 'run.started').length).toBeLessThanOrEqual(2);
    const again = await runCli(w.args(file, '--json'), { env: w.env });
    expect(again.code).toBe(0);
    expect(result(again).counts).toEqual({ COMPLETED: 5 });
    const counts = await fleetCountsThroughApi(sandbox, shops);
    expect(counts).toEqual(exactlyOnce(counts));
  }, 120_000);

  it('an invalid fleet file: exit 64 with every problem by row and column, nothing saved and nothing sent', async () => {
    sandbox = await startSandbox();
    const w = world(sandbox);
    const file = path.join(w.dir, 'fleet.csv');
    writeFileSync(file, 'company,abbr,country,currency,payment_methods\nGood Cafe,GC,United States,USD,Cash\nBad Cafe,B C,United States,USD,Cash*;Card*\nGood Cafe,GC2,Narnia,USD,\n');
    const run = await runCli(w.args(file), { env: w.env });
    expect(run.code).toBe(64);
    expect(run.stderr).toContain('The fleet file');
    expect(run.stderr).toContain('has 5 problem(s); nothing was sent:');
    expect(run.stderr).toContain('  - row 3, column abbr: Abbreviation must be 1 to 10 letters or digits, without spaces');
    expect(run.stderr).toContain('  - row 3, column payment_methods: Mark exactly one payment method as default (found 2)');
    expect(run.stderr).toContain('  - row 4, column payment_methods: is empty; every shop needs it (e.g. Cash*;Credit Card)');
    expect(run.stderr).toContain('  - row 4, column country: "Narnia" is not a country ERPNext knows');
    expect(run.stderr).toContain('  - row 4, column company: "Good Cafe" is also on row 2: one row per shop');
    expect(sandbox.stats().requests).toBe(0);
    const missing = await runCli(['fleet', '--db', w.db], { env: w.env });
    expect(missing.code).toBe(64);
    expect(missing.stderr).toMatch(/fleet needs --file FILE/);
    const half = await runCli(w.args(file, '--concurrency', '1.5'), { env: w.env });
    expect(half.code).toBe(64);
    expect(half.stderr).toMatch(/--concurrency is a number of shops for fleet: a whole number, got "1.5"/);
  });
});
