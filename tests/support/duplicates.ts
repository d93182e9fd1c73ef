import type { Sandbox } from '../../sandbox';

export interface ShopExpectation {
  company: string;
  customer: string;
  profile: string;
  items: string[];
}

/** The shop of tests/support/engineHarness SHOP_FILE, as it must look on the site. */
export const CORNER_CAFE: ShopExpectation = {
  company: 'Corner Cafe',
  customer: 'Walk-in Customer',
  profile: 'Corner Cafe POS',
  items: ['CC-ESPRESSO', 'CC-CAPPUCCINO', 'CC-CROISSANT', 'CC-WATER'],
};

/**
 * How many of each thing the shop needs exist on the site: every count must be exactly one after any
 * run, interrupted or not.
 */
export function shopRecordCounts(sandbox: Sandbox, shop: ShopExpectation): Record<string, number> {
  const { company } = shop;
  const counts: Record<string, number> = {
    company: sandbox.db.count('Company', { company_name: company }),
    mainStore: sandbox.db.count('Warehouse', { company, warehouse_name: 'Main Store' }),
    posStore: sandbox.db.count('Warehouse', { company, warehouse_name: 'POS Store' }),
    cardAccount: sandbox.db.count('Account', { company, account_name: 'Card Payments' }),
    customer: sandbox.db.count('Customer', { customer_name: shop.customer }),
    posProfile: sandbox.db.count('POS Profile', { name: shop.profile }),
    openSession: sandbox.db.count('POS Opening Entry', { pos_profile: shop.profile, docstatus: 1, status: 'Open' }),
    draftSession: sandbox.db.count('POS Opening Entry', { pos_profile: shop.profile, docstatus: 0 }),
    demoGroup: sandbox.db.count('Item Group', { item_group_name: 'Demo Items' }),
  };
  for (const mode of ['Cash', 'Credit Card']) {
    const doc = sandbox.db.get('Mode of Payment', mode);
    counts[`${mode} account rows`] = ((doc?.accounts as { company: string }[] | undefined) ?? []).filter((row) => row.company === company).length;
  }
  for (const item of shop.items) {
    counts[`item ${item}`] = sandbox.db.count('Item', { item_code: item });
    counts[`price ${item}`] = sandbox.db.count('Item Price', { item_code: item });
    counts[`opening stock ${item}`] = sandbox.db.list('Stock Entry').filter((entry) => ((entry.items as { item_code: string }[] | undefined) ?? []).some((row) => row.item_code === item)).length;
  }
  return counts;
}

export function allOnes(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.keys(counts).map((key) => [key, key === 'draftSession' ? 0 : 1]));
}

/**
 * The same counts, read through ERPNext's REST API (as a person would check the site), so they hold
 * against a real ERPNext too. Exactly one of each after any run, interrupted or not.
 */
export async function countsThroughApi(siteUrl: string, credentials: { apiKey: string; apiSecret: string }, shop: ShopExpectation): Promise<Record<string, number>> {
  const headers = { Authorization: `token ${credentials.apiKey}:${credentials.apiSecret}`, Accept: 'application/json' };
  const get = async (path: string, query: Record<string, unknown>) => {
    const url = new URL(`${siteUrl}${path}`);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, typeof v === 'string' ? v : JSON.stringify(v));
    const res = await fetch(url, { headers });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as { message?: unknown; data?: unknown };
  };
  const count = async (doctype: string, filters: unknown) => Number((await get('/api/method/frappe.client.get_count', { doctype, filters })).message);
  const { company, profile } = shop;
  const counts: Record<string, number> = {
    company: await count('Company', [['company_name', '=', company]]),
    mainStore: await count('Warehouse', [['company', '=', company], ['warehouse_name', '=', 'Main Store']]),
    posStore: await count('Warehouse', [['company', '=', company], ['warehouse_name', '=', 'POS Store']]),
    cardAccount: await count('Account', [['company', '=', company], ['account_name', '=', 'Card Payments']]),
    customer: await count('Customer', [['customer_name', '=', shop.customer]]),
    posProfile: await count('POS Profile', [['name', '=', profile]]),
    openSession: await count('POS Opening Entry', [['pos_profile', '=', profile], ['docstatus', '=', 1], ['status', '=', 'Open']]),
    draftSession: await count('POS Opening Entry', [['pos_profile', '=', profile], ['docstatus', '=', 0]]),
    demoGroup: await count('Item Group', [['item_group_name', '=', 'Demo Items']]),
  };
  for (const mode of ['Cash', 'Credit Card']) {
    const doc = (await get(`/api/resource/Mode of Payment/${encodeURIComponent(mode)}`, {})).data as { accounts?: { company: string }[] };
    counts[`${mode} account rows`] = (doc.accounts ?? []).filter((row) => row.company === company).length;
  }
  for (const item of shop.items) {
    counts[`item ${item}`] = await count('Item', [['item_code', '=', item]]);
    counts[`price ${item}`] = await count('Item Price', [['item_code', '=', item]]);
    counts[`opening stock ${item}`] = await count('Stock Entry', [['Stock Entry Detail', 'item_code', '=', item], ['docstatus', '=', 1]]);
  }
  return counts;
}

/**
 * What a shop's opening stock leaves on the site (and ERPNext's Transaction Deletion Record that removes
 * it), read through the REST API: undo must leave none of it.
 */
export async function stockThroughApi(siteUrl: string, credentials: { apiKey: string; apiSecret: string }, shop: { company: string; abbr: string; items: string[] }): Promise<Record<string, number>> {
  const count = async (doctype: string, filters: unknown) => {
    const url = new URL(`${siteUrl}/api/method/frappe.client.get_count`);
    url.searchParams.set('doctype', doctype);
    url.searchParams.set('filters', JSON.stringify(filters));
    const res = await fetch(url, { headers: { Authorization: `token ${credentials.apiKey}:${credentials.apiSecret}`, Accept: 'application/json' } });
    if (!res.ok) throw new Error(`${doctype}: ${res.status} ${await res.text()}`);
    return Number(((await res.json()) as { message: number }).message);
  };
  return {
    'Stock Entry': await count('Stock Entry', [['company', '=', shop.company]]),
    'Stock Ledger Entry': await count('Stock Ledger Entry', [['item_code', 'in', shop.items]]),
    'Stock Ledger Entry of the company': await count('Stock Ledger Entry', [['company', '=', shop.company]]),
    Bin: await count('Bin', [['item_code', 'in', shop.items]]),
    'Bin of the warehouses': await count('Bin', [['warehouse', 'like', `% - ${shop.abbr}`]]),
    'Transaction Deletion Record': await count('Transaction Deletion Record', [['company', '=', shop.company]]),
  };
}
