import type { Doc } from '../../erpnext/types';
import { type PlanContext, type PlanItem, item } from './types';

/**
 * The masters ERPNext's setup wizard would have made (CONTRACT §4.1 item 6), each looked for only when
 * this shop still needs it: the UOM to create items, the Transit warehouse type to create the company
 * (its "Goods In Transit" warehouse links to it), the tree roots to place new groups, a customer group and
 * territory to create the customer or fill Selling Settings. Planned from reads, created by the steps.
 */
export interface MasterPlan {
  doctype: string;
  /** The record used (found, or to be created under this name). */
  name: string;
  found: boolean;
  /** What a new one is created with. */
  fields: Record<string, unknown>;
  /** A node whose parent must be another master (planned alongside). */
  parent?: MasterPlan;
}

export const UOM = 'Nos';
export const TRANSIT = 'Transit';

export function masterItem(master: MasterPlan): PlanItem {
  const what = `${master.doctype} "${master.name}"`;
  return master.found ? item('adopt', master.doctype, master.name, what) : item('create', master.doctype, master.name, what);
}

export async function planRecord(p: PlanContext, doctype: string, name: string, fields: Record<string, unknown>): Promise<MasterPlan> {
  const found = await p.reads.record(doctype, name);
  return { doctype, name: found?.name ?? name, found: Boolean(found), fields };
}

const isRoot = (parentField: string) => (row: Doc) => Boolean(Number(row.is_group)) && !row[parentField];

/** A tree's root (no parent), found by that rather than by its (translated) name; created under the standard one. */
export async function planTreeRoot(p: PlanContext, doctype: string, parentField: string, nameField: string, rootName: string, names: readonly string[] = [], withLeaves = false): Promise<MasterPlan> {
  const root = (await p.reads.tree(doctype, parentField, names, withLeaves)).find(isRoot(parentField));
  return { doctype, name: root?.name ?? rootName, found: Boolean(root), fields: { [nameField]: rootName, is_group: 1 } };
}

/** A leaf of a tree: the preferred one when it is a leaf, else the first leaf, else the preferred one created under the root. */
export async function planTreeLeaf(p: PlanContext, doctype: string, parentField: string, nameField: string, preferred: string, rootName: string): Promise<MasterPlan> {
  const rows = await p.reads.tree(doctype, parentField, [preferred], true);
  const leaf = rows.find((row) => row.name.toLowerCase() === preferred.toLowerCase() && !Number(row.is_group)) ?? rows.find((row) => !Number(row.is_group));
  if (leaf) return { doctype, name: leaf.name, found: true, fields: {} };
  const parent = await planTreeRoot(p, doctype, parentField, nameField, rootName, [preferred], true);
  return { doctype, name: preferred, found: false, fields: { [nameField]: preferred, is_group: 0, [parentField]: parent.name }, parent };
}

export const planUom = (p: PlanContext) => planRecord(p, 'UOM', UOM, { uom_name: UOM, must_be_whole_number: 1 });
export const planTransit = (p: PlanContext) => planRecord(p, 'Warehouse Type', TRANSIT, { name: TRANSIT });
export const planItemGroupRoot = (p: PlanContext, wanted: readonly string[]) => planTreeRoot(p, 'Item Group', 'parent_item_group', 'item_group_name', 'All Item Groups', wanted);
export const planCustomerGroup = (p: PlanContext) => planTreeLeaf(p, 'Customer Group', 'parent_customer_group', 'customer_group_name', 'Individual', 'All Customer Groups');
export const planTerritory = (p: PlanContext) => planTreeRoot(p, 'Territory', 'parent_territory', 'territory_name', 'All Territories');
