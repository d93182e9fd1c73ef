import type { DemoItem } from '../../../shared/shop/schema';
import type { ItemFacts, PriceFacts } from '../reads/facts';
import { DEMO_GROUP, demoItemsOf } from './names';
import { type PlanContext, type PlanItem, type Planned, item } from './types';

export interface DemoItemState {
  item: DemoItem;
  found: ItemFacts | null;
  /** Its price in the shop's list and unit, for any customer (a customer-specific price is not the till's). */
  price: PriceFacts | null;
}

export interface DemoItemsState {
  groupFound: boolean;
  items: DemoItemState[];
}

/**
 * What exists of the demo items: their prices (each read with its item's facts) in one query, the items
 * without any price in a second one only when there are such items.
 */
export async function demoItemsOnSite(p: PlanContext, priceList: string | null, uom: string | null): Promise<DemoItemsState> {
  const wanted = demoItemsOf(p.shop, p.abbr);
  if (wanted.length === 0) return { groupFound: true, items: [] };
  const codes = wanted.map((demo) => demo.code);
  const prices = await p.reads.prices(codes);
  const known = new Map<string, ItemFacts>();
  for (const price of prices) if (price.item) known.set(price.itemCode.toLowerCase(), price.item);
  if (codes.some((code) => !known.has(code.toLowerCase()))) for (const found of await p.reads.items(codes)) known.set(found.itemCode.toLowerCase(), found);
  const items = wanted.map((demo) => {
    const found = known.get(demo.code.toLowerCase()) ?? null;
    const price = prices.find((row) => row.itemCode.toLowerCase() === demo.code.toLowerCase() && row.priceList === priceList && (!uom || row.uom === uom) && !row.customer) ?? null;
    return { item: demo, found, price };
  });
  const groupFound = items.some((demo) => demo.found?.itemGroup === DEMO_GROUP) || (await p.reads.tree('Item Group', 'parent_item_group', [DEMO_GROUP])).some((row) => row.name === DEMO_GROUP);
  return { groupFound, items };
}

/**
 * Whether the demo step still has anything to create (and so needs the unit and the group's parent), from
 * the prices alone: an item without its price needs the unit either way (a new item, or its price).
 */
export async function demoGaps(p: PlanContext, priceList: string): Promise<{ items: boolean; group: boolean }> {
  const codes = demoItemsOf(p.shop, p.abbr).map((demo) => demo.code.toLowerCase());
  if (codes.length === 0) return { items: false, group: false };
  const prices = await p.reads.prices(demoItemsOf(p.shop, p.abbr).map((demo) => demo.code));
  const priced = codes.every((code) => prices.some((price) => price.itemCode.toLowerCase() === code && price.priceList === priceList && !price.customer));
  const grouped = prices.some((price) => price.item?.itemGroup === DEMO_GROUP) || (await p.reads.tree('Item Group', 'parent_item_group', [DEMO_GROUP])).some((row) => row.name === DEMO_GROUP);
  return { items: !priced, group: !grouped };
}

/** Step 6: the demo group, each item (created with its price and opening stock) and its price. */
export async function planDemoItems(p: PlanContext, priceList: string | null, uom: string | null): Promise<Planned<DemoItemsState>> {
  const state = await demoItemsOnSite(p, priceList, uom);
  const items: PlanItem[] = [];
  if (state.items.length === 0) return { items, state };
  items.push(item(state.groupFound ? 'adopt' : 'create', 'Item Group', DEMO_GROUP, `Item Group "${DEMO_GROUP}"`));
  for (const { item: demo, found, price } of state.items) {
    const what = `Item "${demo.code}"`;
    if (!found) items.push(item('create', 'Item', demo.code, what, { reason: (demo.openingQty ?? 0) > 0 ? `with its price and ${demo.openingQty} in stock` : 'with its price' }));
    // A demo item disabled since is enabled again: the till lists only enabled items.
    else if (found.disabled) items.push(item('change', 'Item', found.name, what, { changes: [{ field: 'disabled', from: 1, to: 0 }] }));
    else items.push(item('adopt', 'Item', found.name, what));
    const priceWhat = `Item Price of ${demo.code} in ${priceList ?? 'the shop price list'}`;
    // The price made with a new item is hash-named by ERPNext (§4.7): known only once written.
    if (!found) items.push(item('unknown', 'Item Price', null, priceWhat, { reason: `${demo.price} — created with the item, named by ERPNext` }));
    else if (!price) items.push(item('create', 'Item Price', null, priceWhat, { reason: `${demo.price}, named by ERPNext` }));
    else if (price.rate !== demo.price) items.push(item('change', 'Item Price', price.name, priceWhat, { changes: [{ field: 'price_list_rate', from: price.rate, to: demo.price }] }));
    else items.push(item('adopt', 'Item Price', price.name, priceWhat));
  }
  return { items, state };
}
