import { ErpNextError } from '../erpnext/errors';
import { Backoff, sleep } from '../erpnext/retry';
import type { EffectTarget } from '../store';
import type { StepContext } from './stepContext';

export interface EnsureSpec<T> {
  /** How the record is named in logs and the summary, e.g. `Warehouse "POS Store - CC"`. */
  what: string;
  /**
   * What the run's reads already say (the plan): the first look, unless an earlier attempt's create may
   * still be pending. Every later look (after a lost answer, an "already exists") calls `find`.
   */
  known?: T | null;
  /** Looks the record up by its natural key, on the site as it is now; null when it does not exist. */
  find: () => Promise<T | null>;
  create: () => Promise<T>;
  /** Which record (or child row) on the site this is, for the shop's effects record (undo reads it). */
  target: (record: T) => EffectTarget;
}

/** A create is sent at most this often; between sends, the server must have had time to give up. */
const MAX_SENDS = 3;
/** Looking again for a record whose create got no answer: soon at first, then every few seconds. */
const LOOK_AGAIN = { baseDelayMs: 250, maxDelayMs: 5_000, maxAttempts: Number.POSITIVE_INFINITY };

function adopt<T>(ctx: StepContext, spec: EnsureSpec<T>, record: T, why: string): { record: T; created: false } {
  ctx.effects.adopted.push(spec.what);
  ctx.ledger.record({ kind: 'adopted', ...spec.target(record) });
  ctx.log.info(`${spec.what} ${why}: adopted`);
  return { record, created: false };
}

/**
 * Ours, also when only found after a lost answer: undo removes it. (Shown as adopted in the summary,
 * as before: the installer saw no create succeed.)
 */
function ours<T>(ctx: StepContext, spec: EnsureSpec<T>, record: T, why: string): { record: T; created: false } {
  ctx.effects.adopted.push(spec.what);
  ctx.ledger.record({ kind: 'created', ...spec.target(record) });
  ctx.log.info(`${spec.what} ${why}: adopted`);
  return { record, created: false };
}

/**
 * A create whose answer never came may still be committed by ERPNext for as long as the server keeps
 * working on requests (its request timeout): until then, look for the record instead of sending it
 * again. Returns the record once seen, or null when the server can no longer be saving it.
 */
async function lookForLateCommit<T>(ctx: StepContext, spec: EnsureSpec<T>, sentAt: number): Promise<T | null> {
  const deadline = sentAt + ctx.serverTimeoutMs;
  const backoff = new Backoff({ ...LOOK_AGAIN, maxTotalMs: ctx.serverTimeoutMs }, { startedAt: sentAt });
  ctx.log.warn(`${spec.what}: ERPNext has not answered; it may still save it until ${new Date(deadline).toISOString()}, so we look for it instead of sending it again`, { serverTimeoutMs: ctx.serverTimeoutMs });
  for (;;) {
    const found = await spec.find();
    if (found) {
      ctx.writes.settled(spec.what);
      return found;
    }
    const left = deadline - Date.now();
    if (left <= 0) {
      ctx.writes.settled(spec.what);
      ctx.log.info(`${spec.what}: not saved by ERPNext within its request timeout; sending it again is safe`);
      return null;
    }
    ctx.action(`ERPNext has not answered; checking whether it saved ${spec.what}… ${Math.round((Date.now() - sentAt) / 1000)} s`);
    await sleep(Math.min(backoff.next() ?? left, left), ctx.signal);
  }
}

/**
 * The idempotency rule of every step: look, and create only what is missing. A create whose answer is
 * lost (timeout, dropped connection, gateway error) may be committed by ERPNext, even later: it is
 * never resent while the first request could still commit — a journal in SQLite remembers it across
 * retries and crashes. Any "already exists" answer means someone (or our lost attempt) created it: adopt.
 */
export async function ensureRecord<T>(ctx: StepContext, spec: EnsureSpec<T>): Promise<{ record: T; created: boolean }> {
  const pending = ctx.writes.pending(spec.what);
  if (pending !== null) {
    const late = await lookForLateCommit(ctx, spec, pending);
    if (late) return ours(ctx, spec, late, 'was saved by an earlier attempt whose answer was lost');
  }
  for (let send = 1; ; send++) {
    const existing = send === 1 && pending === null && spec.known !== undefined ? spec.known : await spec.find();
    if (existing) return adopt(ctx, spec, existing, 'already exists');
    ctx.action(`Creating ${spec.what}`);
    const sentAt = Date.now();
    ctx.writes.sending(spec.what);
    try {
      const record = await spec.create();
      // Recorded before the intent is settled: a crash in between leaves the intent, and the next attempt
      // finds the record as ours (never as adopted, which undo would leave behind).
      ctx.ledger.record({ kind: 'created', ...spec.target(record) });
      ctx.writes.settled(spec.what);
      ctx.effects.created.push(spec.what);
      ctx.log.info(`${spec.what} created`);
      return { record, created: true };
    } catch (error) {
      if (!(error instanceof ErpNextError)) throw error;
      if (error.alreadyExists) {
        ctx.writes.settled(spec.what);
        if (send >= MAX_SENDS) throw existsButNotFound(spec.what, error);
        ctx.log.info(`${spec.what} was created meanwhile (ERPNext says it exists): looking it up`);
        continue;
      }
      // ERPNext answered with an error: it rolled the request back, nothing was saved.
      if (!error.outcomeUnknown) {
        ctx.writes.settled(spec.what);
        throw error;
      }
      const late = await lookForLateCommit(ctx, spec, sentAt);
      if (late) return ours(ctx, spec, late, 'was saved by ERPNext although its answer was lost');
      if (send >= MAX_SENDS) throw error;
    }
  }
}

function existsButNotFound(what: string, cause: ErpNextError): ErpNextError {
  return new ErpNextError({
    code: 'validation_failed',
    message: `ERPNext says ${what} already exists, but it cannot be found the way the shop looks for it.`,
    hint: 'Another record probably uses the same name. Look for it in ERPNext and rename or remove it, then continue.',
    serverMessage: cause.serverMessage,
    excType: cause.excType,
    status: cause.status,
    method: cause.method,
    path: cause.path,
  });
}

/**
 * A record the run's reads found and uses as it is: recorded as adopted (undo never removes it; another
 * shop that adopted what this one created keeps it alive at this one's undo).
 */
export function noteAdopted(ctx: StepContext, doctype: string, name: string): void {
  ctx.ledger.record({ kind: 'adopted', doctype, name });
}

/** A field we changed on a record, with its value before (undo restores it where ERPNext allows). */
export interface FieldChange {
  doctype: string;
  name: string;
  field: string;
  before: unknown;
  after: unknown;
}

/** Records a change to an existing record in the summary, the log and the shop's effects record. */
export function noteChange(ctx: StepContext, what: string, detail?: Record<string, unknown>, fields: readonly FieldChange[] = []): void {
  ctx.effects.changed.push(what);
  for (const change of fields) ctx.ledger.record({ kind: 'changed', ...change });
  ctx.log.info(`${what} updated`, detail);
}

/** A step-level failure with our own wording (e.g. a conflict we detected by reading). */
export function stepFailure(message: string, hint: string, serverMessage?: string): ErpNextError {
  return new ErpNextError({ code: 'validation_failed', message, hint, serverMessage });
}
