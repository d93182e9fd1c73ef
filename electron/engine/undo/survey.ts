import type { ErpNextClient } from '../../erpnext/client';
import { ErpNextError } from '../../erpnext/errors';
import type { Doc, Filters } from '../../erpnext/types';
import type { ShopEffect } from '../../store';
import type { ForeignTransaction, UndoAction } from '../../../shared/undo';

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
  add('Stock Entry', 'item_code', ours.item, 'Item', 'Stock Entry Detail');
  for (const probe of [
    { field: 'company', values: ours.company, label: 'Company' },
    { field: 'item_code', values: ours.item, label: 'Item' },
    { field: 'warehouse', values: ours.warehouse, label: 'Warehouse' },
  ]) {
    if (probe.values.length) out.push({ doctype: 'Stock Ledger Entry', filters: [[probe.field, 'in', probe.values]], uses: `${probe.label} ${probe.values.join(', ')}`, fields: [...FIELDS, 'voucher_type', 'voucher_no'] });
  }
  return out;
}

export interface Survey {
  blockers: ForeignTransaction[];
  /** ERPNext's records for ours: each created item's opening stock entry (cancel, then delete) and prices. */
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
      const mine = probe.doctype === 'Stock Entry' ? ourVouchers.has(doc.name) : probe.doctype === 'Stock Ledger Entry' && doc.voucher_type === 'Stock Entry' && ourVouchers.has(String(doc.voucher_no));
      const id = `${probe.doctype}/${doc.name}`;
      if (mine || found.has(id)) continue;
      found.set(id, { doctype: probe.doctype, name: doc.name, owner: String(doc.owner ?? ''), uses: probe.uses, docstatus: Number(doc.docstatus ?? 0) });
    }
  }
  const prices = ours.item.length ? await listOrNone(client, 'Item Price', [['item_code', 'in', ours.item]], ['name', 'item_code']) : [];
  const recordedPrices = new Set(pending.filter((e) => e.doctype === 'Item Price').map((e) => e.name));
  const generated: UndoAction[] = [
    ...stock.map((entry) => ({ effectId: null, kind: 'remove' as const, doctype: 'Stock Entry', name: entry.name, note: `opening stock of ${((entry.items as { item_code: string }[]) ?? []).map((r) => r.item_code).join(', ')}, made by ERPNext` })),
    ...prices.filter((price) => !recordedPrices.has(price.name)).map((price) => ({ effectId: null, kind: 'remove' as const, doctype: 'Item Price', name: price.name, note: `price of ${String(price.item_code)}, made by ERPNext with the item` })),
  ];
  return { blockers: [...found.values()], generated };
}
