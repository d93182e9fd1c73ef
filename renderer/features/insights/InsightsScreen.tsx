import { useEffect } from 'react';
import { ScreenHeading } from '../app/ScreenHeading';
import { ErrorNotice } from '../ui/ErrorNotice';
import { formatDuration } from '../ui/format';
import { StepDurations } from './StepDurations';
import { StepFailures } from './StepFailures';
import { useInsights } from './insightsStore';
import './insights.css';

const STATUS_WORDS: Record<string, string> = { COMPLETED: 'completed', PARTIAL: 'partial', FAILED: 'failed', IN_PROGRESS: 'in progress', NOT_STARTED: 'not started' };

/** Across every run this app has made: step durations, failure rates, error codes, ERPNext's most frequent words. */
export function InsightsScreen() {
  const { insights, error, load } = useInsights();
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <>
      <ScreenHeading>Insights</ScreenHeading>
      {error && <ErrorNotice problem={error} title="The insights could not be read" />}
      {!insights && !error && <p>Loading…</p>}
      {insights && (
        <div className="insights" data-testid="insights" data-runs={insights.runs.total}>
          <p className="lead" data-testid="insights-summary">
            {insights.runs.total === 0
              ? 'No run yet: the numbers appear here once shops have been set up.'
              : `${insights.runs.total} runs: ${Object.entries(insights.runs.byStatus)
                  .map(([status, n]) => `${n} ${STATUS_WORDS[status] ?? status.toLowerCase()}`)
                  .join(', ')}.${insights.runs.duration ? ` A finished run takes ${formatDuration(insights.runs.duration.medianMs)} (median), ${formatDuration(insights.runs.duration.p90Ms)} for the slowest tenth.` : ''}`}
          </p>
          <StepDurations steps={insights.steps} />
          <StepFailures insights={insights} />
          <section className="panel" aria-labelledby="messages-heading">
            <h2 id="messages-heading">What ERPNext says most often</h2>
            {insights.messages.length === 0 ? (
              <p className="empty">ERPNext has not refused anything yet.</p>
            ) : (
              <ol className="insights-messages" data-testid="insights-messages">
                {insights.messages.map((entry) => (
                  <li key={entry.message}>
                    <q>{entry.message}</q> <span className="muted">— {entry.count}×{entry.code ? `, ${entry.code}` : ''}</span>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </div>
      )}
    </>
  );
}
