import type { LogEntry, LogQuery } from '../../shared/model';
import { LOG_LEVELS, LogLevel } from '../../shared/status';
import type { StepId } from '../../shared/steps/catalog';

export interface LogFilters {
  /** Minimum level. */
  level: LogLevel;
  /** One run of the shop, or null for all of them. */
  runId: string | null;
  stepId: StepId | null;
  correlationId: string;
  search: string;
}

export const NO_FILTERS: LogFilters = { level: LogLevel.Debug, runId: null, stepId: null, correlationId: '', search: '' };

export const isFiltered = (filters: LogFilters) => filters.level !== LogLevel.Debug || Boolean(filters.runId || filters.stepId || filters.correlationId.trim() || filters.search.trim());

/** A correlation id filter finds the id itself and the ids it prefixes ("s8-1a2b" finds its requests "s8-1a2b.3"), as main does. */
export const matchesCorrelation = (entryId: string | null, wanted: string) => entryId === wanted || Boolean(entryId?.startsWith(`${wanted}.`));

/** The server-side filters for a shop's log (electron/store/logs.ts `where`). */
export function logQuery(shopId: string, filters: LogFilters): LogQuery {
  const query: LogQuery = { shopId };
  if (filters.level !== LogLevel.Debug) query.level = filters.level;
  if (filters.runId) query.runId = filters.runId;
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
  if (query.runId && entry.runId !== query.runId) return false;
  if (query.correlationId && !matchesCorrelation(entry.correlationId, query.correlationId)) return false;
  if (query.search) {
    const needle = query.search.toLowerCase();
    const haystack = `${entry.message}\n${entry.data ? JSON.stringify(entry.data) : ''}`.toLowerCase();
    if (!haystack.includes(needle)) return false;
  }
  return true;
}
