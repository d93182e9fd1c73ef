import type Database from 'better-sqlite3';
import { type DurationStats, durationStats } from '../../shared/stats';
import type { StepId } from '../../shared/steps/catalog';
import { stepDurationStats } from './stepDurations';

export interface AttemptCounts {
  attempts: number;
  failures: number;
}

/** The aggregate reads of the Insights screen: each a single grouped query, none per run. */
export class InsightsRepository {
  constructor(private readonly db: Database.Database) {}

  /** Per step: median and p90 of successful durations (the same numbers the ETA uses). */
  stepDurations(): Partial<Record<StepId, DurationStats>> {
    return stepDurationStats(this.db);
  }

  /** Per step: finished attempts and failed ones (every attempt, also those Continue fixed later). */
  attemptCounts(): Partial<Record<StepId, AttemptCounts>> {
    const rows = this.db.prepare("SELECT step_id, COUNT(*) AS attempts, SUM(status = 'failed') AS failures FROM step_attempts GROUP BY step_id").all() as { step_id: StepId; attempts: number; failures: number }[];
    return Object.fromEntries(rows.map((row) => [row.step_id, { attempts: row.attempts, failures: row.failures }]));
  }

  /** Failed attempts by error code, with the steps they happened in; most frequent first. */
  failuresByCode(): { code: string; count: number; steps: StepId[] }[] {
    const rows = this.db
      .prepare("SELECT error_code AS code, step_id, COUNT(*) AS n FROM step_attempts WHERE status = 'failed' GROUP BY error_code, step_id")
      .all() as { code: string | null; step_id: StepId; n: number }[];
    const byCode = new Map<string, { code: string; count: number; steps: StepId[] }>();
    for (const row of rows) {
      const code = row.code ?? 'unknown';
      const entry = byCode.get(code) ?? { code, count: 0, steps: [] };
      entry.count += row.n;
      entry.steps.push(row.step_id);
      byCode.set(code, entry);
    }
    return [...byCode.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  }

  /** ERPNext's own words in failed attempts, most frequent first. */
  topServerMessages(limit = 10): { message: string; count: number; code: string | null }[] {
    return this.db
      .prepare(
        `SELECT server_message AS message, COUNT(*) AS count, MAX(error_code) AS code FROM step_attempts
         WHERE status = 'failed' AND server_message IS NOT NULL AND server_message != ''
         GROUP BY server_message ORDER BY count DESC, message LIMIT ?`,
      )
      .all(limit) as { message: string; count: number; code: string | null }[];
  }

  /** Runs by final status, and how long finished runs took. */
  runTotals(): { total: number; byStatus: Record<string, number>; duration: DurationStats | null } {
    const counts = this.db.prepare('SELECT status, COUNT(*) AS n FROM runs GROUP BY status').all() as { status: string; n: number }[];
    const durations = this.db
      .prepare("SELECT CAST(ROUND((julianday(finished_at) - julianday(started_at)) * 86400000) AS INTEGER) AS ms FROM runs WHERE phase = 'finished' AND started_at IS NOT NULL AND finished_at IS NOT NULL ORDER BY ms")
      .pluck()
      .all() as number[];
    return { total: counts.reduce((sum, row) => sum + row.n, 0), byStatus: Object.fromEntries(counts.map((row) => [row.status, row.n])), duration: durationStats(durations) };
  }
}
