import { StepId } from '../../../shared/steps/catalog';
import { planContext } from '../plan/context';
import { planSettingsWith } from '../plan/settings';
import { applyFill } from '../singles';
import type { StepBody } from '../stepContext';
import { allSettled } from './masters';

/**
 * Step 5: selling and stock defaults, only where the site has none (both Singles written side by side).
 * Stock Settings' default warehouse is site-wide, so another shop's choice is kept and recorded.
 */
export const settings: StepBody<typeof StepId.Settings> = async (ctx) => {
  const platform = ctx.output(StepId.PlatformSetup);
  const { pos } = ctx.output(StepId.Warehouses);
  ctx.action('Reading selling and stock settings');
  const { state } = await planSettingsWith(planContext(ctx), { customerGroup: platform.customerGroup, territory: platform.territory, priceList: platform.priceList, uom: platform.uom, posWarehouse: pos });
  const [selling, stock] = await allSettled([applyFill(ctx, state.selling), applyFill(ctx, state.stock)]);
  return { changed: [...selling!.changed, ...stock!.changed], kept: [...selling!.kept, ...stock!.kept] };
};
