import { useEffect, useRef } from 'react';
import type { LogEntry } from '../../../shared/model';
import { formatTime } from '../ui/format';
import { dateTime, stepTitle } from './logText';

/**
 * The selected entry in full (the list shows one truncated line each). It opens below the list, so it
 * takes focus and scrolls into view: a keyboard or screen-reader user lands on it, a mouse user sees it.
 */
export function LogEntryDetail({ entry, onCopy, onClose }: { entry: LogEntry; onCopy(entry: LogEntry): void; onClose(): void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
    heading.current?.closest('section')?.scrollIntoView({ block: 'nearest' });
  }, [entry.id]);
  return (
    <section className="panel log-detail" aria-labelledby="log-detail-heading" data-testid="log-detail">
      <h2 id="log-detail-heading" ref={heading} tabIndex={-1}>
        Entry {entry.id}
      </h2>
      <dl className="facts">
        <dt>Time</dt>
        <dd>
          {dateTime(entry.time)} <span className="muted">({formatTime(entry.time)})</span>
        </dd>
        <dt>Level</dt>
        <dd>{entry.level}</dd>
        <dt>Step</dt>
        <dd>{stepTitle(entry.stepId)}</dd>
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
