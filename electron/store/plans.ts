import type Database from 'better-sqlite3';
import type { PlanDifference, StepPlan } from '../../shared/plan';
import { fromJson, now } from './json';

export interface StoredPreview {
  steps: StepPlan[];
  plannedAt: string;
}

/** What a run was going to do (its preflight's plan), the preview before it, and what differed. */
export interface RunPlan {
  steps: StepPlan[];
  plannedAt: string;
  preview: StoredPreview | null;
  differences: PlanDifference[];
}

interface RunPlanRow {
  plan: string;
  planned_at: string;
  preview: string | null;
  differences: string;
}

/** A shop's latest preview, and each run's plan (issue 10: "the plan is saved with the run"). */
export class PlansRepository {
  constructor(private readonly db: Database.Database) {}

  savePreview(shopId: string, steps: StepPlan[], plannedAt = now()): void {
    this.db.prepare('INSERT INTO shop_previews (shop_id, plan, planned_at) VALUES (?, ?, ?) ON CONFLICT (shop_id) DO UPDATE SET plan = excluded.plan, planned_at = excluded.planned_at').run(shopId, JSON.stringify(steps), plannedAt);
  }

  preview(shopId: string): StoredPreview | null {
    const row = this.db.prepare('SELECT plan, planned_at FROM shop_previews WHERE shop_id = ?').get(shopId) as { plan: string; planned_at: string } | undefined;
    return row ? { steps: fromJson<StepPlan[]>(row.plan) ?? [], plannedAt: row.planned_at } : null;
  }

  /**
   * The run's plan from its first preflight, taking the shop's preview with it (a preview is compared
   * with the one Start that follows it; the next Start compares with a new preview, or with none).
   */
  saveRunPlan(shopId: string, runId: string, plan: Omit<RunPlan, 'plannedAt'>): void {
    this.db.transaction(() => {
      this.db.prepare('INSERT OR IGNORE INTO run_plans (run_id, plan, planned_at, preview, differences) VALUES (?, ?, ?, ?, ?)').run(runId, JSON.stringify(plan.steps), now(), plan.preview && JSON.stringify(plan.preview), JSON.stringify(plan.differences));
      this.db.prepare('DELETE FROM shop_previews WHERE shop_id = ?').run(shopId);
    })();
  }

  runPlan(runId: string): RunPlan | null {
    const row = this.db.prepare('SELECT plan, planned_at, preview, differences FROM run_plans WHERE run_id = ?').get(runId) as RunPlanRow | undefined;
    if (!row) return null;
    return { steps: fromJson<StepPlan[]>(row.plan) ?? [], plannedAt: row.planned_at, preview: fromJson<StoredPreview>(row.preview), differences: fromJson<PlanDifference[]>(row.differences) ?? [] };
  }

  hasRunPlan(runId: string): boolean {
    return Boolean(this.db.prepare('SELECT 1 FROM run_plans WHERE run_id = ?').get(runId));
  }
}
