import { afterAll, beforeAll } from 'vitest';
import { type ContractTarget, contractTarget, uniqueName } from '../../support/target';
import { type Api, api, method, resource } from './api';

// What the stateful contract tests need from a setup-done site (CONTRACT §4.1): a company with default
// accounts and a Cash account row, a leaf warehouse, and records they create themselves under unique
// names — deleted again afterwards, submitted ones cancelled first.

export interface ShopContext { company: string; abbr: string; currency: string; warehouse: string; writeOff: string; costCenter: string; cash: string; user: string }

export async function shopContext(a: Api): Promise<ShopContext> {
  const companies = (await a.get(resource('Company'), { fields: ['name', 'abbr', 'default_currency', 'write_off_account', 'cost_center', 'default_cash_account'], order_by: 'creation asc', limit_page_length: 0 })).body.data as Record<string, string>[];
  const cash = (await a.get(resource('Mode of Payment', 'Cash'))).body.data as { accounts: { company: string }[] };
  const withCash = new Set(cash.accounts.map((r) => r.company));
  const company = companies.find((c) => c.write_off_account && c.cost_center && c.default_cash_account && withCash.has(String(c.name)));
  if (!company) throw new Error('The contract site needs a company with default accounts and a Cash account row (complete the setup wizard).');
  const name = String(company.name);
  const warehouses = (await a.get(resource('Warehouse'), { filters: [['company', '=', name], ['is_group', '=', 0]], order_by: 'creation asc', limit_page_length: 1 })).body.data as { name: string }[];
  const user = (await a.get(method('frappe.auth.get_logged_user'))).body.message as string;
  return {
    company: name, abbr: String(company.abbr), currency: String(company.default_currency), warehouse: String(warehouses[0]?.name),
    writeOff: String(company.write_off_account), costCenter: String(company.cost_center), cash: String(company.default_cash_account), user,
  };
}

/** Undo what a test made, newest first: cancel what is submitted, then delete; failures are ignored. */
export class Cleanup {
  private readonly items: [string, string][] = [];
  constructor(private readonly a: Api) {}

  add(doctype: string, name: string): string {
    this.items.push([doctype, name]);
    return name;
  }

  async run(): Promise<void> {
    for (const [doctype, name] of this.items.reverse()) {
      await this.a.post(method('frappe.client.cancel'), { doctype, name }).catch(() => undefined);
      await this.a.del(resource(doctype, name)).catch(() => undefined);
    }
  }
}

export const today = (): string => new Date().toISOString().slice(0, 10);

/** A POS Profile for the shop's company with Cash as its only, default payment. */
export async function makeProfile(a: Api, shop: ShopContext, cleanup: Cleanup, extra: Record<string, unknown> = {}): Promise<string> {
  const name = uniqueName('ZZ Till');
  const r = await a.post(resource('POS Profile'), {
    name, company: shop.company, currency: shop.currency, warehouse: shop.warehouse, write_off_account: shop.writeOff,
    write_off_cost_center: shop.costCenter, payments: [{ mode_of_payment: 'Cash', default: 1 }], ...extra,
  });
  if (r.status !== 200) throw new Error(`POS Profile: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
  return cleanup.add('POS Profile', r.body.data.name as string);
}

/** A submitted POS Opening Entry for the profile and the API user. */
export async function openSession(a: Api, shop: ShopContext, profile: string, cleanup: Cleanup): Promise<string> {
  const r = await a.post(resource('POS Opening Entry'), {
    company: shop.company, pos_profile: profile, user: shop.user, period_start_date: `${today()} 08:00:00`, posting_date: today(),
    balance_details: [{ mode_of_payment: 'Cash', opening_amount: 100 }], docstatus: 1,
  });
  if (r.status !== 200) throw new Error(`POS Opening Entry: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
  return cleanup.add('POS Opening Entry', r.body.data.name as string);
}

/** A stock item with a selling price; `stock` units received into the shop's warehouse (opening stock). */
export async function makeItem(a: Api, shop: ShopContext, cleanup: Cleanup, stock = 0, extra: Record<string, unknown> = {}): Promise<string> {
  const code = uniqueName('ZZ-ITEM').replace(/ /g, '-');
  const r = await a.post(resource('Item'), {
    item_code: code, item_group: 'Products', stock_uom: 'Nos', standard_rate: 3, valuation_rate: 2, opening_stock: stock,
    item_defaults: [{ company: shop.company, default_warehouse: shop.warehouse }], ...extra,
  });
  if (r.status !== 200) throw new Error(`Item: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
  return cleanup.add('Item', code);
}

export interface ContractWorld {
  target: ContractTarget;
  a: Api;
  shop: ShopContext;
  cleanup: Cleanup;
}

/**
 * A contract suite's setup and teardown: the target (the sandbox, or a real ERPNext from the environment),
 * its shop context, then `prepare`; afterwards everything the suite made is removed and the target stopped.
 */
export function contractWorld(prepare: (world: ContractWorld) => Promise<void>): void {
  let world: ContractWorld | undefined;
  beforeAll(async () => {
    const target = await contractTarget();
    const a = api(target);
    world = { target, a, shop: await shopContext(a), cleanup: new Cleanup(a) };
    await prepare(world);
  });
  afterAll(async () => {
    await world?.cleanup.run();
    await world?.target.stop();
  });
}
