import { useCallback } from 'react';
import type { RunListItem } from '../../../shared/ipc/contract';
import { LOG_LEVELS, type LogLevel } from '../../../shared/status';
import { STEP_CATALOG, type StepId, isStepId } from '../../../shared/steps/catalog';
import { type LogFilters as Filters, NO_FILTERS, isFiltered } from '../../state/logQuery';
import { runLook } from '../ui/statusLook';
import { useDebouncedText } from './useDebounced';
import { dateTime } from './logText';

const LEVEL_LABEL: Record<LogLevel, string> = { debug: 'Everything (debug and up)', info: 'Info and up', warn: 'Warnings and errors', error: 'Errors only' };

/** "Run 2 · 2026-01-05 14:03 · POS ready": runs numbered from the first. */
function runLabel(run: RunListItem, number: number): string {
  return `Run ${number} · ${dateTime(run.startedAt ?? run.createdAt).slice(0, 16)} · ${runLook(run).label}`;
}

/** Run, minimum level, step, correlation id and text search: all applied in main's query. */
export function LogFilters({ filters, runs, onChange }: { filters: Filters; runs: RunListItem[]; onChange(patch: Partial<Filters>): void }) {
  const [search, setSearch] = useDebouncedText(filters.search, useCallback((text: string) => onChange({ search: text }), [onChange]));
  const [correlation, setCorrelation] = useDebouncedText(filters.correlationId, useCallback((text: string) => onChange({ correlationId: text }), [onChange]));
  const filtered = isFiltered(filters);
  // A run the link named but the list has not loaded yet stays selectable.
  const listed = !filters.runId || runs.some((run) => run.id === filters.runId);
  return (
    <form className="log-filters" role="search" aria-label="Filter the log" onSubmit={(event) => event.preventDefault()}>
      <div className="field">
        <label htmlFor="log-run">Run</label>
        <select id="log-run" value={filters.runId ?? ''} onChange={(e) => onChange({ runId: e.target.value || null })}>
          <option value="">All runs</option>
          {!listed && <option value={filters.runId!}>This run</option>}
          {runs.map((run, index) => (
            <option key={run.id} value={run.id}>
              {runLabel(run, runs.length - index)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="log-level">Level</label>
        <select id="log-level" value={filters.level} onChange={(e) => onChange({ level: e.target.value as LogLevel })}>
          {LOG_LEVELS.map((level) => (
            <option key={level} value={level}>
              {LEVEL_LABEL[level]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="log-step">Step</label>
        <select id="log-step" value={filters.stepId ?? ''} onChange={(e) => onChange({ stepId: isStepId(e.target.value) ? (e.target.value as StepId) : null })}>
          <option value="">All steps</option>
          {STEP_CATALOG.map((step) => (
            <option key={step.id} value={step.id}>
              {step.index + 1}. {step.title}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="log-correlation">Correlation id</label>
        <input id="log-correlation" type="text" spellCheck={false} value={correlation} onChange={(e) => setCorrelation(e.target.value)} placeholder="click one in the list" />
      </div>
      <div className="field field-grow">
        <label htmlFor="log-search">Search</label>
        <input id="log-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="words in the message or its data" />
      </div>
      <button type="button" className="button-quiet" disabled={!filtered} onClick={() => onChange(NO_FILTERS)} data-testid="clear-filters">
        Clear filters
      </button>
    </form>
  );
}
