import type { ShopConfig } from '../../../shared/shop/schema';

/**
 * Roles that may create or change each doctype the run writes, from the standard DocPerms
 * (CONTRACT.md §5, from each doctype JSON of ERPNext). A user needs one role of each row. Sites with custom
 * permissions may differ: the check then names what to verify.
 */
export const WRITE_ROLES: Readonly<Record<string, readonly string[]>> = {
  'Warehouse Type': ['System Manager', 'Item Manager', 'Stock Manager'],
  UOM: ['Item Manager'],
  'Item Group': ['Item Manager'],
  'Customer Group': ['Sales Master Manager'],
  Territory: ['Sales Master Manager'],
  'Price List': ['Sales Master Manager', 'Purchase Master Manager'],
  'Mode of Payment': ['Accounts Manager'],
  'Fiscal Year': ['System Manager'],
  'Global Defaults': ['System Manager'],
  Company: ['System Manager', 'Accounts Manager'],
  Account: ['Accounts User', 'Accounts Manager'],
  'Cost Center': ['Accounts Manager'],
  Warehouse: ['Item Manager'],
  'Selling Settings': ['System Manager', 'Sales Manager'],
  'Stock Settings': ['Stock Manager'],
  Customer: ['Sales User', 'Sales Master Manager'],
  'POS Profile': ['Accounts Manager'],
  'POS Opening Entry': ['System Manager', 'Sales Manager'],
  User: ['System Manager'],
  Item: ['Item Manager'],
  'Item Price': ['Sales Master Manager', 'Purchase Master Manager'],
  'Stock Entry': ['Stock User', 'Stock Manager'],
};

const DEMO_DOCTYPES = ['Item', 'Item Price', 'Stock Entry'];

export function doctypesWritten(shop: ShopConfig): string[] {
  const all = Object.keys(WRITE_ROLES);
  return shop.demoItems === false ? all.filter((doctype) => !DEMO_DOCTYPES.includes(doctype)) : all;
}

export interface MissingRole {
  /** The role we suggest granting (the first standard role for those doctypes). */
  role: string;
  doctypes: string[];
}

/** Doctypes the user cannot write, grouped by the role that would allow them. */
export function missingRoles(userRoles: readonly string[], doctypes: readonly string[]): MissingRole[] {
  const has = new Set(userRoles);
  const byRole = new Map<string, string[]>();
  for (const doctype of doctypes) {
    const allowed = WRITE_ROLES[doctype] ?? [];
    if (allowed.some((role) => has.has(role))) continue;
    const role = allowed[0] ?? 'System Manager';
    byRole.set(role, [...(byRole.get(role) ?? []), doctype]);
  }
  return [...byRole].map(([role, list]) => ({ role, doctypes: list }));
}
