import type { Doc } from '../../erpnext/types';
import { customerMarker, profileName, sameName } from './names';
import { type PlanContext, type PlanItem, type Planned, item } from './types';

export interface CustomerState {
  /** The walk-in customer (the oldest of that name), or null. */
  found: Doc | null;
  /** Later customers of the same name that a late-saved create of ours made: removed. */
  ours: Doc[];
  /** Later customers of the same name someone else made: left alone. */
  foreign: Doc[];
}

/**
 * The walk-in customer by customer_name (ERPNext renames a duplicate instead of refusing it, §4.8). When the
 * shop's POS Profile already points at a customer of that name, that read answers it: nothing more to ask.
 */
export async function walkInCustomer(p: PlanContext): Promise<CustomerState> {
  const linked = (await p.reads.profile(profileName(p.shop)))?.linked?.customer;
  if (linked && sameName(linked.customerName, p.shop.customer)) return { found: { name: linked.name, customer_name: linked.customerName, disabled: linked.disabled ? 1 : 0 }, ours: [], foreign: [] };
  return sortCustomers(p, await p.reads.customers(p.shop.customer));
}

export function sortCustomers(p: PlanContext, matches: readonly Doc[]): CustomerState {
  const [found = null, ...extras] = matches;
  const marker = customerMarker(p.shop);
  const isOurs = (doc: Doc) => String(doc.customer_details ?? '').includes(marker);
  return { found, ours: extras.filter(isOurs), foreign: extras.filter((doc) => !isOurs(doc)) };
}

/** Step 7: the walk-in customer exists and is enabled, once. */
export async function planCustomer(p: PlanContext): Promise<Planned<CustomerState>> {
  const state = await walkInCustomer(p);
  const what = `Customer "${p.shop.customer}"`;
  const items: PlanItem[] = [];
  if (!state.found) {
    // With "Naming Series" or "Auto Name" the name comes from a series (§4.8): known only once written.
    const naming = (await p.reads.single('Selling Settings')).cust_master_name;
    const byName = !naming || naming === 'Customer Name';
    items.push(item('create', 'Customer', byName ? p.shop.customer : null, what, byName ? {} : { reason: `named by ERPNext's ${String(naming)} rule` }));
  } else if (Number(state.found.disabled)) {
    items.push(item('change', 'Customer', state.found.name, what, { changes: [{ field: 'disabled', from: 1, to: 0 }] }));
  } else {
    items.push(item('adopt', 'Customer', state.found.name, what));
  }
  for (const extra of state.ours) items.push(item('change', 'Customer', extra.name, `Duplicate Customer "${extra.name}"`, { reason: 'a duplicate a late-saved create of ours made: removed' }));
  return { items, state };
}
