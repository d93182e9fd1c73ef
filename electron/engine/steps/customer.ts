import { StepId } from '../../../shared/steps/catalog';
import { ensureRecord } from '../ensure';
import type { StepBody } from '../stepContext';

/**
 * Step 7: the walk-in customer. ERPNext renames a duplicate ("Walk-in Customer - 1") instead of
 * refusing it (§4.8), so the only safe existence check is by customer_name, before every create.
 */
export const customer: StepBody<typeof StepId.Customer> = async (ctx) => {
  const platform = ctx.output(StepId.PlatformSetup);
  const name = ctx.shop.customer;
  const { record } = await ensureRecord(ctx, {
    what: `Customer "${name}"`,
    find: async () => {
      const matches = await ctx.client.list('Customer', { fields: ['name', 'disabled'], filters: { customer_name: name }, orderBy: 'creation asc', limitPageLength: 0 });
      if (matches.length > 1) ctx.log.warn(`${matches.length} customers are named "${name}"; using the oldest, ${matches[0]!.name}`, { names: matches.map((m) => m.name) });
      return matches[0] ?? null;
    },
    create: () => ctx.client.insert('Customer', { customer_name: name, customer_type: 'Individual', customer_group: platform.customerGroup, territory: platform.territory }),
  });
  if (record.disabled) {
    await ctx.client.update('Customer', record.name, { disabled: 0 });
    ctx.effects.changed.push(`Customer "${record.name}" enabled`);
  }
  return { customer: record.name };
};
