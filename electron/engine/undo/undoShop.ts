import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { ErpNextClient } from '../../erpnext/client';
import { ErpNextError } from '../../erpnext/errors';
import type { Logger } from '../../logging/logger';
import type { Redactor } from '../../logging/redact';
import type { ShopEffect, Store } from '../../store';
import type { ShopRecord } from '../../../shared/model';
import { type UndoAction, type UndoPreview, type UndoResult, type UndoStepResult, describeRecord, describeUndoAction } from '../../../shared/undo';
import { RunLockedError, ShopLock } from '../shopLock';
import { SiteLease } from '../siteLease';
import { describeFailure } from '../stepExecutor';
import { applyUndoAction } from './apply';
import { type UndoPlan, planUndo } from './plan';
import { surveySite } from './survey';
import { TransactionDeletionError } from './transactionDeletion';

export interface UndoDeps {
  store: Store;
  shop: ShopRecord;
  /** A client of its own: undo adds its lock check to the client's write guards. */
  client: ErpNextClient;
  logger: Logger;
  redact: Redactor;
  heartbeatMs?: number;
  /** The claim on the shop kept on the ERPNext site (another computer running it); false to do without. */
  siteLease?: boolean;
  onStep?: (step: UndoStepResult, done: number, total: number) => void;
  /** Waiting for ERPNext's Transaction Deletion Record of our company (a background job in ERPNext). */
  transactionDeletion?: { pollMs?: number; timeoutMs?: number };
}

async function planFor(deps: UndoDeps): Promise<{ plan: UndoPlan; blockers: UndoPreview['blockers'] }> {
  const pending = deps.store.effects.pending(deps.shop.id);
  const survey = await surveySite(deps.client, pending);
  const plan = planUndo({ pending, sharedWith: (doctype, name) => deps.store.effects.sharedWith(deps.shop.id, doctype, name), generated: survey.generated });
  return { plan, blockers: survey.blockers };
}

/** What undo would remove and restore, and whether it would refuse. Only reads. */
export async function previewUndo(deps: UndoDeps): Promise<UndoPreview> {
  const { plan, blockers } = await planFor(deps);
  const all = deps.store.effects.list(deps.shop.id);
  // Adopted by a later run of this shop what an earlier one created is still ours: not listed as kept.
  const key = (e: ShopEffect) => describeRecord(e);
  const ours = new Set(all.filter((e) => e.kind === 'created').map(key));
  const adopted = all.filter((e) => e.kind === 'adopted' && !ours.has(key(e))).map((e) => ({ doctype: e.doctype, name: e.name, ...(e.parent ? { parent: e.parent } : {}) }));
  // An earlier undo that stopped (refused by ERPNext, or the process died) left some effects undone.
  const resuming = plan.actions.length > 0 && all.some((e) => e.kind !== 'adopted' && e.undoneAt !== null);
  return deps.redact({ shopName: deps.shop.name, company: deps.shop.config.company.name, actions: plan.actions, adopted, blockers, resuming }) as UndoPreview;
}

/** The installer's words for where undo stopped, from what ERPNext refused. */
function stoppedHint(action: UndoAction, error: unknown): string {
  const server = error instanceof ErpNextError ? (error.serverMessage ?? '') : '';
  if (error instanceof TransactionDeletionError) return error.hint;
  if (action.doctype === 'Stock Entry' || /Stock Ledger Entry/.test(server)) {
    // Only for a company that existed before this app (adopted): undo never deletes the transactions of a company it did not create.
    return 'ERPNext keeps a stock ledger for stock that was booked, also once cancelled, so it cannot delete the stock entries, items or warehouses. The company existed before this app, so undo does not delete its transactions: if the whole company may go, use "Delete Transactions" on it in ERPNext, then run undo again: it goes on from here.';
  }
  if (action.doctype === 'Company') return 'ERPNext refuses to delete a company while transactions or records still use it (named above). Remove those in ERPNext (or use "Delete Transactions" on the company), then run undo again: it goes on from here.';
  return 'Fix what ERPNext names above, then run undo again: what is done stays done, and it goes on from here.';
}

/**
 * Removes what this shop's runs created, in reverse dependency order, and restores what they changed —
 * under the shop's fenced lock, each step persisted (effects are marked undone one by one), so an
 * interrupted undo resumes where it stopped and a second one does nothing. Before any write it looks
 * for transactions of someone else on our records, and refuses with nothing removed when there are any.
 */
export async function runUndo(deps: UndoDeps): Promise<UndoResult> {
  const { store, shop, logger } = deps;
  const correlationId = `undo-${randomUUID().slice(0, 8)}`;
  const log = (level: 'info' | 'warn' | 'error', message: string, data?: Record<string, unknown>) => logger.log(level, message, { correlationId, data });
  const lock = new ShopLock(store, shop, deps.heartbeatMs ?? 10_000, () => log('warn', 'Another process took over this shop: undo stopped here'));
  const earlier = store.undoRuns.latest(shop.id);
  const undoId = earlier?.status === 'IN_PROGRESS' ? earlier.id : randomUUID();
  lock.acquire(undoId);
  // The same claim a run keeps on the site (same holder id): another computer running this shop stops undo.
  const lease = deps.siteLease === false ? null : new SiteLease(() => deps.client, { holderId: `${hostname()}/${shop.id}`, host: hostname(), shopName: shop.name }, logger);
  deps.client.transport.addWriteGuard(async () => {
    lock.check();
    await lease?.ensure();
  });
  const steps: UndoStepResult[] = [];
  const finish = (status: 'COMPLETED' | 'REFUSED' | 'FAILED', message: string, extra: Partial<UndoResult> = {}): UndoResult => {
    const outcome = deps.redact({ undoId, status, message, steps, blockers: [], ...extra }) as UndoResult;
    store.undoRuns.finish(lock.current, undoId, status, { message: outcome.message, hint: outcome.hint, blockers: outcome.blockers, steps: steps.length });
    log(status === 'COMPLETED' ? 'info' : 'warn', `Undo ${status.toLowerCase()}: ${outcome.message}`);
    return outcome;
  };
  try {
    if (earlier?.status === 'IN_PROGRESS') log('info', 'Operator: undo (going on from where the last undo stopped)');
    else {
      store.undoRuns.start(lock.current, undoId);
      log('info', 'Operator: undo (remove the shop from ERPNext)');
    }
    const { plan, blockers } = await planFor(deps);
    if (blockers.length) {
      return finish('REFUSED', `Nothing was removed: ${blockers.length} transaction${blockers.length > 1 ? 's' : ''} by someone else use${blockers.length > 1 ? '' : 's'} records of this shop.`, {
        blockers,
        hint: 'These are real transactions (sales, stock moves). Undo never removes them; cancel or delete them in ERPNext first if the shop really must go.',
      });
    }
    for (const effect of plan.obsolete) store.effects.markUndone(lock.current, effect.id, 'goes with its record');
    if (plan.actions.length === 0) return finish('COMPLETED', 'Nothing to undo: no record made by this app is left on the site.');
    for (const action of plan.actions) {
      let step: UndoStepResult;
      try {
        step = await applyUndoAction(deps.client, action, { ...deps.transactionDeletion, log: (message, data) => log('info', message, data) });
      } catch (error) {
        const info = error instanceof TransactionDeletionError ? { ...describeFailure(error), message: error.message, serverMessage: undefined, hint: error.hint } : describeFailure(error);
        steps.push({ action, outcome: 'failed', message: info.message });
        log('error', `${describeUndoAction(action)}: ${info.message}`, { ...info });
        if (error instanceof ErpNextError && error.code === 'shop_busy') {
          finish('FAILED', info.message, { hint: info.hint });
          throw new RunLockedError(shop.name, 'on another computer', info.hint);
        }
        return finish('FAILED', `Stopped at "${describeUndoAction(action)}": ${info.serverMessage ?? info.message}`, { hint: stoppedHint(action, error) });
      }
      if (action.effectId !== null) store.effects.markUndone(lock.current, action.effectId, step.message);
      steps.push(step);
      log(step.outcome === 'kept' ? 'warn' : 'info', step.message, { action: describeUndoAction(action) });
      deps.onStep?.(deps.redact(step) as UndoStepResult, steps.length, plan.actions.length);
    }
    // The shop no longer uses what it adopted: another shop's undo need not keep those records for it.
    for (const effect of store.effects.pending(shop.id).filter((e) => e.kind === 'adopted')) store.effects.markUndone(lock.current, effect.id, 'adopted: left as it was');
    const kept = steps.filter((s) => s.outcome === 'kept').length;
    return finish('COMPLETED', `Removed the shop from ERPNext: ${steps.filter((s) => s.outcome === 'done').length} done, ${steps.filter((s) => s.outcome === 'already-gone').length} already gone${kept ? `, ${kept} kept (see why)` : ''}.`);
  } finally {
    await lease?.release().catch(() => undefined);
    logger.flush();
    lock.release();
  }
}
