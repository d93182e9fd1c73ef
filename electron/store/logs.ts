import type Database from 'better-sqlite3';
import type { LogEntry, LogQuery } from '../../shared/model';
import { LOG_LEVELS, type LogLevel } from '../../shared/status';
import type { StepId } from '../../shared/steps/catalog';
import { fromJson, toJson } from './json';

export type NewLogEntry = Omit<LogEntry, 'id'>;

interface LogRow {
  id: number;
  run_id: string | null;
  shop_id: string | null;
  time: string;
  level: LogLevel;
  step_id: StepId | null;
  correlation_id: string | null;
  message: string;
  data: string | null;
}

const toEntry = (row: LogRow): LogEntry => ({
  id: row.id,
  runId: row.run_id,
  shopId: row.shop_id,
  time: row.time,
  level: row.level,
  stepId: row.step_id,
  correlationId: row.correlation_id,
  message: row.message,
  data: fromJson<Record<string, unknown>>(row.data),
});

function where(query: LogQuery): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, ...values: unknown[]) => {
    clauses.push(clause);
    params.push(...values);
  };
  if (query.runId) add('run_id = ?', query.runId);
  if (query.shopId) add('shop_id = ?', query.shopId);
  if (query.stepId) add('step_id = ?', query.stepId);
  // A step attempt's id ("s8-1a2b3c4d") also finds its requests ("s8-1a2b3c4d.3"): a range on the
  // index rather than LIKE, which SQLite cannot serve from an index by default. '/' follows '.'.
  if (query.correlationId) add('(correlation_id = ? OR (correlation_id >= ? AND correlation_id < ?))', query.correlationId, `${query.correlationId}.`, `${query.correlationId}/`);
  if (query.level) {
    const levels = LOG_LEVELS.slice(LOG_LEVELS.indexOf(query.level));
    add(`level IN (${levels.map(() => '?').join(', ')})`, ...levels);
  }
  if (query.search) add("(message LIKE ? ESCAPE '\\' OR data LIKE ? ESCAPE '\\')", ...Array(2).fill(`%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  if (query.afterId !== undefined) add('id > ?', query.afterId);
  if (query.beforeId !== undefined) add('id < ?', query.beforeId);
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** JSON string literal; the common case (nothing to escape) without calling JSON.stringify. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what JSON must escape
const NEEDS_ESCAPE = /["\\\u0000-\u001f\u2028\u2029\ud800-\udfff]/;
function q(value: string | number | null): string {
  if (value === null) return 'null';
  if (typeof value === 'number') return String(value);
  return NEEDS_ESCAPE.test(value) ? JSON.stringify(value) : `"${value}"`;
}

export class LogsRepository {
  private readonly insert: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.insert = db.prepare('INSERT INTO logs (run_id, shop_id, time, level, step_id, correlation_id, message, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  }

  /** Many entries in one transaction (better-sqlite3 is synchronous: batching keeps the event loop free); returns them with their ids. */
  append(entries: readonly NewLogEntry[]): LogEntry[] {
    if (entries.length === 0) return [];
    return this.db.transaction(() =>
      entries.map((e) => ({ ...e, id: Number(this.insert.run(e.runId, e.shopId, e.time, e.level, e.stepId, e.correlationId, e.message, toJson(e.data)).lastInsertRowid) })),
    )();
  }

  /** Oldest first. With `beforeId` the page ends just before it (scrolling back); otherwise it starts after `afterId`. */
  list(query: LogQuery = {}): LogEntry[] {
    const { sql, params } = where(query);
    const limit = Math.min(Math.max(query.limit ?? 500, 1), 10_000);
    if (query.beforeId !== undefined) {
      const rows = this.db.prepare(`SELECT * FROM logs ${sql} ORDER BY id DESC LIMIT ?`).all(...params, limit) as LogRow[];
      return rows.reverse().map(toEntry);
    }
    return (this.db.prepare(`SELECT * FROM logs ${sql} ORDER BY id ASC LIMIT ?`).all(...params, limit) as LogRow[]).map(toEntry);
  }

  /**
   * A page of entries as JSON lines, each exactly `JSON.stringify` of what `list` gives: the stored `data`
   * is JSON already and goes in as it is, so an export of 100,000 entries parses nothing. Oldest first.
   */
  jsonLines(query: LogQuery = {}): { lastId: number | null; count: number; text: string } {
    const { sql, params } = where(query);
    const limit = Math.min(Math.max(query.limit ?? 500, 1), 10_000);
    // Rows as arrays (raw mode): no object per row.
    const rows = this.db
      .prepare(`SELECT id, run_id, shop_id, time, level, step_id, correlation_id, message, data FROM logs ${sql} ORDER BY id ASC LIMIT ?`)
      .raw(true)
      .all(...params, limit) as [number, string | null, string | null, string, string, string | null, string | null, string, string | null][];
    const lines = rows.map(([id, run, shop, time, level, step, correlation, message, data]) => `{"id":${id},"runId":${q(run)},"shopId":${q(shop)},"time":${q(time)},"level":${q(level)},"stepId":${q(step)},"correlationId":${q(correlation)},"message":${q(message)},"data":${data ?? 'null'}}`);
    return { lastId: rows.at(-1)?.[0] ?? null, count: rows.length, text: lines.join('\n') };
  }

  count(query: LogQuery = {}): number {
    const { sql, params } = where(query);
    return (this.db.prepare(`SELECT COUNT(*) AS n FROM logs ${sql}`).get(...params) as { n: number }).n;
  }
}
