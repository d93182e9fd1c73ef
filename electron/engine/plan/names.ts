import { defaultDemoItems } from '../../../shared/shop/demoItems';
import type { DemoItem, PaymentMethod, ShopConfig } from '../../../shared/shop/schema';

/** What the shop file alone says about names on the site, so any step can be planned before earlier ones ran. */

export const CARD_ACCOUNT = 'Card Payments';
export const DEMO_GROUP = 'Demo Items';

/** ERPNext's Warehouse autoname: "{warehouse_name} - {abbr}" unless it already ends so [E15:warehouse.py autoname]. */
export function warehouseName(name: string, abbr: string): string {
  return name.endsWith(` - ${abbr}`) ? name : `${name} - ${abbr}`;
}

/** Account names carry the abbreviation the same way ("{account_name} - {abbr}", no number given) [E15:accounts/utils.py get_autoname_with_number]. */
export const accountName = (name: string, abbr: string) => `${name} - ${abbr}`;

export function profileName(shop: ShopConfig): string {
  return shop.pos.profileName ?? `${shop.company.name} POS`;
}

/** The cashiers, defaulting to the API user. */
export function cashiersOf(shop: ShopConfig, apiUser: string): string[] {
  return shop.pos.cashiers?.length ? shop.pos.cashiers : [apiUser];
}

export function demoItemsOf(shop: ShopConfig, abbr: string): DemoItem[] {
  if (shop.demoItems === false) return [];
  return Array.isArray(shop.demoItems) ? shop.demoItems : defaultDemoItems(abbr);
}

/** A new mode's type: as declared, else Cash for "Cash" and Bank for the rest (cards, transfers). */
export function paymentType(method: Pick<PaymentMethod, 'mode' | 'type'>): string {
  return method.type ?? (/^cash$/i.test(method.mode) ? 'Cash' : 'Bank');
}

export const sameName = (a: unknown, b: string) => String(a ?? '').toLowerCase() === b.toLowerCase();

/** Written into the walk-in customer's "Customer Details": how duplicates a late-saved create of ours left are told from anyone else's. */
export function customerMarker(shop: ShopConfig): string {
  return `Walk-in customer created by POS Provisioner for the shop "${shop.company.name}".`;
}
