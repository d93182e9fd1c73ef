import type Database from 'better-sqlite3';
import { type DurationStats, between, quantilePosition } from '../../shared/stats';
import type { StepId } from '../../shared/steps/catalog';

/**
 * How long each step took when it succeeded, across every run in this database, as statistics. The ETA
 * and the Insights screen both read this: one population (each successful step's own duration, as the
 * run view shows it), one method (shared/stats.ts). Only the values at the quantiles' ranks are read,
 * from the ordered covering index run_steps_durations (migration 6): a few index seeks per step, never
 * every duration, however many runs there are.
 */
export function stepDurationStats(db: Database.Database): Partial<Record<StepId, DurationStats>> {
  const counts = db.prepare("SELECT step_id, COUNT(*) AS n FROM run_steps WHERE status = 'succeeded' AND duration_ms IS NOT NULL GROUP BY step_id").all() as { step_id: StepId; n: number }[];
  const atRank = db.prepare("SELECT duration_ms FROM run_steps WHERE status = 'succeeded' AND step_id = ? AND duration_ms IS NOT NULL ORDER BY duration_ms LIMIT 2 OFFSET ?").pluck();
  const quantileOf = (stepId: StepId, count: number, p: number) => {
    const { below, fraction } = quantilePosition(count, p);
    const [low, high = low] = atRank.all(stepId, below) as number[];
    return Math.round(between(low!, high!, fraction));
  };
  return Object.fromEntries(counts.map(({ step_id: stepId, n }) => [stepId, { count: n, medianMs: quantileOf(stepId, n, 0.5), p90Ms: quantileOf(stepId, n, 0.9) }]));
}
