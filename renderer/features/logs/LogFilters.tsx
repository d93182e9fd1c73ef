import { useCallback } from 'react';
import { LOG_LEVELS, type LogLevel } from '../../../shared/status';
import { STEP_CATALOG, type StepId, isStepId } from '../../../shared/steps/catalog';
import type { LogFilters as Filters } from '../../state/logQuery';
import { useDebouncedText } from './useDebounced';

const LEVEL_LABEL: Record<LogLevel, string> = { debug: 'Everything (debug and up)', info: 'Info and up', warn: 'Warnings and errors', error: 'Errors only' };

/** Minimum level, step, correlation id and text search: all applied in main's query. */
export function LogFilters({ filters, onChange }: { filters: Filters; onChange(patch: Partial<Filters>): void }) {
  const [search, setSearch] = useDebouncedText(filters.search, useCallback((text: string) => onChange({ search: text }), [onChange]));
  const [correlation, setCorrelation] = useDebouncedText(filters.correlationId, useCallback((text: string) => onChange({ correlationId: text }), [onChange]));
  const filtered = filters.level !== 'debug' || filters.stepId || filters.correlationId || filters.search;
  return (
    <form className="log-filters" role="search" aria-label="Filter the log" onSubmit={(event) => event.preventDefault()}>
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
      <button type="button" className="button-quiet" disabled={!filtered} onClick={() => onChange({ level: 'debug', stepId: null, correlationId: '', search: '' })} data-testid="clear-filters">
        Clear filters
      </button>
    </form>
  );
}
