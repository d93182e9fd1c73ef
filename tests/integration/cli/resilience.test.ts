import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../sandbox';
import { cliWorld, runCli } from '../../support/cli';
import { CORNER_CAFE, allOnes, shopRecordCounts } from '../../support/duplicates';
import { SHOP_FILE } from '../../support/engineHarness';

let sandbox: Sandbox;
afterEach(async () => sandbox?.stop());

describe('answers lost after the server committed', () => {
  it('commit-then-drop on every write still completes with no duplicates', async () => {
    sandbox = await startSandbox();
    sandbox.faults.add({ method: 'WRITE', path: '/api/*', kind: 'commit_then_drop', firstPerRequest: true });
    const world = cliWorld(sandbox, SHOP_FILE);
    const run = await runCli(world.args('run', '--json'), { env: world.env });
    expect(run.events.at(-1)).toMatchObject({ status: 'COMPLETED' });
    // Every distinct write lost its first answer (about twenty of them in a run).
    expect(sandbox.stats().faultsFired).toBeGreaterThanOrEqual(15);
    const counts = shopRecordCounts(sandbox, CORNER_CAFE);
    expect(counts).toEqual(allOnes(counts));
  });
});

describe('the site goes away mid-run', () => {
  // Down for longer than a step's own retries last (about 4-8 s), so the run itself has to wait.
  it('waits, and completes by itself when the site is back', async () => {
    const dir = cliWorld(await startSandbox(), SHOP_FILE).dir;
    const dbFile = `${dir}/site.sqlite`;
    sandbox = await startSandbox({ dbFile });
    const port = sandbox.port;
    const world = cliWorld(sandbox, SHOP_FILE);
    let restarted: Promise<void> | undefined;
    const run = await runCli(world.args('run', '--json'), {
      env: world.env,
      onEvent: (event) => {
        if (event.type === 'step.started' && event.stepId === 'step_3_chart_of_accounts' && !restarted) {
          restarted = sandbox.stop().then(async () => {
            await new Promise((resolve) => setTimeout(resolve, 9_000));
            sandbox = await startSandbox({ dbFile, port });
          });
        }
      },
    });
    await restarted;
    const types = run.events.map((e) => e.type);
    expect(types).toContain('run.waiting_for_network');
    expect(types).toContain('run.network_back');
    expect(run.events.at(-1)).toMatchObject({ status: 'COMPLETED' });
    const counts = shopRecordCounts(sandbox, CORNER_CAFE);
    expect(counts).toEqual(allOnes(counts));
  }, 60_000);
});

describe('one run per shop', () => {
  it('refuses a second concurrent run of the same shop from another process', async () => {
    // The company insert takes 2 s (a slow site): the first run is surely still going when the second
    // process starts — a run is otherwise over in well under a second.
    sandbox = await startSandbox({ latencyMs: 40, faults: [{ method: 'POST', path: '/api/resource/Company', kind: 'latency', delayMs: 2_000 }] });
    const world = cliWorld(sandbox, SHOP_FILE);
    let second: ReturnType<typeof runCli> | undefined;
    const first = await runCli(world.args('run', '--json'), {
      env: world.env,
      onEvent: (event) => {
        if (event.type === 'step.started' && event.stepId === 'step_2_company' && !second) second = runCli(world.args('run', '--json'), { env: world.env });
      },
    });
    const refused = await second!;
    expect(refused.code).toBe(75);
    expect(refused.stdout).toMatch(/already in progress/);
    expect(first.code).toBe(0);
    const counts = shopRecordCounts(sandbox, CORNER_CAFE);
    expect(counts).toEqual(allOnes(counts));
  }, 60_000);
});

describe('no secret leaves the machine', () => {
  it('the local database never holds the API secret in plain text', async () => {
    sandbox = await startSandbox();
    const world = cliWorld(sandbox, SHOP_FILE);
    await runCli(world.args('run'), { env: world.env });
    const secret = sandbox.users.provisioner.apiSecret;
    for (const file of [world.db, `${world.db}-wal`]) {
      const bytes = (() => {
        try {
          return readFileSync(file);
        } catch {
          return Buffer.alloc(0);
        }
      })();
      expect(bytes.includes(Buffer.from(secret))).toBe(false);
    }
  });
});
