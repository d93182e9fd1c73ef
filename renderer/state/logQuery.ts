import type { LogEntry, LogQuery } from '../../shared/model';
import { LOG_LEVELS, LogLevel } from '../../shared/status';
import type { StepId } from '../../shared/steps/catalog';

export interface LogFilters {
  /** Minimum level. */
  level: LogLevel;
  stepId: StepId | null;
  correlationId: string;
  search: string;
}

export const NO_FILTERS: LogFilters = { level: LogLevel.Debug, stepId: null, correlationId: '', search: '' };

/** The server-side filters for a shop's log (electron/store/logs.ts `where`). */
export function logQuery(shopId: string, filters: LogFilters): LogQuery {
  const query: LogQuery = { shopId };
  if (filters.level !== LogLevel.Debug) query.level = filters.level;
  if (filters.stepId) query.stepId = filters.stepId;
  if (filters.correlationId.trim()) query.correlationId = filters.correlationId.trim();
  if (filters.search.trim()) query.search = filters.search.trim();
  return query;
}

/**
 * The same filters in the page, for pushed entries: does this batch hold anything the list shows?
 * It errs towards yes (SQLite's LIKE folds ASCII case only, this folds all): a wrong yes costs one query.
 */
export function matchesFilters(entry: Omit<LogEntry, 'id'>, shopId: string, filters: LogFilters): boolean {
  const query = logQuery(shopId, filters);
  if (entry.shopId !== shopId) return false;
  if (query.level && LOG_LEVELS.indexOf(entry.level) < LOG_LEVELS.indexOf(query.level)) return false;
  if (query.stepId && entry.stepId !== query.stepId) return false;
  if (query.correlationId && entry.correlationId !== query.correlationId) return false;
  if (query.search) {
    const needle = query.search.toLowerCase();
    const haystack = `${entry.message}\n${entry.data ? JSON.stringify(entry.data) : ''}`.toLowerCase();
    if (!haystack.includes(needle)) return false;
  }
  return true;
}
