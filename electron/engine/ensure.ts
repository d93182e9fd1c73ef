import { ErpNextError } from '../erpnext/errors';
import { sleep } from '../erpnext/retry';
import type { StepContext } from './stepContext';

export interface EnsureSpec<T> {
  /** How the record is named in logs and the summary, e.g. `Warehouse "POS Store - CC"`. */
  what: string;
  /** Looks the record up by its natural key; null when it does not exist. */
  find: () => Promise<T | null>;
  create: () => Promise<T>;
}

const MAX_ROUNDS = 5;

/**
 * The idempotency rule of every step: look, and create only what is missing. If the create's answer
 * is lost (timeout, dropped connection) ERPNext may have committed it, so we look again before
 * resending; a "duplicate" answer means someone (or our lost first attempt) created it: adopt it.
 */
export async function ensureRecord<T>(ctx: StepContext, spec: EnsureSpec<T>): Promise<{ record: T; created: boolean }> {
  let lastError: unknown;
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    const existing = await spec.find();
    if (existing) {
      ctx.effects.adopted.push(spec.what);
      ctx.log.info(`${spec.what} already exists: adopted`);
      return { record: existing, created: false };
    }
    ctx.action(`Creating ${spec.what}`);
    try {
      const record = await spec.create();
      ctx.effects.created.push(spec.what);
      ctx.log.info(`${spec.what} created`);
      return { record, created: true };
    } catch (error) {
      if (!(error instanceof ErpNextError)) throw error;
      lastError = error;
      if (error.alreadyExists) {
        ctx.log.info(`${spec.what} was created meanwhile (duplicate answer): looking it up`);
        continue;
      }
      if (!error.transient) throw error;
      ctx.log.warn(`${spec.what}: no answer (${error.code}); checking what ERPNext saved before trying again`, { round });
      await sleep(Math.min(500 * 2 ** (round - 1), 8_000), ctx.signal);
    }
  }
  throw lastError;
}

/** Records a change to an existing record in the summary and the log. */
export function noteChange(ctx: StepContext, what: string, detail?: Record<string, unknown>): void {
  ctx.effects.changed.push(what);
  ctx.log.info(`${what} updated`, detail);
}

/** A step-level failure with our own wording (e.g. a conflict we detected by reading). */
export function stepFailure(message: string, hint: string, serverMessage?: string): ErpNextError {
  return new ErpNextError({ code: 'validation_failed', message, hint, serverMessage });
}
