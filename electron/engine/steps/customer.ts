import { ErpNextError } from '../../erpnext/errors';
import type { Doc } from '../../erpnext/types';
import { StepId } from '../../../shared/steps/catalog';
import { ensureRecord } from '../ensure';
import type { StepBody, StepContext } from '../stepContext';

/** Written into the customer's "Customer Details": how we know later which duplicates are ours to remove. */
export function customerMarker(ctx: StepContext): string {
  return `Walk-in customer created by POS Provisioner for the shop "${ctx.shop.company.name}".`;
}

/**
 * A second customer of the same name can only come from a create whose answer was lost and that
 * committed after all (ERPNext renames it "Walk-in Customer - 1" instead of refusing it, §4.8): keep
 * the oldest, remove the extras that carry our marker, and only warn about anyone else's.
 */
async function keepOldest(ctx: StepContext, matches: Doc[]): Promise<Doc> {
  const [oldest, ...extras] = matches as [Doc, ...Doc[]];
  for (const extra of extras) {
    if (!String(extra.customer_details ?? '').includes(customerMarker(ctx))) {
      ctx.log.warn(`Customer ${extra.name} has the same name as ${oldest.name} but was not created by this app: left as it is`);
      continue;
    }
    try {
      await ctx.client.delete('Customer', extra.name);
      ctx.effects.changed.push(`Duplicate Customer "${extra.name}" removed`);
      ctx.log.warn(`Removed Customer ${extra.name}: a duplicate of ${oldest.name} that a late-saved request of ours created`);
    } catch (error) {
      if (error instanceof ErpNextError && error.code === 'not_found') continue;
      ctx.log.warn(`Could not remove the duplicate Customer ${extra.name} (${error instanceof Error ? error.message : String(error)}); remove it in ERPNext`);
    }
  }
  return oldest;
}

/**
 * Step 7: the walk-in customer. ERPNext renames a duplicate instead of refusing it, so the existence
 * check is by customer_name, before every create, and duplicates we made are cleaned up.
 */
export const customer: StepBody<typeof StepId.Customer> = async (ctx) => {
  const platform = ctx.output(StepId.PlatformSetup);
  const name = ctx.shop.customer;
  const { record } = await ensureRecord(ctx, {
    what: `Customer "${name}"`,
    find: async () => {
      const matches = await ctx.client.list('Customer', { fields: ['name', 'disabled', 'customer_details'], filters: { customer_name: name }, orderBy: 'creation asc', limitPageLength: 0 });
      return matches.length > 1 ? keepOldest(ctx, matches) : (matches[0] ?? null);
    },
    create: () => ctx.client.insert('Customer', { customer_name: name, customer_type: 'Individual', customer_group: platform.customerGroup, territory: platform.territory, customer_details: customerMarker(ctx) }),
  });
  if (record.disabled) {
    await ctx.client.update('Customer', record.name, { disabled: 0 });
    ctx.effects.changed.push(`Customer "${record.name}" enabled`);
  }
  return { customer: record.name };
};
