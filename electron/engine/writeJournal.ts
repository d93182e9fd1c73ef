import type { LockFence, Store } from '../store';
import type { EffectLedger, WriteJournal } from './stepContext';

/**
 * The shop's journal of creates sent without an answer yet, kept in SQLite (so a retry, a resume or a
 * restarted process still knows), written only by the holder of the shop's run lock.
 */
export function storeJournal(store: Store, shopId: string, fence: () => LockFence, context: () => { runId: string; stepId: string }): WriteJournal {
  return {
    pending: (what) => {
      const intent = store.writeIntents.get(shopId, what);
      return intent ? Date.parse(intent.sentAt) : null;
    },
    sending: (what) => void store.writeIntents.sending(fence(), what, context()),
    settled: (what) => store.writeIntents.settled(fence(), what),
  };
}

/** The shop's effects record in SQLite (see EffectsRepository: a fact about the site, kept even after a takeover). */
export function storeLedger(store: Store, shopId: string, context: () => { runId: string; stepId: string }): EffectLedger {
  return { record: (effect) => store.effects.record(shopId, effect, context()) };
}
