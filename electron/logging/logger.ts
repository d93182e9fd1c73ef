import type { LogEntry } from '../../shared/model';
import type { LogLevel } from '../../shared/status';
import type { StepId } from '../../shared/steps/catalog';
import type { NewLogEntry, Store } from '../store';
import { readablePaths } from './readablePaths';
import type { Redactor } from './redact';

export interface LogFields {
  stepId?: StepId | null;
  correlationId?: string | null;
  data?: Record<string, unknown> | null;
}

/** Receives entries once they are stored (with their ids), a batch at a time. */
export type LogListener = (entries: LogEntry[]) => void;

export interface LogScope {
  runId?: string | null;
  shopId?: string | null;
}

/**
 * Structured logs for one shop's runs. Entries are redacted here, at the sink, so nothing written to
 * SQLite or handed to a listener can hold a secret; they are written in batches (one transaction).
 * Request paths in messages are stored decoded (before redaction, so an escaped secret is caught too).
 */
export class Logger {
  private buffer: NewLogEntry[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly listeners = new Set<LogListener>();

  constructor(
    private readonly store: Store,
    private readonly redact: Redactor,
    /** Fixed, or read at each entry (a shop's logger follows its current run). */
    private readonly scope: LogScope | (() => LogScope) = {},
    private readonly flushMs = 100,
  ) {}

  log(level: LogLevel, message: string, fields: LogFields = {}): void {
    const scope = typeof this.scope === 'function' ? this.scope() : this.scope;
    const entry = this.redact({
      runId: scope.runId ?? null,
      shopId: scope.shopId ?? null,
      time: new Date().toISOString(),
      level,
      stepId: fields.stepId ?? null,
      correlationId: fields.correlationId ?? null,
      message: readablePaths(message),
      data: fields.data ?? null,
    }) as NewLogEntry;
    this.buffer.push(entry);
    if (this.buffer.length >= 200) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.flushMs);
  }

  debug = (message: string, fields?: LogFields) => this.log('debug', message, fields);
  info = (message: string, fields?: LogFields) => this.log('info', message, fields);
  warn = (message: string, fields?: LogFields) => this.log('warn', message, fields);
  error = (message: string, fields?: LogFields) => this.log('error', message, fields);

  onStored(listener: LogListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Writes what is buffered now (before a state is persisted, and on exit). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.buffer.length === 0) return;
    const batch = this.buffer;
    this.buffer = [];
    // After the store closed (app quitting) there is nowhere to write them.
    if (!this.store.db.open) return;
    const stored = this.store.logs.append(batch);
    for (const listener of this.listeners) listener(stored);
  }
}

export type { LogEntry };
