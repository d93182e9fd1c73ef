import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../../sandbox';
import { STEP_IDS } from '../../../shared/steps/catalog';
import { type CliResult, cliWorld, runCli } from '../../support/cli';
import { CORNER_CAFE, allOnes, shopRecordCounts } from '../../support/duplicates';
import { SHOP_FILE } from '../../support/engineHarness';

// kill -9 at 30 seeded points of a run — inside a step, while a write is on its way (the server holds it
// and commits after the process is gone), and between a write's answer and the SQLite persist — each
// followed by `continue`: COMPLETED, every record exactly once, and a sound database file.

/** mulberry32: the same 30 points on every machine, and a failing one can be replayed by its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type KillPoint =
  | { kind: 'in a step'; stepIndex: number; delayMs: number }
  | { kind: 'write in flight'; write: number; delayMs: number }
  | { kind: 'answered, not persisted'; write: number };

/** A fresh run of the Corner Cafe shop on a setup-done site makes this many writes (creates and updates). */
const WRITES_IN_A_RUN = 14;

function killPoints(seed: number, count: number): KillPoint[] {
  const random = prng(seed);
  const pick = (n: number) => Math.floor(random() * n);
  return Array.from({ length: count }, (_, i): KillPoint => {
    if (i % 3 === 0) return { kind: 'in a step', stepIndex: pick(STEP_IDS.length), delayMs: pick(60) };
    if (i % 3 === 1) return { kind: 'write in flight', write: 1 + pick(WRITES_IN_A_RUN), delayMs: 20 + pick(250) };
    return { kind: 'answered, not persisted', write: 1 + pick(WRITES_IN_A_RUN) };
  });
}

const SEED = 20261130;
const integrity = (db: string) => {
  const handle = new Database(db, { readonly: true });
  try {
    return handle.pragma('integrity_check', { simple: true }) as string;
  } finally {
    handle.close();
  }
};

describe.concurrent('kill -9 at 30 seeded points, then continue', () => {
  for (const [index, point] of killPoints(SEED, 30).entries()) {
    it(`#${index + 1} ${point.kind} ${JSON.stringify(point)}`, async () => {
      const sandbox = await startSandbox({ latencyMs: point.kind === 'in a step' ? 10 : 0 });
      try {
        const world = cliWorld(sandbox, SHOP_FILE);
        let killed: CliResult;
        if (point.kind === 'in a step') {
          const stepId = STEP_IDS[point.stepIndex];
          killed = await runCli(world.args('run', '--json'), { env: world.env, onEvent: (event, child) => event.type === 'step.action' && event.stepId === stepId && setTimeout(() => child.kill('SIGKILL'), point.delayMs) });
        } else if (point.kind === 'write in flight') {
          // The n-th write reaches the site, which works on it for 400 ms and commits it — after the process is gone.
          sandbox.faults.add({ method: 'WRITE', path: '/api/*', kind: 'commit_late', delayMs: 400, skip: point.write - 1, times: 1 });
          const run = runCli(world.args('run', '--json'), { env: world.env });
          const watch = setInterval(() => sandbox.stats().faultsFired > 0 && (clearInterval(watch), setTimeout(() => void run.child.kill('SIGKILL'), point.delayMs)), 5);
          killed = await run;
          clearInterval(watch);
          sandbox.faults.clear();
        } else {
          killed = await runCli(world.args('run', '--json'), { env: { ...world.env, POS_PROVISIONER_CHAOS_KILL_AFTER_WRITES: String(point.write) } });
        }
        // A kill that lands after the run already finished is no test of a crash.
        expect(killed.signal).toBe('SIGKILL');
        expect(integrity(world.db)).toBe('ok');
        await new Promise((resolve) => setTimeout(resolve, 450));
        const resumed = await runCli(world.args('continue', '--json'), { env: world.env });
        expect(resumed.events.at(-1)).toMatchObject({ type: 'result', status: 'COMPLETED' });
        const counts = shopRecordCounts(sandbox, CORNER_CAFE);
        expect(counts).toEqual(allOnes(counts));
        expect(integrity(world.db)).toBe('ok');
      } finally {
        await sandbox.stop();
      }
    }, 60_000);
  }
});
