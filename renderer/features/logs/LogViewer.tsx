import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { LogEntry } from '../../../shared/model';
import { announce } from '../../state/announcer';
import { type LogFilters as Filters, NO_FILTERS, isFiltered } from '../../state/logQuery';
import { followLogEntries, useLogs } from '../../state/logs';
import { ErrorNotice } from '../ui/ErrorNotice';
import { formatCount } from '../ui/format';
import { CopyFallbackDialog } from './CopyFallbackDialog';
import { LiveTailButton } from './LiveTailButton';
import { LogEntryDetail } from './LogEntryDetail';
import { LogFilters } from './LogFilters';
import { LogRow } from './LogRow';
import { VirtualList } from './VirtualList';
import { copyText } from './copyText';
import { entryText } from './logText';
import { useShopRuns } from './useShopRuns';

const ROW_HEIGHT = 32;

/**
 * The shop's log: filtered in main, paged with afterId/beforeId, newest page first, older pages as
 * you scroll up, new entries appended as main pushes them (live tail).
 */
export function LogViewer({ shopId, initialFilters, actions }: { shopId: string; initialFilters?: Partial<Filters>; actions?: ReactNode }) {
  const { entries, total, loading, error, filters } = useLogs(useShallow(({ entries, total, loading, error, filters }) => ({ entries, total, loading, error, filters })));
  const { open, close, setFilters, loadOlder } = useLogs(useShallow(({ open, close, setFilters, loadOlder }) => ({ open, close, setFilters, loadOlder })));
  const [live, setLive] = useState(true);
  const [selected, setSelected] = useState<LogEntry | null>(null);
  const [copyStatus, setCopyStatus] = useState('');
  const [fallbackText, setFallbackText] = useState<string | null>(null);

  const runs = useShopRuns(shopId);
  // The filters a link brought apply once, when the viewer opens; the installer changes them from there.
  const [linked] = useState(initialFilters);
  useEffect(() => {
    open(shopId, linked);
    const stop = followLogEntries();
    return () => {
      stop();
      close();
    };
  }, [open, close, shopId, linked]);

  const firstLoaded = total - entries.length;
  const onRange = useCallback((first: number) => void (first < firstLoaded && loadOlder(first)), [firstLoaded, loadOlder]);
  const changeFilters = useCallback(
    (patch: Parameters<typeof setFilters>[0]) => {
      setLive(true);
      setSelected(null);
      setFilters(patch);
    },
    [setFilters],
  );
  const copy = useCallback(async (entry: LogEntry) => {
    const text = entryText(entry);
    if (await copyText(text)) {
      setCopyStatus(`Entry ${entry.id} copied to the clipboard.`);
      announce(`Entry ${entry.id} copied.`);
    } else setFallbackText(text);
  }, []);
  const showCorrelation = useCallback((correlationId: string) => changeFilters({ correlationId }), [changeFilters]);
  const renderRow = (index: number) => {
    const entry = index >= firstLoaded ? entries[index - firstLoaded] : undefined;
    return <LogRow entry={entry} selected={entry !== undefined && entry.id === selected?.id} onSelect={setSelected} onCorrelation={showCorrelation} onCopy={copy} />;
  };

  return (
    <section className="log-viewer" aria-labelledby="log-heading">
      <h2 id="log-heading">Log entries</h2>
      <LogFilters filters={filters} runs={runs} onChange={changeFilters} />
      <div className="log-toolbar">
        <p className="log-count" data-testid="log-count" data-count={loading ? undefined : total}>
          {loading ? 'Loading…' : `${formatCount(total)} ${total === 1 ? 'entry' : 'entries'}`}
        </p>
        <LiveTailButton live={live} onChange={setLive} />
        <p className="copy-status" role="status" data-testid="copy-status">
          {copyStatus}
        </p>
        <div className="log-actions">{actions}</div>
      </div>
      {error && <ErrorNotice problem={error} title="The log could not be read" />}
      {!loading && total === 0 && !error && (
        <p className="empty" data-testid="log-empty">
          {isFiltered(filters) ? (
            <>
              No entries match these filters.{' '}
              <button type="button" className="link-button" onClick={() => changeFilters(NO_FILTERS)}>
                Clear filters
              </button>{' '}
              to see the whole log.
            </>
          ) : (
            'The log is empty. Entries appear here as soon as a run starts.'
          )}
        </p>
      )}
      <VirtualList count={total} rowHeight={ROW_HEIGHT} follow={live} onFollowChange={setLive} onRange={onRange} renderRow={renderRow} label="Log entries" testId="log-list" />
      {selected && <LogEntryDetail entry={selected} onCopy={(e) => void copy(e)} onClose={() => setSelected(null)} />}
      <CopyFallbackDialog text={fallbackText} onClose={() => setFallbackText(null)} />
    </section>
  );
}
