import type { Store } from '../store';
import type { RunHistoryEntry, RunTimeline } from '../../shared/history';
import type { LogEntry, RunRecord } from '../../shared/model';
import { STEP_IDS } from '../../shared/steps/catalog';
import { runPlanSummary } from './runPlanSummary';
import { buildTimeline } from './timeline';

const PAGE = 10_000;

const durationOf = (run: Pick<RunRecord, 'startedAt' | 'finishedAt'>) => (run.startedAt && run.finishedAt ? Math.max(0, Date.parse(run.finishedAt) - Date.parse(run.startedAt)) : null);

/** A shop's runs, newest first: when, how long, how it ended, who started it from which machine. */
export function runHistory(store: Store, shopId: string): RunHistoryEntry[] {
  const sessions = store.history.sessionsOfShop(shopId);
  const failed = store.history.failedStepsOfShop(shopId);
  return store.runs.listForShop(shopId).map((run) => {
    const ran = sessions.get(run.id) ?? [];
    const failedSteps = failed.get(run.id) ?? [];
    return {
      run: { id: run.id, status: run.status, phase: run.phase, createdAt: run.createdAt, startedAt: run.startedAt, finishedAt: run.finishedAt },
      durationMs: durationOf(run),
      startedBy: ran[0] ?? null,
      sessions: ran,
      failedStep: STEP_IDS.find((id) => failedSteps.includes(id)) ?? null,
      result: run.summary && { created: run.summary.created, adopted: run.summary.adopted, changed: run.summary.changed },
      plan: runPlanSummary(store.plans.runPlan(run.id)),
    };
  });
}

/** Every log entry of a run, oldest first (a run logs a few hundred; an outage of half an hour a few more). */
function runLogs(store: Store, runId: string): LogEntry[] {
  const all: LogEntry[] = [];
  for (let afterId = 0; ; ) {
    const page = store.logs.list({ runId, afterId, limit: PAGE });
    all.push(...page);
    if (page.length < PAGE) return all;
    afterId = page.at(-1)!.id;
  }
}

/** One run on a time axis (see ./timeline.ts); null when there is no such run. */
export function runTimeline(store: Store, runId: string, now = Date.now()): RunTimeline | null {
  const run = store.runs.get(runId);
  if (!run) return null;
  const timeline = buildTimeline({ run, steps: store.runs.steps(runId), attempts: store.history.attempts(runId), logs: runLogs(store, runId), now });
  return { ...timeline, sessions: store.history.sessions(runId) };
}
