import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../../sandbox';
import { cliWorld, runCli } from '../../support/cli';
import { CORNER_CAFE, allOnes, shopRecordCounts } from '../../support/duplicates';
import { SHOP_FILE } from '../../support/engineHarness';

// Two writers for one shop: exactly one writes; the other is refused (exit 75) or stops with a clear
// message, and nothing is created twice on the site.

let sandbox: Sandbox;
afterEach(async () => sandbox?.stop());

const withDb = <T>(file: string, work: (db: Database.Database) => T): T => {
  const db = new Database(file);
  try {
    return work(db);
  } finally {
    db.close();
  }
};

describe('two processes, one data folder', () => {
  it('started at the same moment: one runs, the other exits 75', async () => {
    sandbox = await startSandbox({ latencyMs: 20 });
    const world = cliWorld(sandbox, SHOP_FILE);
    const [a, b] = await Promise.all([runCli(world.args('run', '--json'), { env: world.env }), runCli(world.args('run', '--json'), { env: world.env })]);
    expect([a.code, b.code].sort(), `${a.stderr}\n${b.stderr}\n${a.stdout.slice(-2000)}\n${b.stdout.slice(-2000)}`).toEqual([0, 75]);
    expect(`${a.stdout}${b.stdout}`).toMatch(/already in progress/);
    const counts = shopRecordCounts(sandbox, CORNER_CAFE);
    expect(counts).toEqual(allOnes(counts));
  }, 60_000);

  it('after a takeover on a stale heartbeat the old holder stops without writing, the new one completes', async () => {
    sandbox = await startSandbox({ latencyMs: 30 });
    const world = cliWorld(sandbox, SHOP_FILE);
    let frozen = false;
    const sleeper = runCli(world.args('run', '--json'), {
      env: world.env,
      onEvent: (event, child) => {
        if (frozen || event.type !== 'step.started' || event.stepId !== 'step_2_company') return;
        frozen = true;
        // The laptop lid closes: the process is alive but stops beating.
        child.kill('SIGSTOP');
      },
    });
    await expect.poll(() => frozen, { timeout: 20_000 }).toBe(true);
    withDb(world.db, (db) => db.prepare('UPDATE run_locks SET heartbeat_at = ?').run(new Date(Date.now() - 120_000).toISOString()));
    const taker = await runCli(world.args('continue', '--json'), { env: world.env });
    expect(taker.code).toBe(0);
    const writesBefore = sandbox.stats().writes;
    sleeper.child.kill('SIGCONT');
    const woke = await sleeper;
    expect(woke.code).toBe(75);
    expect(woke.stdout).toMatch(/took over this run|already in progress/);
    // The woken process sent nothing more that changed the site (at most the request it had in flight).
    expect(sandbox.stats().writes - writesBefore).toBeLessThanOrEqual(1);
    const counts = shopRecordCounts(sandbox, CORNER_CAFE);
    expect(counts).toEqual(allOnes(counts));
    // Its stale view of the run did not overwrite the taker's.
    expect(withDb(world.db, (db) => (db.prepare('SELECT status FROM runs ORDER BY created_at DESC LIMIT 1').get() as { status: string }).status)).toBe('COMPLETED');
  }, 90_000);
});

describe('two laptops (two data folders), one ERPNext site', () => {
  it('the site lease lets one provision the shop and refuses the other with who holds it', async () => {
    sandbox = await startSandbox({ latencyMs: 20 });
    const first = cliWorld(sandbox, SHOP_FILE);
    const second = cliWorld(sandbox, SHOP_FILE);
    expect(path.dirname(first.db)).not.toBe(path.dirname(second.db));
    const [a, b] = await Promise.all([runCli(first.args('run', '--json'), { env: first.env }), runCli(second.args('run', '--json'), { env: second.env })]);
    expect([a.code, b.code].sort(), `${a.stderr}\n${b.stderr}\n${a.stdout.slice(-2000)}\n${b.stdout.slice(-2000)}`).toEqual([0, 75]);
    const refused = a.code === 75 ? a : b;
    expect(refused.stdout).toMatch(/being provisioned from/);
    const counts = shopRecordCounts(sandbox, CORNER_CAFE);
    expect(counts).toEqual(allOnes(counts));
    // The winner handed its claim back at the end: the other laptop can run now (and only re-checks).
    const again = await runCli((a.code === 75 ? first : second).args('run', '--json'), { env: first.env });
    expect(again.code).toBe(0);
    expect(sandbox.db.count('Tag', {})).toBe(0);
  }, 90_000);
});
