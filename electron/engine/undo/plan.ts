import type { ShopEffect } from '../../store';
import type { UndoAction } from '../../../shared/undo';

/**
 * Reverse dependency order: a record goes before what it links to (the session before its profile,
 * the profile before its warehouse and customer, items before their group, everything before the
 * company, the company before site-wide masters). Field restores come before the records the restored
 * values stop pointing at are removed (Company.default_bank_account → the card account).
 */
const ORDER: readonly string[] = [
  'POS Opening Entry',
  'POS Payment Method',
  'POS Profile User',
  'POS Profile',
  'Mode of Payment Account',
  'Stock Entry',
  // ERPNext's transaction deletion of our company: after our stock is cancelled, before items and warehouses
  'Transaction Deletion Record',
  'Item Price',
  'Item',
  'Item Group',
  'Customer',
  'Fiscal Year Company',
  'DefaultValue',
  'restore',
  'Account',
  'Warehouse',
  'Company',
  'Price List',
  'Mode of Payment',
  'Fiscal Year',
  'UOM',
  'Customer Group',
  'Territory',
];

/**
 * Records every shop of a site may use: another company's POS Profile, another shop's items. When
 * ERPNext refuses to remove one because something links to it, it is kept (said so), not a failure.
 */
export const SITE_WIDE = new Set(['Price List', 'Mode of Payment', 'Fiscal Year', 'UOM', 'Customer Group', 'Territory', 'Item Group']);

/** An account of a company we made is linked from the company's defaults: ERPNext removes it with the company. */
export const WITH_THE_COMPANY = 'goes with the company';

const rank = (action: UndoAction) => {
  if (action.note === WITH_THE_COMPANY) return ORDER.indexOf('Company') + 0.5;
  const at = ORDER.indexOf(action.kind === 'restore' ? 'restore' : action.doctype);
  return at < 0 ? ORDER.length : at;
};

export interface PlanInput {
  pending: ShopEffect[];
  /** Other shops of the site that recorded this record: it is kept for them. */
  sharedWith(doctype: string, name: string): string[];
  /** Records ERPNext made for ours (an item's opening stock entry and price), found by looking. */
  generated: UndoAction[];
}

export interface UndoPlan {
  actions: UndoAction[];
  /** Changes to records undo removes anyway: nothing to restore, done with the record. */
  obsolete: ShopEffect[];
}

const key = (doctype: string, name: string) => `${doctype}\u0000${name}`;

function actionFor(effect: ShopEffect, input: PlanInput): UndoAction {
  const base = { effectId: effect.id, doctype: effect.doctype, name: effect.name, ...(effect.parent ? { parent: effect.parent } : {}) };
  if (effect.kind === 'changed') return { ...base, kind: 'restore', field: effect.field, before: effect.before, after: effect.after };
  const sharers = effect.parent ? [] : input.sharedWith(effect.doctype, effect.name);
  if (sharers.length) return { ...base, kind: 'keep', note: `also used by ${sharers.map((s) => `shop "${s}"`).join(', ')} of this site` };
  return { ...base, kind: effect.parent ? 'remove-row' : 'remove', ...(effect.kind === 'created' && effect.after ? { after: effect.after } : {}) };
}

/** What undo does, in order, for the effects not undone yet. Adopted records are never in it. */
export function planUndo(input: PlanInput): UndoPlan {
  const created = new Set(input.pending.filter((e) => e.kind === 'created' && !e.parent).map((e) => key(e.doctype, e.name)));
  const ourCompany = input.pending.some((e) => e.kind === 'created' && e.doctype === 'Company');
  const obsolete: ShopEffect[] = [];
  const actions: { action: UndoAction; order: number }[] = [];
  for (const effect of input.pending) {
    if (effect.kind === 'adopted') continue;
    // A field we filled on a record we made (the new company's defaults) goes with the record.
    // Not on a site-wide record: that one may be kept (shared, linked), and our row or value must not stay.
    const holder = effect.parent ?? effect;
    const onOurs = !SITE_WIDE.has(holder.doctype) && created.has(key(holder.doctype, holder.name));
    if ((effect.kind === 'changed' || effect.parent) && onOurs) {
      obsolete.push(effect);
      continue;
    }
    const action = actionFor(effect, input);
    if (action.kind === 'remove' && effect.doctype === 'Account' && ourCompany) action.note = WITH_THE_COMPANY;
    actions.push({ action, order: effect.id });
  }
  // ERPNext's own records for ours go just before them (same rank, first).
  for (const action of input.generated) actions.push({ action, order: Number.MAX_SAFE_INTEGER });
  // Within one kind of record, the latest made goes first (a demo group before the root group it hangs on).
  actions.sort((a, b) => rank(a.action) - rank(b.action) || b.order - a.order);
  return { actions: actions.map((a) => a.action), obsolete };
}
