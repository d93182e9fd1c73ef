import type { Doc } from '../../erpnext/types';
import { StepId } from '../../../shared/steps/catalog';
import { ensureRecord, noteChange, stepFailure } from '../ensure';
import { failOnConflicts, planContext } from '../plan/context';
import { planWarehouses } from '../plan/warehouses';
import type { StepBody, StepContext } from '../stepContext';
import { allSettled } from './masters';

async function ensureWarehouse(ctx: StepContext, company: string, warehouseName: string, parent: string, known: Doc | null): Promise<string> {
  const { record } = await ensureRecord<Doc>(ctx, {
    what: `Warehouse "${warehouseName}" of ${company}`,
    known,
    // Exactly how ERPNext checks its own default warehouses (company + warehouse_name).
    find: async () => (await ctx.client.list('Warehouse', { fields: ['name', 'is_group', 'disabled'], filters: { company, warehouse_name: warehouseName }, limitPageLength: 1 }))[0] ?? null,
    target: (doc) => ({ doctype: 'Warehouse', name: doc.name }),
    create: () => ctx.client.insert('Warehouse', { warehouse_name: warehouseName, company, parent_warehouse: parent, is_group: 0 }),
  });
  if (Number(record.is_group)) throw stepFailure(`The warehouse ${record.name} is a group, and a till cannot sell from a group.`, 'Rename it in ERPNext or choose another warehouse name in the shop form.');
  if (Number(record.disabled)) {
    ctx.action(`Enabling warehouse ${record.name}`);
    await ctx.client.update('Warehouse', record.name, { disabled: 0 });
    noteChange(ctx, `Warehouse "${warehouseName}" of ${company} (enabled again)`);
  }
  return record.name;
}

/** Step 4: Main Store and POS Store under the company's root group, created side by side. */
export const warehouses: StepBody<typeof StepId.Warehouses> = async (ctx) => {
  const { company } = ctx.output(StepId.Company);
  ctx.action('Checking the warehouses');
  const { items, state } = await planWarehouses(planContext(ctx));
  failOnConflicts(items);
  const root = state.root!;
  const [main, pos] = await allSettled([ensureWarehouse(ctx, company, ctx.shop.warehouses.main, root, state.main), ensureWarehouse(ctx, company, ctx.shop.warehouses.pos, root, state.pos)]);
  return { root, main: main!, pos: pos! };
};
