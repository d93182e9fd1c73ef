import type { ErpNextClient } from '../../erpnext/client';
import { ErpNextError } from '../../erpnext/errors';
import type { Doc, Filters } from '../../erpnext/types';
import type { ShopEffect } from '../../store';
import type { ForeignTransaction, UndoAction } from '../../../shared/undo';
import { DELETION_DOCTYPE } from './transactionDeletion';

/** Our records undo would remove, by kind (what a transaction of someone else could use). */
interface Ours {
  company: string[];
  item: string[];
  customer: string[];
  profile: string[];
  warehouse: string[];
  opening: string[];
}

function oursFrom(pending: ShopEffect[]): Ours {
  const names = (doctype: string) => pending.filter((e) => e.kind === 'created' && !e.parent && e.doctype === doctype).map((e) => e.name);
  return { company: names('Company'), item: names('Item'), customer: names('Customer'), profile: names('POS Profile'), warehouse: names('Warehouse'), opening: names('POS Opening Entry') };
}

/** A list that is empty on a site without that doctype (a Sales Invoice on a site without ERPNext's selling, a test site). */
async function listOrNone(client: ErpNextClient, doctype: string, filters: Filters, fields: string[]): Promise<Doc[]> {
  try {
    return await client.listAll(doctype, { fields, filters });
  } catch (error) {
    if (error instanceof ErpNextError && (error.code === 'not_found' || error.excType === 'DoesNotExistError')) return [];
    throw error;
  }
}

const FIELDS = ['name', 'owner', 'docstatus'];

/** Transactions of a company (besides the POS and stock ones probed by their links) a person may have made. */
const COMPANY_TRANSACTIONS = ['Journal Entry', 'Payment Entry', 'Sales Order', 'Delivery Note', 'Purchase Order', 'Purchase Receipt', 'Purchase Invoice', 'Stock Reconciliation'];

interface Probe {
  doctype: string;
  filters: Filters;
  uses: string;
  fields?: string[];
}

/** Where transactions of someone else on our records would be: invoices, stock moves, closings. */
function probes(ours: Ours): Probe[] {
  const out: Probe[] = [];
  const add = (doctype: string, field: string, values: string[], label: string, child?: string) => {
    if (!values.length) return;
    const filters: Filters = child ? [[child, field, 'in', values]] : [[field, 'in', values]];
    out.push({ doctype, filters, uses: `${label} ${values.join(', ')}` });
  };
  for (const invoice of ['POS Invoice', 'Sales Invoice']) {
    add(invoice, 'company', ours.company, 'Company');
    add(invoice, 'customer', ours.customer, 'Customer');
    add(invoice, 'item_code', ours.item, 'Item', `${invoice} Item`);
  }
  add('POS Invoice', 'pos_profile', ours.profile, 'POS Profile');
  add('POS Closing Entry', 'pos_opening_entry', ours.opening, 'POS Opening Entry');
  add('Stock Entry', 'company', ours.company, 'Company');
  // What else ERPNext's Transaction Deletion Record would delete with our company: anyone's transactions.
  add('POS Opening Entry', 'company', ours.company, 'Company');
  for (const doctype of COMPANY_TRANSACTIONS) add(doctype, 'company', ours.company, 'Company');
  add('Stock Entry', 'item_code', ours.item, 'Item', 'Stock Entry Detail');
  for (const probe of [
    { field: 'company', values: ours.company, label: 'Company' },
    { field: 'item_code', values: ours.item, label: 'Item' },
    { field: 'warehouse', values: ours.warehouse, label: 'Warehouse' },
  ]) {
    if (probe.values.length) out.push({ doctype: 'Stock Ledger Entry', filters: [[probe.field, 'in', probe.values]], uses: `${probe.label} ${probe.values.join(', ')}`, fields: [...FIELDS, 'voucher_type', 'voucher_no'] });
  }
  // The accounting of our opening stock (perpetual inventory) is ours; any other GL Entry is someone's.
  if (ours.company.length) out.push({ doctype: 'GL Entry', filters: [['company', 'in', ours.company], ['is_cancelled', '=', 0]], uses: `Company ${ours.company.join(', ')}`, fields: [...FIELDS, 'voucher_type', 'voucher_no'] });
  return out;
}

export interface Survey {
  blockers: ForeignTransaction[];
  /**
   * ERPNext's records for ours: each created item's opening stock entry (cancel, then delete; for a
   * company we created: cancel, then the company's transaction deletion) and prices.
   */
  generated: UndoAction[];
}

/**
 * A Stock Entry ERPNext made for one of our items (its opening stock, item.py set_opening_stock): a
 * Material Receipt by the API user we run as, holding only our items. Anything else is someone's.
 */
function isOpeningStockOfOurs(entry: Doc, apiUser: string, items: Set<string>): boolean {
  const rows = (entry.items as { item_code?: string }[] | undefined) ?? [];
  return entry.owner === apiUser && entry.purpose === 'Material Receipt' && rows.length > 0 && rows.every((row) => items.has(String(row.item_code)));
}

async function openingStockEntries(client: ErpNextClient, ours: Ours, apiUser: string): Promise<Doc[]> {
  if (!ours.item.length) return [];
  const listed = await listOrNone(client, 'Stock Entry', [['Stock Entry Detail', 'item_code', 'in', ours.item]] as Filters, ['name']);
  const entries = await Promise.all(listed.map((entry) => client.getDoc('Stock Entry', entry.name)));
  const items = new Set(ours.item);
  return entries.filter((entry) => isOpeningStockOfOurs(entry, apiUser, items));
}

/** A document of ours among what a probe found: our opening stock, its ledger and accounting, our session. */
function isOurs(doctype: string, doc: Doc, ourVouchers: Set<string>, ours: Ours): boolean {
  if (doctype === 'Stock Entry') return ourVouchers.has(doc.name);
  if (doctype === 'Stock Ledger Entry' || doctype === 'GL Entry') return doc.voucher_type === 'Stock Entry' && ourVouchers.has(String(doc.voucher_no));
  if (doctype === 'POS Opening Entry') return ours.opening.includes(doc.name);
  return false;
}

/** A Transaction Deletion Record of our company ERPNext has not completed yet (an earlier undo's). */
async function pendingDeletion(client: ErpNextClient, company: string): Promise<boolean> {
  let records: Doc[];
  try {
    records = await listOrNone(client, DELETION_DOCTYPE, [['company', '=', company], ['docstatus', '<', 2]], ['name', 'status', 'docstatus']);
  } catch (error) {
    // Only a System Manager reads them: a user who cannot has none of ours to go on with (the preview still shows the plan).
    if (error instanceof ErpNextError && error.code === 'permission_denied') return false;
    throw error;
  }
  return records.some((r) => Number(r.docstatus) === 0 || ['Queued', 'Running', 'Failed'].includes(String(r.status ?? '')));
}

/**
 * ERPNext keeps the stock ledger of a cancelled stock entry, and with it the entry, its items, warehouses
 * and company. For a company this app created (never an adopted one) undo cancels our opening stock and
 * deletes the company's transactions ERPNext's way; the survey refused first if any were someone else's.
 */
async function transactionDeletions(client: ErpNextClient, ours: Ours, stock: Doc[]): Promise<UndoAction[]> {
  const out: UndoAction[] = [];
  for (const company of ours.company) {
    const stocked = stock.filter((entry) => entry.company === company);
    if (!stocked.length && !(await pendingDeletion(client, company))) continue;
    const note = stocked.length ? `the stock ledger of ${stocked.map((e) => e.name).join(', ')}, kept by ERPNext after the cancel` : 'going on with the one an earlier undo started';
    out.push({ effectId: null, kind: 'delete-transactions', doctype: DELETION_DOCTYPE, name: company, note });
  }
  return out;
}

/**
 * Reads the site before undo touches anything: what others made on our records (undo then refuses),
 * and what ERPNext made for ours. Only reads.
 */
export async function surveySite(client: ErpNextClient, pending: ShopEffect[]): Promise<Survey> {
  const ours = oursFrom(pending);
  const apiUser = await client.getLoggedUser();
  const stock = await openingStockEntries(client, ours, apiUser);
  const ourVouchers = new Set(stock.map((entry) => entry.name));
  const found = new Map<string, ForeignTransaction>();
  for (const probe of probes(ours)) {
    for (const doc of await listOrNone(client, probe.doctype, probe.filters, probe.fields ?? FIELDS)) {
      const mine = isOurs(probe.doctype, doc, ourVouchers, ours);
      const id = `${probe.doctype}/${doc.name}`;
      if (mine || found.has(id)) continue;
      found.set(id, { doctype: probe.doctype, name: doc.name, owner: String(doc.owner ?? ''), uses: probe.uses, docstatus: Number(doc.docstatus ?? 0) });
    }
  }
  const prices = ours.item.length ? await listOrNone(client, 'Item Price', [['item_code', 'in', ours.item]], ['name', 'item_code']) : [];
  const recordedPrices = new Set(pending.filter((e) => e.doctype === 'Item Price').map((e) => e.name));
  const deletions = found.size ? [] : await transactionDeletions(client, ours, stock);
  const deletedWith = new Set(deletions.map((d) => d.name));
  const generated: UndoAction[] = [
    ...stock.map((entry) => ({
      effectId: null, kind: 'remove' as const, doctype: 'Stock Entry', name: entry.name,
      note: `opening stock of ${((entry.items as { item_code: string }[]) ?? []).map((r) => r.item_code).join(', ')}, made by ERPNext`,
      ...(deletedWith.has(String(entry.company)) ? { cancelOnly: true } : {}),
    })),
    ...deletions,
    ...prices.filter((price) => !recordedPrices.has(price.name)).map((price) => ({ effectId: null, kind: 'remove' as const, doctype: 'Item Price', name: price.name, note: `price of ${String(price.item_code)}, made by ERPNext with the item` })),
  ];
  return { blockers: [...found.values()], generated };
}
