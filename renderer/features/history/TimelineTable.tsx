import type { RunTimeline, TimelineStep } from '../../../shared/history';
import { hrefFor } from '../../state/navigation';
import { formatDuration } from '../ui/format';
import { tickLabel } from './axis';

const at = (ms: number) => tickLabel(Math.round(ms / 100) * 100);

function attempts(step: TimelineStep): string {
  if (step.attempts.length === 0) return step.status === 'skipped' ? 'skipped' : 'did not run';
  return step.attempts.map((a) => `${a.attempt}: ${a.status} ${at(a.startMs)}–${at(a.endMs)} (${formatDuration(a.endMs - a.startMs)})${a.errorCode ? `, ${a.errorCode}` : ''}`).join('; ');
}

/** The timeline's numbers as a table: the chart's equal for screen readers and for copying into a ticket. */
export function TimelineTable({ timeline, siteId }: { timeline: RunTimeline; siteId: string }) {
  return (
    <table className="history-table timeline-table" data-testid="timeline-table">
      <caption>Each step of the run (times from the run's start)</caption>
      <thead>
        <tr>
          <th scope="col">Step</th>
          <th scope="col">Attempts</th>
          <th scope="col">Requests retried</th>
          <th scope="col">Slowest request</th>
          <th scope="col">Log</th>
        </tr>
      </thead>
      <tbody>
        {timeline.steps.map((step) => (
          <tr key={step.stepId} data-testid={`timeline-table-${step.stepId}`}>
            <th scope="row">{step.title}</th>
            <td>{attempts(step)}</td>
            <td>{step.retries.length ? step.retries.map((r) => `${r.request} (${r.code})`).join('; ') : '—'}</td>
            <td>{step.slowest ? `${step.slowest.request}: ${formatDuration(step.slowest.durationMs)}` : '—'}</td>
            <td>
              <a href={hrefFor({ name: 'logs', siteId, shopId: timeline.shopId, stepId: step.stepId })} aria-label={`Log entries of ${step.title}`}>
                Log entries
              </a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
