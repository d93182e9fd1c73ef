import { StepId } from '../../../shared/steps/catalog';
import { fillUnset } from '../singles';
import type { StepBody } from '../stepContext';

/**
 * Step 5: selling and stock defaults, only where the site has none. Stock Settings' default warehouse
 * is site-wide (not per company), so another shop's choice is kept and recorded.
 */
export const settings: StepBody<typeof StepId.Settings> = async (ctx) => {
  const platform = ctx.output(StepId.PlatformSetup);
  const { pos } = ctx.output(StepId.Warehouses);
  const selling = await fillUnset(ctx, 'Selling Settings', {
    customer_group: platform.customerGroup,
    territory: platform.territory,
    selling_price_list: platform.priceList,
  });
  const stock = await fillUnset(ctx, 'Stock Settings', { default_warehouse: pos, stock_uom: platform.uom, valuation_method: 'FIFO' });
  return { changed: [...selling.changed, ...stock.changed], kept: [...selling.kept, ...stock.kept] };
};
