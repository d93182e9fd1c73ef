import { memo } from 'react';
import type { LogEntry } from '../../../shared/model';
import { dateTime, stepTitle } from './logText';

interface LogRowProps {
  entry: LogEntry | undefined;
  selected: boolean;
  onSelect(entry: LogEntry): void;
  onCorrelation(correlationId: string): void;
  onCopy(entry: LogEntry): void;
}

/** One fixed-height log line; a placeholder while its page loads. */
export const LogRow = memo(function LogRow({ entry, selected, onSelect, onCorrelation, onCopy }: LogRowProps) {
  if (!entry) return <div className="log-row log-row-loading">Loading…</div>;
  return (
    <div className={`log-row level-${entry.level}${selected ? ' log-row-selected' : ''}`} data-testid="log-row" data-id={entry.id}>
      <span className="log-time">{dateTime(entry.time)}</span>
      <span className="log-level">{entry.level.toUpperCase()}</span>
      <span className="log-step">{stepTitle(entry.stepId)}</span>
      {entry.correlationId ? (
        <button type="button" className="log-correlation" onClick={() => onCorrelation(entry.correlationId!)} title="Show only this request" data-testid="log-correlation">
          <span className="visually-hidden">Filter by correlation id </span>
          {entry.correlationId}
        </button>
      ) : (
        <span className="log-correlation" />
      )}
      <button type="button" className="log-message" onClick={() => onSelect(entry)} aria-pressed={selected} title={entry.message}>
        {entry.message}
      </button>
      <button type="button" className="log-copy" onClick={() => onCopy(entry)} aria-label={`Copy entry ${entry.id}`} data-testid="log-copy">
        Copy
      </button>
    </div>
  );
});
