import { type FillPlan, fillItem, readAndPlanFill } from '../singles';
import { UOM } from './masters';
import { warehouseName } from './names';
import { planPlatform } from './platform';
import type { PlanContext, Planned } from './types';

export interface SettingsValues {
  customerGroup: string | null;
  territory: string | null;
  priceList: string | null;
  uom: string | null;
  posWarehouse: string;
}

export interface SettingsState {
  selling: FillPlan;
  stock: FillPlan;
}

/**
 * Step 5: selling and stock defaults, only where the site has none. Stock Settings' default warehouse is
 * site-wide (not per company), so another shop's choice is kept and recorded.
 */
export async function planSettingsWith(p: PlanContext, values: SettingsValues): Promise<Planned<SettingsState>> {
  const [selling, stock] = await Promise.all([
    readAndPlanFill(p.reads, 'Selling Settings', { customer_group: values.customerGroup, territory: values.territory, selling_price_list: values.priceList }),
    readAndPlanFill(p.reads, 'Stock Settings', { default_warehouse: values.posWarehouse, stock_uom: values.uom, valuation_method: 'FIFO' }),
  ]);
  return { items: [fillItem(selling), fillItem(stock)], state: { selling, stock } };
}

/** The plan before the platform step ran: its values as it would choose them. */
export async function planSettings(p: PlanContext): Promise<Planned<SettingsState>> {
  const { state } = await planPlatform(p);
  return planSettingsWith(p, {
    customerGroup: state.customerGroup?.name ?? null,
    territory: state.territory?.name ?? null,
    priceList: state.priceList.name,
    uom: state.uom ? UOM : null,
    posWarehouse: warehouseName(p.shop.warehouses.pos, p.abbr),
  });
}
