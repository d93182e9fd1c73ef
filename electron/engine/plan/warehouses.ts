import type { Doc } from '../../erpnext/types';
import { sameName, warehouseName } from './names';
import { type PlanContext, type PlanItem, type Planned, item } from './types';

export interface WarehousesState {
  companyExists: boolean;
  /** The company's root group ("All Warehouses - ABBR", found by having no parent since names are translated, §4.5). */
  root: string | null;
  main: Doc | null;
  pos: Doc | null;
}

const warehouseWhat = (name: string, company: string) => `Warehouse "${name}" of ${company}`;

/** Step 4: Main Store and POS Store under the company's root group; a group of that name is a conflict. */
export async function planWarehouses(p: PlanContext): Promise<Planned<WarehousesState>> {
  const company = p.shop.company.name;
  const { main, pos } = p.shop.warehouses;
  const exists = Boolean((await p.reads.company(company, p.abbr)).company);
  if (!exists) {
    const items = [main, pos].map((name) => item('create', 'Warehouse', warehouseName(name, p.abbr), warehouseWhat(name, company), { reason: `under the root group ERPNext creates with the company` }));
    return { items, state: { companyExists: false, root: null, main: null, pos: null } };
  }
  const rows = await p.reads.warehouses(company);
  // Exactly how ERPNext checks its own default warehouses: company + warehouse_name.
  const find = (name: string) => rows.find((row) => sameName(row.warehouse_name, name)) ?? null;
  const state: WarehousesState = { companyExists: true, root: rows.find((row) => Number(row.is_group) && !row.parent_warehouse)?.name ?? null, main: find(main), pos: find(pos) };
  const items: PlanItem[] = [];
  if (!state.root) items.push(item('conflict', 'Warehouse', null, `Root warehouse group of ${company}`, { reason: `The company ${company} has no root warehouse group.`, hint: 'ERPNext creates "All Warehouses" with the company; check the company was created completely, or create the group in Stock > Warehouse.' }));
  for (const [name, found] of [[main, state.main], [pos, state.pos]] as const) {
    const what = warehouseWhat(name, company);
    if (!found) items.push(item('create', 'Warehouse', warehouseName(name, p.abbr), what));
    else if (Number(found.is_group)) items.push(item('conflict', 'Warehouse', found.name, what, { reason: `The warehouse ${found.name} is a group, and a till cannot sell from a group.`, hint: 'Rename it in ERPNext or choose another warehouse name in the shop form.' }));
    // Disabled since (by a person): the till cannot sell from it, so the step enables it again.
    else if (Number(found.disabled)) items.push(item('change', 'Warehouse', found.name, what, { changes: [{ field: 'disabled', from: 1, to: 0 }] }));
    else items.push(item('adopt', 'Warehouse', found.name, what));
  }
  return { items, state };
}
