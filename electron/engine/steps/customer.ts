import { ErpNextError } from '../../erpnext/errors';
import type { Doc } from '../../erpnext/types';
import { StepId } from '../../../shared/steps/catalog';
import { ensureRecord } from '../ensure';
import { planContext } from '../plan/context';
import { type CustomerState, planCustomer, sortCustomers } from '../plan/customer';
import { customerMarker } from '../plan/names';
import type { StepBody, StepContext } from '../stepContext';
import { masterFor } from './masters';

/**
 * A second customer of the same name can only come from a create whose answer was lost and that
 * committed after all (ERPNext renames it "Walk-in Customer - 1" instead of refusing it, §4.8): keep
 * the oldest, remove the extras that carry our marker, and only warn about anyone else's.
 */
async function removeDuplicates(ctx: StepContext, state: CustomerState): Promise<void> {
  for (const extra of state.foreign) ctx.log.warn(`Customer ${extra.name} has the same name as ${state.found!.name} but was not created by this app: left as it is`);
  for (const extra of state.ours) {
    try {
      await ctx.client.delete('Customer', extra.name);
      ctx.effects.changed.push(`Duplicate Customer "${extra.name}" removed`);
      ctx.log.warn(`Removed Customer ${extra.name}: a duplicate of ${state.found!.name} that a late-saved request of ours created`);
    } catch (error) {
      if (error instanceof ErpNextError && error.code === 'not_found') continue;
      ctx.log.warn(`Could not remove the duplicate Customer ${extra.name} (${error instanceof Error ? error.message : String(error)}); remove it in ERPNext`);
    }
  }
}

/** Looks at the site as it is now, and removes the duplicates our lost creates left. */
async function findNow(ctx: StepContext): Promise<Doc | null> {
  const state = sortCustomers(planContext(ctx), await ctx.reads.customers(ctx.shop.customer, true));
  if (state.found) await removeDuplicates(ctx, state);
  return state.found;
}

/**
 * Step 7: the walk-in customer. ERPNext renames a duplicate instead of refusing it, so the existence
 * check is by customer_name, before every create, and duplicates we made are cleaned up.
 */
export const customer: StepBody<typeof StepId.Customer> = async (ctx) => {
  const platform = ctx.output(StepId.PlatformSetup);
  const name = ctx.shop.customer;
  ctx.action(`Looking for Customer "${name}"`);
  const { state } = await planCustomer(planContext(ctx));
  if (state.found) await removeDuplicates(ctx, state);
  const { record } = await ensureRecord<Doc>(ctx, {
    what: `Customer "${name}"`,
    // Found is found; missing is looked at again on the site as it is now: other shops of this site share
    // the walk-in customer (they take turns, service/sharedRecords.ts) and may have made it since we read.
    known: state.found ?? undefined,
    find: () => findNow(ctx),
    target: (doc) => ({ doctype: 'Customer', name: doc.name }),
    create: async () => {
      const [customerGroup, territory] = await Promise.all([masterFor.customerGroup(ctx, platform.customerGroup), masterFor.territory(ctx, platform.territory)]);
      return ctx.client.insert('Customer', { customer_name: name, customer_type: 'Individual', customer_group: customerGroup, territory, customer_details: customerMarker(ctx.shop) });
    },
  });
  if (Number(record.disabled)) {
    await ctx.client.update('Customer', record.name, { disabled: 0 });
    ctx.effects.changed.push(`Customer "${record.name}" enabled`);
    ctx.ledger.record({ kind: 'changed', doctype: 'Customer', name: record.name, field: 'disabled', before: 1, after: 0 });
  }
  return { customer: record.name };
};
