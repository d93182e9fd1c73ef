import { describe, expect, it } from 'vitest';
import { uniqueName } from '../support/target';
import { messages, method, plain, raised, resource, type Api } from './support/api';
import { type Cleanup, contractWorld, makeItem, makeProfile, openSession, today, type ShopContext } from './support/shop';

// Deletes as Frappe 15 does them (frappe/model/delete_doc.py, frappe/api/v1.py delete_doc) and the
// on_trash cascades of ERPNext 15 — against the sandbox, or a real site with ERPNEXT_URL & co.

let a: Api;
let shop: ShopContext;
let cleanup: Cleanup;

contractWorld(async (world) => {
  ({ a, shop, cleanup } = world);
});

const customer = async (extra: Record<string, unknown> = {}) =>
  cleanup.add('Customer', (await a.post(resource('Customer'), { customer_name: uniqueName('ZZ Del Customer'), customer_type: 'Individual', ...extra })).body.data.name);

describe('DELETE /api/resource', () => {
  it('answers 202 {"data": "ok"} and the record is gone [frappe/api/v1.py delete_doc; CONTRACT §2.1]', async () => {
    const name = await customer();
    expect(await a.del(resource('Customer', name))).toEqual({ status: 202, body: { data: 'ok' } });
    expect((await a.get(resource('Customer', name))).status).toBe(404);
  });

  it('answers a missing name with a bare 404 DoesNotExistError [delete_doc.py ignore_missing=False; CONTRACT §3.2]', async () => {
    const r = await a.del(resource('Customer', uniqueName('ZZ Nobody')));
    expect([r.status, r.body.exc_type, r.body._server_messages]).toEqual([404, 'DoesNotExistError', undefined]);
  });

  it('names the linking document: "Cannot delete or cancel because {DocType} {link} is linked with {DocType} {link}" [delete_doc.py raise_link_exists_exception; CONTRACT §3.2]', async () => {
    const type = cleanup.add('Warehouse Type', (await a.post(resource('Warehouse Type'), { name: uniqueName('ZZ Type') })).body.data.name);
    const store = cleanup.add('Warehouse', (await a.post(resource('Warehouse'), { warehouse_name: uniqueName('ZZ Typed Store'), company: shop.company, warehouse_type: type })).body.data.name);
    const r = await a.del(resource('Warehouse Type', type));
    expect([r.status, r.body.exc_type]).toEqual([417, 'LinkExistsError']);
    // Warehouse Type has neither `enabled` nor `disabled`, so the LinkExistsError itself is the answer
    expect(raised(r.body)?.message).toBe(
      `Cannot delete or cancel because Warehouse Type <a href="/app/Form/Warehouse Type/${type}">${type}</a> is linked with Warehouse <a href="/app/Form/Warehouse/${store}">${store}</a> `,
    );
  });

  it('offers "You can disable this {DocType} instead of deleting it." for a doctype that can be disabled, keeping the first message [delete_doc.py]', async () => {
    const name = await customer();
    const price = (await a.post(resource('Item Price'), { item_code: await makeItem(a, shop, cleanup), price_list: 'Standard Selling', price_list_rate: 9, customer: name })).body.data.name as string;
    cleanup.add('Item Price', price);
    const r = await a.del(resource('Customer', name));
    expect([r.status, r.body.exc_type, plain(raised(r.body)?.message)]).toEqual([417, 'LinkExistsError', 'You can disable this Customer instead of deleting it.']);
    expect(plain(messages(r.body)[0]?.message)).toBe(`Cannot delete or cancel because Customer ${name} is linked with Item Price ${price}`);
  });

  it('reports a link from a child row by its parent document [delete_doc.py check_if_doc_is_linked: item.parent]', async () => {
    const mode = cleanup.add('Mode of Payment', (await a.post(resource('Mode of Payment'), { mode_of_payment: uniqueName('ZZ Voucher'), type: 'General', accounts: [{ company: shop.company, default_account: shop.cash }] })).body.data.name);
    const profile = await makeProfile(a, shop, cleanup, { payments: [{ mode_of_payment: 'Cash', default: 1 }, { mode_of_payment: mode }] });
    const r = await a.del(resource('Mode of Payment', mode));
    expect(plain(messages(r.body)[0]?.message)).toBe(`Cannot delete or cancel because Mode of Payment ${mode} is linked with POS Profile ${profile}`);
  });

  it('counts a cancelled document as a link too: delete it first [delete_doc.py: method "Delete" checks every docstatus]', async () => {
    const profile = await makeProfile(a, shop, cleanup);
    const entry = await openSession(a, shop, profile, cleanup);
    expect((await a.post(method('frappe.client.cancel'), { doctype: 'POS Opening Entry', name: entry })).body.message.docstatus).toBe(2);
    const r = await a.del(resource('POS Profile', profile));
    expect(r.status).toBe(417);
    expect(plain(messages(r.body)[0]?.message)).toBe(`Cannot delete or cancel because POS Profile ${profile} is linked with POS Opening Entry ${entry}`);
  });
});

describe('submitted and cancelled documents', () => {
  it('refuses to delete a submitted document: cancel it first; a cancelled one deletes [delete_doc.py check_permission_and_not_submitted; CONTRACT §2.5]', async () => {
    const entry = await openSession(a, shop, await makeProfile(a, shop, cleanup), cleanup);
    const r = await a.del(resource('POS Opening Entry', entry));
    expect([r.status, r.body.exc_type]).toEqual([417, 'ValidationError']);
    expect(plain(raised(r.body)?.message)).toBe(`POS Opening Entry ${entry}: Submitted Record cannot be deleted. You must Cancel it first.`);
    await a.post(method('frappe.client.cancel'), { doctype: 'POS Opening Entry', name: entry });
    expect((await a.del(resource('POS Opening Entry', entry))).status).toBe(202);
  });

  it('gives the newest number of a naming series back when that document is deleted [frappe/model/naming.py revert_series_if_last]', async () => {
    const profile = await makeProfile(a, shop, cleanup);
    const draft = async () => cleanup.add('POS Opening Entry', (await a.post(resource('POS Opening Entry'), {
      company: shop.company, pos_profile: profile, user: shop.user, period_start_date: `${today()} 08:00:00`, posting_date: today(),
      balance_details: [{ mode_of_payment: 'Cash', opening_amount: 0 }],
    })).body.data.name as string);
    const older = await draft();
    const newest = await draft();
    expect((await a.del(resource('POS Opening Entry', newest))).status).toBe(202);
    expect(await draft()).toBe(newest);
    // an older document is not the series' last number: deleting it gives nothing back
    expect((await a.del(resource('POS Opening Entry', older))).status).toBe(202);
    expect(await draft()).not.toBe(older);
  });
});

describe('on_trash cascades', () => {
  it('a Company takes its accounts, cost centers, warehouses and Mode of Payment rows with it [erpnext/setup/doctype/company/company.py on_trash; CONTRACT §4.3]', async () => {
    const abbr = `Z${Math.random().toString(36).slice(2, 6).toUpperCase()}`;
    const company = (await a.post(resource('Company'), { company_name: uniqueName('ZZ Undo Co'), abbr, default_currency: shop.currency, country: 'United States' })).body.data.name as string;
    const count = async (doctype: string) => (await a.get(method('frappe.client.get_count'), { doctype, filters: { company } })).body.message as number;
    expect(await count('Account')).toBeGreaterThan(20);
    expect(await count('Warehouse')).toBe(5);
    expect(await a.del(resource('Company', company))).toEqual({ status: 202, body: { data: 'ok' } });
    expect([await count('Account'), await count('Cost Center'), await count('Warehouse')]).toEqual([0, 0, 0]);
    const cash = (await a.get(resource('Mode of Payment', 'Cash'))).body.data as { accounts: { company: string }[] };
    expect(cash.accounts.map((r) => r.company)).not.toContain(company);
  });

  it('a Company still linked is refused and its cascade rolled back [company.py on_trash then delete_doc link check; CONTRACT §2.4]', async () => {
    const abbr = `Z${Math.random().toString(36).slice(2, 6).toUpperCase()}`;
    const company = cleanup.add('Company', (await a.post(resource('Company'), { company_name: uniqueName('ZZ Kept Co'), abbr, default_currency: shop.currency, country: 'United States' })).body.data.name);
    const staff = await customer({ is_internal_customer: 1, represents_company: company });
    const r = await a.del(resource('Company', company));
    expect([r.status, r.body.exc_type]).toEqual([417, 'LinkExistsError']);
    expect(plain(raised(r.body)?.message)).toBe(`Cannot delete or cancel because Company ${company} is linked with Customer ${staff}`);
    expect((await a.get(method('frappe.client.get_count'), { doctype: 'Account', filters: { company } })).body.message).toBeGreaterThan(20);
    await a.del(resource('Customer', staff));
  });

  it('an Item takes its Item Prices with it [erpnext/stock/doctype/item/item.py on_trash; CONTRACT §4.7]', async () => {
    const item = await makeItem(a, shop, cleanup);
    const prices = async () => (await a.get(method('frappe.client.get_count'), { doctype: 'Item Price', filters: { item_code: item } })).body.message as number;
    expect(await prices()).toBe(1);
    expect((await a.del(resource('Item', item))).status).toBe(202);
    expect(await prices()).toBe(0);
  });

  it('an Item with stock is refused: it can be disabled instead [item.py on_trash, delete_doc.py]', async () => {
    const item = await makeItem(a, shop, cleanup, 2);
    const r = await a.del(resource('Item', item));
    expect([r.status, r.body.exc_type, plain(raised(r.body)?.message)]).toEqual([417, 'LinkExistsError', 'You can disable this Item instead of deleting it.']);
    expect(plain(messages(r.body)[0]?.message)).toMatch(new RegExp(`^Cannot delete or cancel because Item ${item} is linked with (Stock Entry|Stock Ledger Entry) `));
  });

  it('a Warehouse holding stock is refused by its on_trash [erpnext/stock/doctype/warehouse/warehouse.py on_trash; CONTRACT §4.5]', async () => {
    const store = cleanup.add('Warehouse', (await a.post(resource('Warehouse'), { warehouse_name: uniqueName('ZZ Stocked'), company: shop.company })).body.data.name);
    const item = await makeItem(a, shop, cleanup, 0);
    const entry = (await a.post(resource('Stock Entry'), { stock_entry_type: 'Material Receipt', purpose: 'Material Receipt', company: shop.company, items: [{ item_code: item, t_warehouse: store, qty: 1, basic_rate: 2 }], docstatus: 1 })).body.data.name as string;
    cleanup.add('Stock Entry', entry);
    const r = await a.del(resource('Warehouse', store));
    expect([r.status, r.body.exc_type, plain(raised(r.body)?.message)]).toEqual([417, 'ValidationError', `Warehouse ${store} can not be deleted as quantity exists for Item ${item}`]);
  });
});
