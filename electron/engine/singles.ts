import type { Doc } from '../erpnext/types';
import type { SettingChange } from './outputs';
import { type PlanItem, item } from './plan/types';
import type { SiteReads, SingleDoctype } from './reads/siteReads';
import type { StepContext } from './stepContext';
import { noteChange } from './ensure';

const isUnset = (value: unknown) => value === undefined || value === null || value === '';

/** What filling a Single's unset fields would change, and what the site already decided for itself. */
export interface FillPlan {
  doctype: SingleDoctype;
  changed: SettingChange[];
  kept: SettingChange[];
}

/**
 * A Single's fields are set only where the site has no value yet: a site may already rely on its own.
 * Desired values that are unset themselves (not needed by this shop) are left out.
 */
export function planFill(doctype: SingleDoctype, current: Doc, desired: Record<string, unknown>): FillPlan {
  const changed: SettingChange[] = [];
  const kept: SettingChange[] = [];
  for (const [field, to] of Object.entries(desired)) {
    if (isUnset(to)) continue;
    if (isUnset(current[field])) changed.push({ doctype, field, from: current[field] ?? null, to });
    else if (current[field] !== to) kept.push({ doctype, field, from: current[field], to });
  }
  return { doctype, changed, kept };
}

export async function readAndPlanFill(reads: SiteReads, doctype: SingleDoctype, desired: Record<string, unknown>): Promise<FillPlan> {
  return planFill(doctype, await reads.single(doctype), desired);
}

export function fillItem(plan: FillPlan): PlanItem {
  if (plan.changed.length > 0) return item('change', plan.doctype, plan.doctype, plan.doctype, { changes: plan.changed.map(({ field, from, to }) => ({ field, from, to })) });
  const reason = plan.kept.length ? `kept the site's own ${plan.kept.map((k) => `${k.field} "${String(k.from)}"`).join(', ')}` : 'already set';
  return item('adopt', plan.doctype, plan.doctype, plan.doctype, { reason });
}

/** Applies a fill plan: one PUT with the unset fields, nothing when all are set. */
export async function applyFill(ctx: StepContext, plan: FillPlan): Promise<{ changed: SettingChange[]; kept: SettingChange[] }> {
  for (const keep of plan.kept) ctx.log.info(`${plan.doctype}.${keep.field} is already "${String(keep.from)}": kept (we would have set "${String(keep.to)}")`);
  if (plan.changed.length > 0) {
    ctx.action(`Updating ${plan.doctype}`);
    await ctx.client.update(plan.doctype, plan.doctype, Object.fromEntries(plan.changed.map((c) => [c.field, c.to])));
    const fields = plan.changed.map((c) => ({ doctype: plan.doctype, name: plan.doctype, field: c.field, before: c.from, after: c.to }));
    noteChange(ctx, `${plan.doctype} (${plan.changed.map((c) => c.field).join(', ')})`, { changed: plan.changed }, fields);
  }
  return { changed: plan.changed, kept: plan.kept };
}
