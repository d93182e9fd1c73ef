import type { SettingChange } from './outputs';
import type { StepContext } from './stepContext';
import { noteChange } from './ensure';

const isUnset = (value: unknown) => value === undefined || value === null || value === '';

/**
 * Sets fields of a Single (System Settings, Stock Settings…) only where the site has no value yet:
 * a site may already rely on its own. Returns what was changed and what was kept as it was.
 */
export async function fillUnset(ctx: StepContext, doctype: string, desired: Record<string, unknown>): Promise<{ changed: SettingChange[]; kept: SettingChange[] }> {
  ctx.action(`Reading ${doctype}`);
  const current = await ctx.client.getSingle(doctype);
  const changed: SettingChange[] = [];
  const kept: SettingChange[] = [];
  for (const [field, to] of Object.entries(desired)) {
    if (isUnset(to)) continue;
    if (isUnset(current[field])) changed.push({ doctype, field, from: current[field] ?? null, to });
    else if (current[field] !== to) kept.push({ doctype, field, from: current[field], to });
  }
  for (const keep of kept) ctx.log.info(`${doctype}.${keep.field} is already "${String(keep.from)}": kept (we would have set "${String(keep.to)}")`);
  if (changed.length > 0) {
    ctx.action(`Updating ${doctype}`);
    await ctx.client.update(doctype, doctype, Object.fromEntries(changed.map((c) => [c.field, c.to])));
    noteChange(ctx, `${doctype} (${changed.map((c) => c.field).join(', ')})`, { changed });
  }
  return { changed, kept };
}
