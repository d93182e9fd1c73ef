import type { Doc } from '../../erpnext/types';
import { ensureRecord, noteAdopted } from '../ensure';
import { type MasterPlan, planCustomerGroup, planItemGroupRoot, planTerritory, planUom } from '../plan/masters';
import { planContext } from '../plan/context';
import { DEMO_GROUP } from '../plan/names';
import type { StepContext } from '../stepContext';

/** Creates a planned master when missing (its parent first); looks again by name after a lost answer. */
export async function ensureMaster(ctx: StepContext, master: MasterPlan): Promise<string> {
  if (master.found) return (noteAdopted(ctx, master.doctype, master.name), master.name);
  if (master.parent) await ensureMaster(ctx, master.parent);
  const { record } = await ensureRecord<Doc>(ctx, {
    what: `${master.doctype} "${master.name}"`,
    known: null,
    find: () => ctx.client.findDoc(master.doctype, master.name),
    create: () => ctx.client.insert(master.doctype, master.fields),
    target: (doc) => ({ doctype: master.doctype, name: doc.name }),
  });
  return record.name;
}

/**
 * Masters the platform step left out because the shop did not need them then (everything using them
 * existed): a later step that finds it needs one after all ensures it itself.
 */
export const masterFor = {
  uom: (ctx: StepContext, planned: string | null) => planned ?? planUom(planContext(ctx)).then((m) => ensureMaster(ctx, m)),
  itemGroupRoot: (ctx: StepContext, planned: string | null) => planned ?? planItemGroupRoot(planContext(ctx), [DEMO_GROUP]).then((m) => ensureMaster(ctx, m)),
  customerGroup: (ctx: StepContext, planned: string | null) => planned ?? planCustomerGroup(planContext(ctx)).then((m) => ensureMaster(ctx, m)),
  territory: (ctx: StepContext, planned: string | null) => planned ?? planTerritory(planContext(ctx)).then((m) => ensureMaster(ctx, m)),
};

/** Waits for every write of a step before reporting its first failure: nothing keeps writing after the step ends. */
export async function allSettled<T>(writes: readonly Promise<T>[]): Promise<T[]> {
  const results = await Promise.allSettled(writes);
  const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failure) throw failure.reason;
  return results.map((result) => (result as PromiseFulfilledResult<T>).value);
}
