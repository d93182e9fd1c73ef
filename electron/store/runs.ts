import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ErrorInfo } from '../../shared/errors';
import type { RunRecord, RunSummary, StepRecord } from '../../shared/model';
import { RunPhase, RunStatus, StepStatus } from '../../shared/status';
import { STEP_IDS, type StepId } from '../../shared/steps/catalog';
import { fromJson, now, toJson } from './json';
import type { LockFence } from './locks';
import { stepDurationStats } from './stepDurations';

/** A run or step write refused because the writer no longer holds the shop's lock. */
export class LockLostError extends Error {
  constructor(shopId: string) {
    super(`This process no longer holds the run lock of shop ${shopId}: another process took the run over.`);
    this.name = 'LockLostError';
  }
}

const HOLDS_LOCK = 'EXISTS (SELECT 1 FROM run_locks WHERE run_locks.shop_id = ? AND run_locks.token = ?)';

interface RunRow {
  id: string;
  shop_id: string;
  status: RunStatus;
  phase: RunPhase;
  machine_version: number;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  updated_at: string;
  next_probe_at: string | null;
  error: string | null;
  summary: string | null;
}

interface StepRow {
  step_id: StepId;
  status: StepStatus;
  attempts: number;
  started_at: string | null;
  finished_at: string | null;
  duration_ms: number | null;
  current_action: string | null;
  error_code: string | null;
  error_category: string | null;
  error_message: string | null;
  error_hint: string | null;
  error_detail: string | null;
  outputs: string | null;
}

const runRecord = (row: RunRow): RunRecord => ({
  id: row.id,
  shopId: row.shop_id,
  status: row.status,
  phase: row.phase,
  machineVersion: row.machine_version,
  createdAt: row.created_at,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
  updatedAt: row.updated_at,
  nextProbeAt: row.next_probe_at,
  error: fromJson<ErrorInfo>(row.error),
  summary: fromJson<RunSummary>(row.summary),
});

function stepError(row: StepRow): ErrorInfo | null {
  if (!row.error_code) return null;
  const detail = fromJson<Partial<ErrorInfo>>(row.error_detail) ?? {};
  return { ...detail, code: row.error_code, category: row.error_category, message: row.error_message ?? '', hint: row.error_hint ?? '' } as ErrorInfo;
}

const stepRecord = (row: StepRow): StepRecord => ({
  stepId: row.step_id,
  status: row.status,
  attempts: row.attempts,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
  durationMs: row.duration_ms,
  currentAction: row.current_action,
  error: stepError(row),
  outputs: fromJson<Record<string, unknown>>(row.outputs),
});

export type RunPatch = Partial<Pick<RunRecord, 'status' | 'phase' | 'startedAt' | 'finishedAt' | 'nextProbeAt' | 'error' | 'summary' | 'machineVersion'>>;

export class RunsRepository {
  constructor(private readonly db: Database.Database) {}

  /** A new run with every step pending, in one transaction, by the holder of the shop's lock. */
  create(shopId: string, machineVersion: number, fence: LockFence): RunRecord {
    const id = randomUUID();
    this.db.transaction(() => {
      const inserted = this.db
        .prepare(`INSERT INTO runs (id, shop_id, status, phase, machine_version, created_at, updated_at) SELECT ?, ?, ?, ?, ?, ?, ? WHERE ${HOLDS_LOCK}`)
        .run(id, shopId, RunStatus.NotStarted, RunPhase.Idle, machineVersion, now(), now(), fence.shopId, fence.token);
      if (inserted.changes === 0) throw new LockLostError(shopId);
      this.insertSteps(id);
    })();
    return this.get(id)!;
  }

  /** The shop's first run (not started), created once whoever asks first; no lock needed to look at a shop. */
  firstRun(shopId: string, machineVersion: number): RunRecord {
    return this.db.transaction(() => {
      const existing = this.latestForShop(shopId);
      if (existing) return existing;
      const id = randomUUID();
      this.db
        .prepare('INSERT INTO runs (id, shop_id, status, phase, machine_version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(id, shopId, RunStatus.NotStarted, RunPhase.Idle, machineVersion, now(), now());
      this.insertSteps(id);
      return this.get(id)!;
    }).immediate();
  }

  private insertSteps(runId: string): void {
    const insertStep = this.db.prepare("INSERT INTO run_steps (run_id, step_id, status) VALUES (?, ?, 'pending')");
    for (const stepId of STEP_IDS) insertStep.run(runId, stepId);
  }

  get(id: string): RunRecord | null {
    const row = this.db.prepare('SELECT * FROM runs WHERE id = ?').get(id) as RunRow | undefined;
    return row ? runRecord(row) : null;
  }

  latestForShop(shopId: string): RunRecord | null {
    const row = this.db.prepare('SELECT * FROM runs WHERE shop_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1').get(shopId) as RunRow | undefined;
    return row ? runRecord(row) : null;
  }

  listForShop(shopId: string): RunRecord[] {
    return (this.db.prepare('SELECT * FROM runs WHERE shop_id = ? ORDER BY created_at DESC, rowid DESC').all(shopId) as RunRow[]).map(runRecord);
  }

  private update(id: string, patch: RunPatch, fence: LockFence): void {
    const current = this.get(id);
    if (!current) return;
    const next = { ...current, ...patch };
    const written = this.db
      .prepare(`UPDATE runs SET status = ?, phase = ?, machine_version = ?, started_at = ?, finished_at = ?, next_probe_at = ?, error = ?, summary = ?, updated_at = ? WHERE id = ? AND ${HOLDS_LOCK}`)
      .run(next.status, next.phase, next.machineVersion, next.startedAt, next.finishedAt, next.nextProbeAt, toJson(next.error), toJson(next.summary), now(), id, fence.shopId, fence.token);
    if (written.changes === 0) throw new LockLostError(fence.shopId);
  }

  steps(runId: string): StepRecord[] {
    const rows = this.db.prepare('SELECT * FROM run_steps WHERE run_id = ?').all(runId) as StepRow[];
    const byId = new Map(rows.map((row) => [row.step_id, stepRecord(row)]));
    return STEP_IDS.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  }

  private saveStep(runId: string, step: StepRecord, fence: LockFence): void {
    const { error } = step;
    const detail = error ? { serverMessage: error.serverMessage, excType: error.excType, status: error.status, correlationId: error.correlationId, endpoint: error.endpoint, attempts: error.attempts, noAnswer: error.noAnswer } : null;
    this.db
      .prepare(
        `UPDATE run_steps SET status = ?, attempts = ?, started_at = ?, finished_at = ?, duration_ms = ?, current_action = ?,
          error_code = ?, error_category = ?, error_message = ?, error_hint = ?, error_detail = ?, outputs = ?
         WHERE run_id = ? AND step_id = ? AND ${HOLDS_LOCK}`,
      )
      .run(step.status, step.attempts, step.startedAt, step.finishedAt, step.durationMs, step.currentAction, error?.code ?? null, error?.category ?? null, error?.message ?? null, error?.hint ?? null, toJson(detail), toJson(step.outputs), runId, step.stepId, fence.shopId, fence.token);
    if (step.status === StepStatus.Succeeded || step.status === StepStatus.Failed) this.saveAttempt(runId, step, fence);
  }

  /** A finished attempt joins the run's history (step_attempts): kept after Continue runs the step again. */
  private saveAttempt(runId: string, step: StepRecord, fence: LockFence): void {
    const { error } = step;
    this.db
      .prepare(
        `INSERT INTO step_attempts (run_id, step_id, attempt, status, started_at, finished_at, duration_ms, error_code, error_message, server_message)
         SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE ${HOLDS_LOCK}
         ON CONFLICT (run_id, step_id, attempt) DO UPDATE SET status = excluded.status, started_at = excluded.started_at, finished_at = excluded.finished_at,
           duration_ms = excluded.duration_ms, error_code = excluded.error_code, error_message = excluded.error_message, server_message = excluded.server_message`,
      )
      .run(runId, step.stepId, step.attempts, step.status, step.startedAt, step.finishedAt, step.durationMs, error?.code ?? null, error?.message ?? null, error?.serverMessage ?? null, fence.shopId, fence.token);
  }

  /**
   * Run and steps written together, so a crash never leaves them disagreeing; only by the current
   * holder of the shop's lock (LockLostError otherwise, and nothing is written).
   */
  saveSnapshot(runId: string, patch: RunPatch, steps: readonly StepRecord[], fence: LockFence): void {
    this.db.transaction(() => {
      this.update(runId, patch, fence);
      for (const step of steps) this.saveStep(runId, step, fence);
    })();
  }

  /** Median duration of each step over earlier successful runs: the basis of the ETA (the median Insights shows). */
  typicalDurations(): Partial<Record<StepId, number>> {
    return Object.fromEntries(Object.entries(stepDurationStats(this.db)).map(([id, stats]) => [id, stats.medianMs]));
  }
}
