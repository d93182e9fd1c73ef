import type { LogEntry } from '../../../shared/model';
import { formatTime } from '../ui/format';
import { stepTitle } from './logText';

/** The selected entry in full: the list shows one truncated line each. */
export function LogEntryDetail({ entry, onCopy, onClose }: { entry: LogEntry; onCopy(entry: LogEntry): void; onClose(): void }) {
  return (
    <section className="panel log-detail" aria-labelledby="log-detail-heading" data-testid="log-detail">
      <h2 id="log-detail-heading">Entry {entry.id}</h2>
      <dl className="facts">
        <dt>Time</dt>
        <dd>{formatTime(entry.time)}</dd>
        <dt>Level</dt>
        <dd>{entry.level}</dd>
        <dt>Step</dt>
        <dd>{stepTitle(entry.stepId) || '—'}</dd>
        <dt>Correlation id</dt>
        <dd>{entry.correlationId ?? '—'}</dd>
      </dl>
      <p className="log-detail-message">{entry.message}</p>
      {entry.data && <pre className="log-data">{JSON.stringify(entry.data, null, 2)}</pre>}
      <div className="button-row">
        <button type="button" onClick={() => onCopy(entry)}>
          Copy entry
        </button>
        <button type="button" className="button-quiet" onClick={onClose}>
          Close details
        </button>
      </div>
    </section>
  );
}
