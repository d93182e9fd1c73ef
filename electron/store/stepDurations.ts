import type Database from 'better-sqlite3';
import { type DurationStats, durationStats } from '../../shared/stats';
import type { StepId } from '../../shared/steps/catalog';

/**
 * How long each step took when it succeeded, across every run in this database, as statistics. The ETA
 * and the Insights screen both read this: one population (each successful step's own duration, as the
 * run view shows it), one method (shared/stats.ts).
 */
export function stepDurationStats(db: Database.Database): Partial<Record<StepId, DurationStats>> {
  // One ordered scan of the covering index run_steps_durations (migration 6).
  const rows = db
    .prepare("SELECT step_id, duration_ms FROM run_steps WHERE status = 'succeeded' AND duration_ms IS NOT NULL ORDER BY step_id, duration_ms")
    .raw()
    .all() as [StepId, number][];
  const stats: Partial<Record<StepId, DurationStats>> = {};
  let from = 0;
  for (let i = 1; i <= rows.length; i++) {
    if (i < rows.length && rows[i]![0] === rows[from]![0]) continue;
    stats[rows[from]![0]] = durationStats(rows.slice(from, i).map((row) => row[1]))!;
    from = i;
  }
  return stats;
}
