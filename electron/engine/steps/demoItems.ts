import type { Doc } from '../../erpnext/types';
import type { DemoItem } from '../../../shared/shop/schema';
import { StepId } from '../../../shared/steps/catalog';
import { ensureRecord, noteChange } from '../ensure';
import { planContext } from '../plan/context';
import { type DemoItemState, planDemoItems } from '../plan/demoItems';
import { DEMO_GROUP } from '../plan/names';
import type { PriceFacts } from '../reads/facts';
import type { StepBody, StepContext } from '../stepContext';
import { allSettled, masterFor } from './masters';

interface Where {
  company: string;
  pos: string;
  priceList: string;
  uom: string;
  group: string;
}

/** With Stock Settings' naming series ERPNext ignores item_code (§4.7), so look by the code field. */
async function findItem(ctx: StepContext, code: string): Promise<Doc | null> {
  return (await ctx.client.list('Item', { fields: ['name', 'item_code'], filters: { item_code: code }, limitPageLength: 1 }))[0] ?? null;
}

/**
 * Created with `standard_rate`: ERPNext then inserts the item's price in the item default's price list in
 * the same request (§4.7 add_price), so the item and its price are written, or lost, together. Opening stock
 * is only ever given on creation, so a re-run cannot receive it twice.
 */
async function ensureItem(ctx: StepContext, { item, found }: DemoItemState, where: Where): Promise<{ name: string; created: boolean }> {
  const stocked = (item.openingQty ?? 0) > 0;
  const { record, created } = await ensureRecord<Doc>(ctx, {
    what: `Item "${item.code}"`,
    known: found ? { name: found.name } : null,
    find: () => findItem(ctx, item.code),
    target: (doc) => ({ doctype: 'Item', name: doc.name }),
    create: () =>
      ctx.client.insert('Item', {
        item_code: item.code,
        item_name: item.name,
        item_group: where.group,
        stock_uom: where.uom,
        is_stock_item: stocked ? 1 : 0,
        is_sales_item: 1,
        standard_rate: item.price,
        item_defaults: [{ company: where.company, default_warehouse: where.pos, default_price_list: where.priceList }],
        ...(stocked ? { opening_stock: item.openingQty, valuation_rate: item.price } : {}),
      }),
  });
  return { name: record.name, created };
}

/**
 * Item Price is hash-named and valid_from defaults to today, so ERPNext happily adds a second price on
 * another day (§4.7): look for any price of this item in this list and unit, and update it instead.
 */
async function ensurePrice(ctx: StepContext, itemCode: string, item: DemoItem, known: PriceFacts | null | undefined, where: Where): Promise<void> {
  const { record } = await ensureRecord<Doc>(ctx, {
    what: `Item Price of ${itemCode} in ${where.priceList}`,
    known: known === undefined ? undefined : known && { name: known.name, price_list_rate: known.rate },
    find: async () =>
      (await ctx.client.list('Item Price', { fields: ['name', 'price_list_rate'], filters: [['item_code', '=', itemCode], ['price_list', '=', where.priceList], ['uom', '=', where.uom], ['customer', 'is', 'not set']], orderBy: 'creation asc', limitPageLength: 1 }))[0] ?? null,
    target: (doc) => ({ doctype: 'Item Price', name: doc.name }),
    create: () => ctx.client.insert('Item Price', { item_code: itemCode, price_list: where.priceList, uom: where.uom, price_list_rate: item.price }),
  });
  if (Number(record.price_list_rate) !== item.price) {
    await ctx.client.update('Item Price', record.name, { price_list_rate: item.price });
    noteChange(ctx, `Price of ${itemCode} (${String(record.price_list_rate)} → ${item.price})`, undefined, [{ doctype: 'Item Price', name: record.name, field: 'price_list_rate', before: record.price_list_rate, after: item.price }]);
  }
}

/** One demo item: created with its price, or (when it already existed) its price added or corrected. */
async function ensureDemoItem(ctx: StepContext, demo: DemoItemState, where: Where): Promise<string> {
  const { name, created } = await ensureItem(ctx, demo, where);
  if (demo.found?.disabled) {
    await ctx.client.update('Item', name, { disabled: 0 });
    noteChange(ctx, `Item "${demo.item.code}" (enabled again)`);
  }
  if (!created) await ensurePrice(ctx, name, demo.item, demo.found ? demo.price : undefined, where);
  return name;
}

/** Step 6 (optional): a demo item group, items with prices in the shop's list, opening stock in the POS Store; items side by side. */
export const demoItems: StepBody<typeof StepId.DemoItems> = async (ctx) => {
  const platform = ctx.output(StepId.PlatformSetup);
  const { company } = ctx.output(StepId.Company);
  const { pos } = ctx.output(StepId.Warehouses);
  ctx.action('Checking the demo items');
  const p = planContext(ctx);
  const { state } = await planDemoItems(p, platform.priceList, platform.uom);
  const needsWrites = !state.groupFound || state.items.some((demo) => !demo.found || !demo.price || demo.price.rate !== demo.item.price);
  const uom = needsWrites ? await masterFor.uom(ctx, platform.uom) : platform.uom ?? '';
  let group = DEMO_GROUP;
  if (!state.groupFound) {
    const root = await masterFor.itemGroupRoot(ctx, platform.itemGroupRoot);
    group = (await ensureRecord<Doc>(ctx, { what: `Item Group "${DEMO_GROUP}"`, known: null, find: () => ctx.client.findDoc('Item Group', DEMO_GROUP), target: (doc) => ({ doctype: 'Item Group', name: doc.name }), create: () => ctx.client.insert('Item Group', { item_group_name: DEMO_GROUP, parent_item_group: root, is_group: 0 }) })).record.name;
  }
  const where: Where = { company, pos, priceList: platform.priceList, uom, group };
  // Side by side: the site's limiter decides how many go at once.
  const items = await allSettled(state.items.map((demo) => ensureDemoItem(ctx, demo, where)));
  // The prices ERPNext made with new items (hash-named) are read back by step 10, beside its last writes.
  const known = state.items.map((demo) => demo.price?.name).filter((name): name is string => Boolean(name));
  return { itemGroup: group, items, prices: known };
};
