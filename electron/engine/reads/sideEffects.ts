import type { WriteEvent } from '../../erpnext/client';

/**
 * Doctypes ERPNext changes by itself when a document is written, so that what was read of them is stale.
 * Only doctypes this app reads are listed.
 */
const ON_INSERT: Readonly<Record<string, readonly string[]>> = {
  // Company.on_update on the first save: chart of accounts, cost centers, the five warehouses and the Cash
  // mode's account row [E15:erpnext/setup/doctype/company/company.py on_update, set_mode_of_payment_account].
  Company: ['Account', 'Cost Center', 'Warehouse', 'Mode of Payment'],
  // Item.after_insert: an Item Price from standard_rate, opening stock as a submitted Stock Entry that books
  // the Bin [E15:erpnext/stock/doctype/item/item.py after_insert, add_price, set_opening_stock].
  Item: ['Item Price', 'Bin'],
  // Saving a selling list while Selling Settings has none makes it the default [E15:price_list.py on_update].
  'Price List': ['Selling Settings'],
};

const ON_UPDATE: Readonly<Record<string, readonly string[]>> = {
  // A saved Company runs on_update again: the Cash mode's row is re-added, a missing cost center rebuilt.
  Company: ['Mode of Payment', 'Cost Center'],
};

/** The written doctype and everything ERPNext may have changed with it. */
export function touchedBy(write: WriteEvent): string[] {
  const also = write.kind === 'insert' ? ON_INSERT[write.doctype] : write.kind === 'update' ? ON_UPDATE[write.doctype] : undefined;
  return [write.doctype, ...(also ?? [])];
}
