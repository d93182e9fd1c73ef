import { hostname, userInfo } from 'node:os';
import type Database from 'better-sqlite3';
import type { RunSession, StepAttempt } from '../../shared/history';
import type { StepId } from '../../shared/steps/catalog';
import { now } from './json';

interface AttemptRow {
  step_id: StepId;
  attempt: number;
  status: StepAttempt['status'];
  started_at: string | null;
  finished_at: string | null;
  duration_ms: number | null;
  error_code: string | null;
  error_message: string | null;
  server_message: string | null;
}

const toAttempt = (row: AttemptRow): StepAttempt => ({
  stepId: row.step_id,
  attempt: row.attempt,
  status: row.status,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
  durationMs: row.duration_ms,
  errorCode: row.error_code,
  errorMessage: row.error_message,
  serverMessage: row.server_message,
});

/** The OS account and machine this process runs as: who a run's history says started it. */
export function currentOperator(env: NodeJS.ProcessEnv = process.env): { osUser: string; host: string } {
  let osUser: string;
  try {
    osUser = userInfo().username;
  } catch {
    // A container user without a passwd entry: the shell's idea of who it is.
    osUser = env.USER ?? env.USERNAME ?? 'unknown';
  }
  return { osUser, host: hostname() };
}

/** Who drove each run from where, and every finished step attempt (written by RunsRepository.saveSnapshot). */
export class HistoryRepository {
  constructor(private readonly db: Database.Database) {}

  /** A command (Start, Continue, Retry all) began driving the run: by this OS user on this machine. */
  recordSession(runId: string, command: string, osUser: string, host: string): void {
    this.db.prepare('INSERT INTO run_sessions (run_id, command, os_user, host, started_at) VALUES (?, ?, ?, ?, ?)').run(runId, command, osUser, host, now());
  }

  sessions(runId: string): RunSession[] {
    return this.db.prepare('SELECT command, os_user AS osUser, host, started_at AS startedAt FROM run_sessions WHERE run_id = ? ORDER BY id').all(runId) as RunSession[];
  }

  /** The sessions of every run of a shop, by run id (one query for the history list). */
  sessionsOfShop(shopId: string): Map<string, RunSession[]> {
    const rows = this.db
      .prepare('SELECT s.run_id AS runId, s.command, s.os_user AS osUser, s.host, s.started_at AS startedAt FROM run_sessions s JOIN runs r ON r.id = s.run_id WHERE r.shop_id = ? ORDER BY s.id')
      .all(shopId) as (RunSession & { runId: string })[];
    const byRun = new Map<string, RunSession[]>();
    for (const { runId, ...session } of rows) byRun.set(runId, [...(byRun.get(runId) ?? []), session]);
    return byRun;
  }

  attempts(runId: string): StepAttempt[] {
    return (this.db.prepare('SELECT * FROM step_attempts WHERE run_id = ? ORDER BY started_at, step_id, attempt').all(runId) as AttemptRow[]).map(toAttempt);
  }

  /** The step that stopped each FAILED or PARTIAL run of a shop (the first failed one in catalog order). */
  failedStepsOfShop(shopId: string): Map<string, StepId[]> {
    const rows = this.db
      .prepare("SELECT s.run_id AS runId, s.step_id AS stepId FROM run_steps s JOIN runs r ON r.id = s.run_id WHERE r.shop_id = ? AND s.status = 'failed'")
      .all(shopId) as { runId: string; stepId: StepId }[];
    const byRun = new Map<string, StepId[]>();
    for (const row of rows) byRun.set(row.runId, [...(byRun.get(row.runId) ?? []), row.stepId]);
    return byRun;
  }
}
