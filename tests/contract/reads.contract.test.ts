import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SiteReads } from '../../electron/engine/reads/siteReads';
import { contractTarget, uniqueName, type ContractTarget } from '../support/target';
import { api, resource, type Api } from './support/api';
import { Cleanup, makeItem, makeProfile, openSession, shopContext, today, type ShopContext } from './support/shop';

// The run's batched reads (electron/engine/reads/siteReads.ts) against the target — the sandbox, or a real
// ERPNext 15 when ERPNEXT_URL is set: each one list query with child-table columns (rows multiply and are
// grouped back), linked fields (link_field.col with an alias, CONTRACT §2.2), or_filters and a qualified
// order_by next to a join [frappe/model/db_query.py parse_args, extract_tables, validate_order_by_and_group_by].

let target: ContractTarget;
let a: Api;
let shop: ShopContext;
let cleanup: Cleanup;
let reads: SiteReads;
let customer: string;
let mode: string;
let profile: string;
let item: string;

beforeAll(async () => {
  target = await contractTarget();
  a = api(target);
  shop = await shopContext(a);
  cleanup = new Cleanup(a);
  customer = cleanup.add('Customer', (await a.post(resource('Customer'), { customer_name: uniqueName('ZZ Walk-in'), customer_type: 'Individual' })).body.data.name);
  mode = cleanup.add('Mode of Payment', (await a.post(resource('Mode of Payment'), { mode_of_payment: uniqueName('ZZ Card'), type: 'Bank', accounts: [{ company: shop.company, default_account: shop.cash }] })).body.data.name);
  profile = await makeProfile(a, shop, cleanup, {
    customer,
    selling_price_list: 'Standard Selling',
    payments: [{ mode_of_payment: 'Cash', default: 1 }, { mode_of_payment: mode, default: 0 }],
    applicable_for_users: [{ user: shop.user, default: 0 }],
  });
  item = await makeItem(a, shop, cleanup, 2);
  await openSession(a, shop, profile, cleanup);
  reads = new SiteReads(target.client());
}, 120_000);

afterAll(async () => {
  reads?.dispose();
  await cleanup?.run();
  await target?.stop();
});

describe('the run reads', () => {
  it('a POS Profile with both child tables and what its links point at, in one query', async () => {
    const facts = await reads.profile(profile);
    expect(facts?.payments).toEqual([{ mode_of_payment: 'Cash', default: 1 }, { mode_of_payment: mode, default: 0 }]);
    expect(facts?.users).toEqual([{ user: shop.user, default: 0 }]);
    expect(facts?.doc).toMatchObject({ name: profile, company: shop.company, customer, warehouse: shop.warehouse });
    expect(facts?.linked?.customer).toEqual({ name: customer, customerName: expect.stringMatching(/^ZZ Walk-in/i), disabled: false });
    expect(facts?.linked?.priceList).toMatchObject({ name: 'Standard Selling', enabled: true });
    expect(facts?.linked?.warehouse).toEqual({ name: shop.warehouse, company: shop.company, isGroup: false, disabled: false });
  });

  it('prices with their item\'s facts (linked fields) and the stock on hand (Bin)', async () => {
    const prices = await reads.prices([item]);
    expect(prices.length).toBeGreaterThanOrEqual(1);
    expect(prices[0]).toMatchObject({ itemCode: item, rate: 3, item: { name: item, itemGroup: 'Products', stockUom: 'Nos', isStockItem: true, isSalesItem: true, disabled: false } });
    expect(await reads.bins([item])).toEqual([{ itemCode: item, warehouse: shop.warehouse, actualQty: 2 }]);
  });

  it('the cashier\'s sessions on a profile with their balance modes, ordered next to a join', async () => {
    expect(await reads.openings(profile, shop.user)).toEqual([expect.objectContaining({ docstatus: 1, status: 'Open', user: shop.user, posProfile: profile, modes: ['Cash'] })]);
  });

  it('every Mode of Payment with its per-company account rows', async () => {
    const found = (await reads.modes()).find((m) => m.name === mode);
    expect(found).toEqual({ name: mode, type: 'Bank', enabled: true, accounts: [{ company: shop.company, default_account: shop.cash }] });
  });

  it('the company by name or abbreviation (or_filters), the users with roles and defaults, the fiscal year covering today', async () => {
    expect(await reads.company(shop.company, shop.abbr)).toMatchObject({ company: { name: shop.company, abbr: shop.abbr }, abbrTakenBy: [] });
    const [user] = await reads.users([shop.user]);
    expect(user).toMatchObject({ name: shop.user, enabled: true });
    expect((await reads.fiscalYears(today())).length).toBeGreaterThanOrEqual(1);
  });
});
