import type { RunHistoryEntry } from '../../../shared/history';
import { RunPhase } from '../../../shared/status';
import { stepDefinition } from '../../../shared/steps/catalog';
import { hrefFor } from '../../state/navigation';
import { HandoverButton } from '../handover/HandoverButton';
import { StatusBadge } from '../ui/StatusBadge';
import { formatDuration, formatTime } from '../ui/format';
import { runLook } from '../ui/statusLook';

function result(entry: RunHistoryEntry): string {
  if (entry.failedStep) return `Stopped at ${stepDefinition(entry.failedStep).title}`;
  if (!entry.result) return '';
  return `${entry.result.created.length} created, ${entry.result.adopted.length} already there, ${entry.result.changed.length} changed`;
}

/** What the preflight planned before the first write, in the words of the result beside it. */
function planned(entry: RunHistoryEntry): string {
  const plan = entry.plan;
  if (!plan) return 'not recorded';
  const counts = `${plan.counts.create} to create, ${plan.counts.adopt} already there, ${plan.counts.change} to change`;
  const conflicts = plan.conflicts.length ? `; ${plan.conflicts.length} conflict${plan.conflicts.length === 1 ? '' : 's'}` : '';
  const since = plan.previewAt ? (plan.differences.length ? `; since the preview: ${plan.differences.join('; ')}` : '; as previewed') : '';
  return `${counts}${conflicts}${since}`;
}

/** A shop's runs, newest first: when, how long, how it ended, who ran it from where, and its timeline. */
export function RunHistoryTable({ siteId, shopId, runs }: { siteId: string; shopId: string; runs: RunHistoryEntry[] }) {
  return (
    <table className="history-table" data-testid="run-history">
      <caption className="visually-hidden">Runs of this shop, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Started</th>
          <th scope="col">Duration</th>
          <th scope="col">Status</th>
          <th scope="col">Who, on which machine</th>
          <th scope="col">Plan</th>
          <th scope="col">Result</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {runs.map((entry) => {
          const started = entry.run.startedAt ?? entry.run.createdAt;
          return (
            <tr key={entry.run.id} data-testid="history-row" data-run={entry.run.id} data-status={entry.run.status.toLowerCase()}>
              <th scope="row">
                <a href={hrefFor({ name: 'timeline', siteId, shopId, runId: entry.run.id })} aria-label={`Timeline of the run started ${formatTime(started)}`} data-testid="open-timeline">
                  {formatTime(started)}
                </a>
              </th>
              <td>{formatDuration(entry.durationMs)}</td>
              <td>
                <StatusBadge look={runLook(entry.run)} state={entry.run.status.toLowerCase()} />
              </td>
              <td data-testid="history-who">{entry.startedBy ? `${entry.startedBy.osUser} on ${entry.startedBy.host}` : 'not recorded'}</td>
              <td data-testid="history-plan">{planned(entry)}</td>
              <td>{result(entry)}</td>
              <td>{entry.run.phase === RunPhase.Finished && <HandoverButton shopId={shopId} runId={entry.run.id} />}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
