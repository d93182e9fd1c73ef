import type { Store } from '../store';
import type { Insights } from '../../shared/history';
import { rate } from '../../shared/stats';
import { STEP_CATALOG } from '../../shared/steps/catalog';

/**
 * Across every run in this database: how long each step takes (median, p90 — the numbers the ETA uses),
 * how often each step fails and with which error codes, and what ERPNext says most often.
 */
export function insights(store: Store): Insights {
  const durations = store.insights.stepDurations();
  const counts = store.insights.attemptCounts();
  return {
    runs: store.insights.runTotals(),
    steps: STEP_CATALOG.map((step) => {
      const { attempts = 0, failures = 0 } = counts[step.id] ?? {};
      return { stepId: step.id, title: step.title, duration: durations[step.id] ?? null, attempts, failures, failureRate: rate(failures, attempts) };
    }),
    errorCodes: store.insights.failuresByCode(),
    messages: store.insights.topServerMessages(10),
  };
}
