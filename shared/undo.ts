/**
 * Undo ("Remove shop from ERPNext"): what it will do and what it did, shared by the engine, the CLI and
 * the window. Only records the shop's runs recorded as created are removed; adopted ones are never
 * touched; changed fields get their value from before back.
 */

/**
 * 'delete-transactions': ERPNext's own "Delete Transactions" of a company this app created (a Transaction
 * Deletion Record): the only way ERPNext lets go of the stock ledger of our cancelled opening stock.
 */
export type UndoActionKind = 'remove' | 'remove-row' | 'restore' | 'keep' | 'delete-transactions';

export interface UndoAction {
  /** The effect this undoes (null for a record ERPNext generated for one of ours, found when undo looks). */
  effectId: number | null;
  kind: UndoActionKind;
  doctype: string;
  name: string;
  /** A child row: the document holding it. */
  parent?: { doctype: string; name: string };
  field?: string;
  before?: unknown;
  after?: unknown;
  /** Why a record is kept, or how it goes ("made by ERPNext with Item X"). */
  note?: string;
  /**
   * A stock entry whose ledger ERPNext keeps once cancelled: undo cancels it, and the company's
   * Transaction Deletion Record (the next action) removes it with its ledger.
   */
  cancelOnly?: boolean;
}

/** A document made by someone else on one of our records: undo refuses while any exists. */
export interface ForeignTransaction {
  doctype: string;
  name: string;
  owner: string;
  /** Which of our records it uses ("Company Corner Cafe"). */
  uses: string;
  docstatus: number;
}

export interface UndoPreview {
  shopName: string;
  company: string;
  /** In the order undo carries them out (reverse dependency order). */
  actions: UndoAction[];
  /** Records adopted (existed before): never removed. */
  adopted: { doctype: string; name: string; parent?: { doctype: string; name: string } }[];
  /** Non-empty: undo refuses and removes nothing. */
  blockers: ForeignTransaction[];
  /** An earlier undo stopped here: this one goes on from there. */
  resuming: boolean;
}

export type UndoResultStatus = 'COMPLETED' | 'REFUSED' | 'FAILED' | 'NOTHING_TO_DO';

export interface UndoStepResult {
  action: UndoAction;
  outcome: 'done' | 'already-gone' | 'kept' | 'failed';
  message: string;
}

export interface UndoResult {
  undoId: string | null;
  status: UndoResultStatus;
  message: string;
  hint?: string;
  steps: UndoStepResult[];
  blockers: ForeignTransaction[];
}

export type UndoEvent = { type: 'undo.step'; shopId: string; step: UndoStepResult; done: number; total: number };

/** A record or child row in words: `Mode of Payment Account "Corner Cafe" of Mode of Payment "Cash"`. */
export const describeRecord = (r: { doctype: string; name: string; parent?: { doctype: string; name: string } }) => `${r.doctype} "${r.name}"${r.parent ? ` of ${r.parent.doctype} "${r.parent.name}"` : ''}`;

/** How an action reads, in installer words ("Remove POS Profile Corner Cafe POS"). */
export function describeUndoAction(action: UndoAction): string {
  const record = action.parent ? `${action.doctype} "${action.name}" of ${action.parent.doctype} "${action.parent.name}"` : `${action.doctype} "${action.name}"`;
  switch (action.kind) {
    case 'remove':
      return `${action.cancelOnly ? 'Cancel' : 'Remove'} ${record}${action.note ? ` (${action.note})` : ''}`;
    case 'delete-transactions':
      return `Delete the transactions of Company "${action.name}" (ERPNext's Transaction Deletion Record: ${action.note ?? 'the stock ledger ERPNext keeps'})`;
    case 'remove-row':
      return `Remove row ${record}`;
    case 'restore':
      return `Restore ${action.doctype} "${action.name}" ${action.field}: ${show(action.after)} → ${show(action.before)}`;
    case 'keep':
      return `Keep ${record}: ${action.note ?? 'shared'}`;
  }
}

const show = (value: unknown) => (value === null || value === undefined || value === '' ? '(empty)' : JSON.stringify(value));
