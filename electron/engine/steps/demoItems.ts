import type { Doc } from '../../erpnext/types';
import { defaultDemoItems } from '../../../shared/shop/demoItems';
import type { DemoItem } from '../../../shared/shop/schema';
import { StepId } from '../../../shared/steps/catalog';
import { ensureRecord, noteChange } from '../ensure';
import type { StepBody, StepContext } from '../stepContext';

const DEMO_GROUP = 'Demo Items';

function itemsOf(ctx: StepContext): DemoItem[] {
  return Array.isArray(ctx.shop.demoItems) ? ctx.shop.demoItems : defaultDemoItems(ctx.abbr);
}

/** With Stock Settings' naming series ERPNext ignores item_code (§4.7), so also look by the code field. */
async function findItem(ctx: StepContext, code: string): Promise<Doc | null> {
  return (await ctx.client.findDoc('Item', code)) ?? (await ctx.client.list('Item', { filters: { item_code: code }, limitPageLength: 1 }))[0] ?? null;
}

async function ensureItem(ctx: StepContext, item: DemoItem, group: string, uom: string, priceList: string): Promise<string> {
  const { company } = ctx.output(StepId.Company);
  const { pos } = ctx.output(StepId.Warehouses);
  const stocked = (item.openingQty ?? 0) > 0;
  const { record } = await ensureRecord(ctx, {
    what: `Item "${item.code}"`,
    find: () => findItem(ctx, item.code),
    // No standard_rate: it would create an Item Price by itself (§4.7); the price is ensured separately.
    // Opening stock is only ever given on creation, so a re-run cannot receive it twice.
    create: () =>
      ctx.client.insert('Item', {
        item_code: item.code,
        item_name: item.name,
        item_group: group,
        stock_uom: uom,
        is_stock_item: stocked ? 1 : 0,
        is_sales_item: 1,
        item_defaults: [{ company, default_warehouse: pos, default_price_list: priceList }],
        ...(stocked ? { opening_stock: item.openingQty, valuation_rate: item.price } : {}),
      }),
  });
  return record.name;
}

/**
 * Item Price is hash-named and valid_from defaults to today, so ERPNext happily adds a second price on
 * another day (§4.7): look for any price of this item in this list and unit, and update it instead.
 */
async function ensurePrice(ctx: StepContext, itemCode: string, uom: string, priceList: string, rate: number): Promise<string> {
  const { record } = await ensureRecord(ctx, {
    what: `Item Price of ${itemCode} in ${priceList}`,
    find: async () =>
      (await ctx.client.list('Item Price', { fields: ['name', 'price_list_rate'], filters: [['item_code', '=', itemCode], ['price_list', '=', priceList], ['uom', '=', uom], ['customer', 'is', 'not set']], orderBy: 'creation asc', limitPageLength: 1 }))[0] ?? null,
    create: () => ctx.client.insert('Item Price', { item_code: itemCode, price_list: priceList, uom, price_list_rate: rate }),
  });
  if (Number(record.price_list_rate) !== rate) {
    await ctx.client.update('Item Price', record.name, { price_list_rate: rate });
    noteChange(ctx, `Price of ${itemCode} (${String(record.price_list_rate)} → ${rate})`);
  }
  return record.name;
}

/** Step 6 (optional): a demo item group, items with prices in the shop's list, opening stock in the POS Store. */
export const demoItems: StepBody<typeof StepId.DemoItems> = async (ctx) => {
  const platform = ctx.output(StepId.PlatformSetup);
  const { record: group } = await ensureRecord(ctx, {
    what: `Item Group "${DEMO_GROUP}"`,
    find: () => ctx.client.findDoc('Item Group', DEMO_GROUP),
    create: () => ctx.client.insert('Item Group', { item_group_name: DEMO_GROUP, parent_item_group: platform.itemGroupRoot, is_group: 0 }),
  });
  const items: string[] = [];
  const prices: string[] = [];
  for (const item of itemsOf(ctx)) {
    const name = await ensureItem(ctx, item, group.name, platform.uom, platform.priceList);
    items.push(name);
    prices.push(await ensurePrice(ctx, name, platform.uom, platform.priceList, item.price));
  }
  return { itemGroup: group.name, items, prices };
};
