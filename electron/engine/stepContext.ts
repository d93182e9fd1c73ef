import type { ErpNextClient } from '../erpnext/client';
import type { NewEffect } from '../store';
import type { ShopConfig } from '../../shared/shop/schema';
import type { StepId } from '../../shared/steps/catalog';
import type { StepEffects, StepOutputs } from './outputs';
import type { SiteReads } from './reads/siteReads';

/** Everything a step body may use. Steps never touch the store or the machine directly. */
export interface StepContext {
  stepId: StepId;
  correlationId: string;
  shop: ShopConfig;
  /** The company abbreviation this run uses (given, or derived like ERPNext does). */
  abbr: string;
  client: ErpNextClient;
  /** The run's reads of the site: each asked once, kept true by the run's own writes. */
  reads: SiteReads;
  signal: AbortSignal;
  /** Output of an earlier step this one depends on; throws if it is missing (a catalog bug). */
  output<K extends StepId>(stepId: K): StepOutputs[K];
  /** Output of an earlier step that may have been skipped or failed. */
  maybeOutput<K extends StepId>(stepId: K): StepOutputs[K] | undefined;
  /** The current action, shown next to the step ("Creating warehouse POS Store…"). */
  action(label: string): void;
  log: StepLog;
  effects: StepEffects;
  /** The shop's persisted record of what runs did on the site (created / adopted / changed): undo reads it. */
  ledger: EffectLedger;
  /** Today's date and the current time as ERPNext's site sees them (site time zone). */
  siteNow(): { date: string; datetime: string };
  /** Creates sent but not confirmed (persisted): see ensureRecord. */
  writes: WriteJournal;
  /** How long ERPNext may keep working on one request (and so still commit it) after we stopped waiting. */
  serverTimeoutMs: number;
}

/** The shop's journal of creates whose outcome is unknown, kept in SQLite across retries and crashes. */
export interface WriteJournal {
  /** When an unconfirmed create of `what` was sent (ms since epoch), or null. */
  pending(what: string): number | null;
  /** Recorded before the request leaves. */
  sending(what: string): void;
  /** The record was seen, or ERPNext answered: nothing pending any more. */
  settled(what: string): void;
}

/** Writes the shop's effects record (SQLite, under the run lock); recording a record again is harmless. */
export interface EffectLedger {
  record(effect: NewEffect): void;
}

export interface StepLog {
  debug(message: string, data?: Record<string, unknown>): void;
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
}

export type StepBody<K extends StepId> = (ctx: StepContext) => Promise<StepOutputs[K]>;

/** Building a formatter costs milliseconds; a run asks the site's clock often. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** "YYYY-MM-DD" and "YYYY-MM-DD HH:mm:ss" in a time zone (ERPNext interprets datetimes in the site's zone). */
export function clockIn(timeZone: string | null, now: Date = new Date()): { date: string; datetime: string } {
  const zone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = formatterFor(zone).formatToParts(now);
  } catch {
    return clockIn('UTC', now);
  }
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  const date = `${get('year')}-${get('month')}-${get('day')}`;
  return { date, datetime: `${date} ${get('hour')}:${get('minute')}:${get('second')}` };
}
