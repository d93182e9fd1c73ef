import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { Store, currentOperator } from '../../../electron/store';
import { migrate } from '../../../electron/store/migrate';
import { MIGRATIONS } from '../../../electron/store/migrations';
import { StepId } from '../../../shared/steps/catalog';
import { validateShop } from '../../../shared/shop';
import { durationStats } from '../../../shared/stats';

// Migration 6 and the history repositories on real SQLite files.

const stores: Store[] = [];
afterEach(() => stores.splice(0).forEach((s) => s.close()));
const tempFile = () => path.join(mkdtempSync(path.join(tmpdir(), 'history-')), 'pos.sqlite');
const open = (file: string) => {
  const store = Store.open(file);
  stores.push(store);
  return store;
};
const shopConfig = () => {
  const result = validateShop({ company: { name: 'History Cafe', country: 'Kenya', currency: 'KES' }, pos: { paymentMethods: [{ mode: 'Cash' }] } });
  if (!result.ok) throw new Error('bad fixture');
  return result.value;
};

describe('migration 6: run history', () => {
  it('backfills the step attempts an older database recorded (each step’s last attempt, with ERPNext’s words)', () => {
    const file = tempFile();
    const old = new Database(file);
    migrate(old, MIGRATIONS.filter((m) => m.version < 6), file);
    old.exec(`
      INSERT INTO sites (id, url, display_url, api_key, created_at, updated_at) VALUES ('site', 'https://erp.example.com', 'erp.example.com', 'k', 't', 't');
      INSERT INTO shops (id, site_id, name, config, created_at, updated_at) VALUES ('shop', 'site', 'Old Cafe', '{}', 't', 't');
      INSERT INTO runs (id, shop_id, status, phase, machine_version, created_at, started_at, finished_at, updated_at) VALUES ('run', 'shop', 'FAILED', 'finished', 1, '2026-01-01T10:00:00Z', '2026-01-01T10:00:00Z', '2026-01-01T10:00:09Z', 't');
      INSERT INTO run_steps (run_id, step_id, status, attempts, started_at, finished_at, duration_ms) VALUES ('run', 'step_0_engine_check', 'succeeded', 1, '2026-01-01T10:00:00Z', '2026-01-01T10:00:01Z', 1000);
      INSERT INTO run_steps (run_id, step_id, status, attempts, started_at, finished_at, duration_ms, error_code, error_message, error_detail) VALUES ('run', 'step_2_company', 'failed', 2, '2026-01-01T10:00:05Z', '2026-01-01T10:00:09Z', 4000, 'validation_failed', 'The abbreviation is taken.', '{"serverMessage":"Abbreviation already used for another company"}');
      INSERT INTO run_steps (run_id, step_id, status, attempts) VALUES ('run', 'step_3_chart_of_accounts', 'pending', 0);
    `);
    old.close();
    const store = open(file);
    expect(store.history.attempts('run')).toEqual([
      { stepId: StepId.EngineCheck, attempt: 1, status: 'succeeded', startedAt: '2026-01-01T10:00:00Z', finishedAt: '2026-01-01T10:00:01Z', durationMs: 1000, errorCode: null, errorMessage: null, serverMessage: null },
      { stepId: StepId.Company, attempt: 2, status: 'failed', startedAt: '2026-01-01T10:00:05Z', finishedAt: '2026-01-01T10:00:09Z', durationMs: 4000, errorCode: 'validation_failed', errorMessage: 'The abbreviation is taken.', serverMessage: 'Abbreviation already used for another company' },
    ]);
    expect(store.insights.topServerMessages()).toEqual([{ message: 'Abbreviation already used for another company', count: 1, code: 'validation_failed' }]);
    expect(store.insights.runTotals()).toEqual({ total: 1, byStatus: { FAILED: 1 }, duration: { count: 1, medianMs: 9000, p90Ms: 9000 } });
  });
});

describe('the history repositories', () => {
  it('records every finished attempt with the run’s snapshot, only by the holder of the shop’s lock', () => {
    const store = open(tempFile());
    const site = store.sites.add({ url: 'https://erp.example.com', displayUrl: 'erp.example.com', apiKey: 'k' });
    const shop = store.shops.upsert(site.id, shopConfig());
    const lock = store.locks.acquire(shop.id, 'pending');
    if (!lock.ok) throw new Error('no lock');
    const run = store.runs.create(shop.id, 1, lock.fence);
    const step = store.runs.steps(run.id).find((s) => s.stepId === StepId.Company)!;
    const failed = { ...step, status: 'failed' as const, attempts: 1, startedAt: '2026-01-01T10:00:00Z', finishedAt: '2026-01-01T10:00:02Z', durationMs: 2000, error: { code: 'timeout', category: 'transient', message: 'No answer.', hint: 'Wait.' } as never };
    store.runs.saveSnapshot(run.id, {}, [failed], lock.fence);
    store.runs.saveSnapshot(run.id, {}, [failed], lock.fence);
    store.runs.saveSnapshot(run.id, {}, [{ ...failed, status: 'running', attempts: 2, error: null }], lock.fence);
    store.runs.saveSnapshot(run.id, {}, [{ ...failed, status: 'succeeded', attempts: 2, durationMs: 1500, error: null }], lock.fence);
    expect(store.history.attempts(run.id).map((a) => [a.attempt, a.status, a.errorCode, a.durationMs])).toEqual([
      [1, 'failed', 'timeout', 2000],
      [2, 'succeeded', null, 1500],
    ]);
    // Taken over by another process: the old holder's attempt is not recorded either.
    store.db.prepare('UPDATE run_locks SET token = ? WHERE shop_id = ?').run('someone-else', shop.id);
    expect(() => store.runs.saveSnapshot(run.id, {}, [{ ...failed, attempts: 3 }], lock.fence)).toThrow(/no longer holds the run lock/);
    expect(store.history.attempts(run.id)).toHaveLength(2);
  });

  it('keeps who drove a run, from which machine, per command', () => {
    const store = open(tempFile());
    const site = store.sites.add({ url: 'https://erp.example.com', displayUrl: 'erp.example.com', apiKey: 'k' });
    const shop = store.shops.upsert(site.id, shopConfig());
    const run = store.runs.firstRun(shop.id, 1);
    store.history.recordSession(run.id, 'Start', 'anna', 'till-laptop');
    store.history.recordSession(run.id, 'Continue', 'ben', 'office-pc');
    expect(store.history.sessions(run.id).map(({ command, osUser, host }) => [command, osUser, host])).toEqual([
      ['Start', 'anna', 'till-laptop'],
      ['Continue', 'ben', 'office-pc'],
    ]);
    expect(store.history.sessionsOfShop(shop.id).get(run.id)).toHaveLength(2);
    expect(currentOperator({ USER: 'fallback' }).host.length).toBeGreaterThan(0);
  });
});

describe('step durations for the ETA and Insights', () => {
  it('reading only the ranks a quantile needs gives the numbers of all durations through the one statistics module', () => {
    const store = open(tempFile());
    const site = store.sites.add({ url: 'https://erp.example.com', displayUrl: 'erp.example.com', apiKey: 'k' });
    const shop = store.shops.upsert(site.id, shopConfig());
    const insertRun = store.db.prepare("INSERT INTO runs (id, shop_id, status, phase, machine_version, created_at, updated_at) VALUES (?, ?, 'COMPLETED', 'finished', 1, 't', 't')");
    const insertStep = store.db.prepare('INSERT INTO run_steps (run_id, step_id, status, attempts, duration_ms) VALUES (?, ?, ?, 1, ?)');
    const all = new Map<string, number[]>();
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let r = 0; r < 97; r++) {
      insertRun.run(`run-${r}`, shop.id);
      for (const stepId of [StepId.Company, StepId.Customer, StepId.PosProfile]) {
        const failed = random() < 0.1;
        const duration = Math.round(random() * 5_000);
        insertStep.run(`run-${r}`, stepId, failed ? 'failed' : 'succeeded', duration);
        if (!failed) all.set(stepId, [...(all.get(stepId) ?? []), duration]);
      }
    }
    const expected = Object.fromEntries([...all].map(([id, values]) => [id, durationStats(values.sort((a, b) => a - b))]));
    expect(store.insights.stepDurations()).toEqual(expected);
    expect(store.runs.typicalDurations()).toEqual(Object.fromEntries(Object.entries(expected).map(([id, stats]) => [id, stats!.medianMs])));
  });
});
