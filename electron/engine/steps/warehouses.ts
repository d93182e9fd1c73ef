import { StepId } from '../../../shared/steps/catalog';
import { ensureRecord, stepFailure } from '../ensure';
import type { StepBody, StepContext } from '../stepContext';

/** The company's root warehouse group: "All Warehouses - ABBR", found by filters since names are translated (§4.5). */
async function rootGroup(ctx: StepContext, company: string): Promise<string> {
  const rows = await ctx.client.list('Warehouse', { filters: [['company', '=', company], ['is_group', '=', 1], ['parent_warehouse', 'is', 'not set']], orderBy: 'lft asc', limitPageLength: 1 });
  if (rows[0]) return rows[0].name;
  throw stepFailure(`The company ${company} has no root warehouse group.`, 'ERPNext creates "All Warehouses" with the company; check the company was created completely, or create the group in Stock > Warehouse.');
}

async function ensureWarehouse(ctx: StepContext, company: string, warehouseName: string, parent: string): Promise<string> {
  const { record } = await ensureRecord(ctx, {
    what: `Warehouse "${warehouseName}" of ${company}`,
    // Exactly how ERPNext checks its own default warehouses (company + warehouse_name).
    find: async () => (await ctx.client.list('Warehouse', { fields: ['name', 'is_group', 'disabled'], filters: { company, warehouse_name: warehouseName }, limitPageLength: 1 }))[0] ?? null,
    create: () => ctx.client.insert('Warehouse', { warehouse_name: warehouseName, company, parent_warehouse: parent, is_group: 0 }),
  });
  if (record.is_group) throw stepFailure(`The warehouse ${record.name} is a group, and a till cannot sell from a group.`, 'Rename it in ERPNext or choose another warehouse name in the shop form.');
  return record.name;
}

/** Step 4: Main Store and POS Store under the company's root group. */
export const warehouses: StepBody<typeof StepId.Warehouses> = async (ctx) => {
  const { company } = ctx.output(StepId.Company);
  ctx.action('Finding the root warehouse group');
  const root = await rootGroup(ctx, company);
  const main = await ensureWarehouse(ctx, company, ctx.shop.warehouses.main, root);
  const pos = await ensureWarehouse(ctx, company, ctx.shop.warehouses.pos, root);
  return { root, main, pos };
};
