import { describe, expect, it } from 'vitest';
import { uniqueName } from '../support/target';
import { messages, method, plain, raised, resource, type Api } from './support/api';
import { type Cleanup, contractWorld, makeItem, type ShopContext } from './support/shop';

// Stock a shop receives: erpnext/stock/doctype/stock_entry/stock_entry.py (Material Receipt, submit,
// cancel), erpnext/stock/stock_ledger.py make_sl_entries and the Bin (erpnext/stock/doctype/bin).
// CONTRACT §4.7 (opening stock books a Stock Entry) and §7 (Stock Entry is submittable).

let a: Api;
let shop: ShopContext;
let cleanup: Cleanup;
let item: string;

contractWorld(async (world) => {
  ({ a, shop, cleanup } = world);
  item = await makeItem(a, shop, cleanup, 0);
});

const receipt = (rows: Record<string, unknown>[], extra: Record<string, unknown> = {}) =>
  a.post(resource('Stock Entry'), { stock_entry_type: 'Material Receipt', purpose: 'Material Receipt', company: shop.company, items: rows, ...extra });
const binQty = async () => {
  const rows = (await a.get(resource('Bin'), { fields: ['actual_qty'], filters: { item_code: item, warehouse: shop.warehouse } })).body.data as { actual_qty: number }[];
  return rows[0]?.actual_qty ?? 0;
};
const ledger = async (voucher: string) =>
  (await a.get(resource('Stock Ledger Entry'), { fields: ['actual_qty', 'is_cancelled', 'warehouse'], filters: { voucher_type: 'Stock Entry', voucher_no: voucher }, order_by: 'actual_qty desc', limit_page_length: 0 })).body.data;

describe('Stock Entry (Material Receipt)', () => {
  it('a draft books nothing; submit writes a ledger row and fills the Bin [stock_entry.py on_submit; stock_ledger.py]', async () => {
    const draft = await receipt([{ item_code: item, t_warehouse: shop.warehouse, qty: 4, basic_rate: 2 }]);
    expect([draft.status, draft.body.data.docstatus, draft.body.data.total_incoming_value]).toEqual([200, 0, 8]);
    const name = cleanup.add('Stock Entry', draft.body.data.name);
    expect(name).toMatch(/^MAT-STE-\d{4}-\d{5}$/);
    expect(await ledger(name)).toEqual([]);
    const before = await binQty();
    expect((await a.put(resource('Stock Entry', name), { docstatus: 1 })).body.data.docstatus).toBe(1);
    expect(await ledger(name)).toEqual([{ actual_qty: 4, is_cancelled: 0, warehouse: shop.warehouse }]);
    expect(await binQty()).toBe(before + 4);
  });

  it('cancel marks its ledger rows cancelled, books the reversal and empties the Bin again [stock_ledger.py make_sl_entries(cancel); stock_entry.py on_cancel]', async () => {
    const name = cleanup.add('Stock Entry', (await receipt([{ item_code: item, t_warehouse: shop.warehouse, qty: 3, basic_rate: 2 }], { docstatus: 1 })).body.data.name);
    const before = await binQty();
    // the ledger rows link the entry, yet they do not block its cancel (ignore_linked_doctypes)
    const r = await a.post(method('frappe.client.cancel'), { doctype: 'Stock Entry', name });
    expect([r.status, r.body.message?.docstatus]).toEqual([200, 2]);
    expect(await ledger(name)).toEqual([{ actual_qty: 3, is_cancelled: 1, warehouse: shop.warehouse }, { actual_qty: -3, is_cancelled: 1, warehouse: shop.warehouse }]);
    expect(await binQty()).toBe(before - 3);
  });

  it('a cancelled entry still has ledger rows, which keep it from being deleted [delete_doc.py check_if_doc_is_dynamically_linked]', async () => {
    const name = cleanup.add('Stock Entry', (await receipt([{ item_code: item, t_warehouse: shop.warehouse, qty: 1, basic_rate: 2 }], { docstatus: 1 })).body.data.name);
    await a.post(method('frappe.client.cancel'), { doctype: 'Stock Entry', name });
    const r = await a.del(resource('Stock Entry', name));
    expect([r.status, r.body.exc_type]).toEqual([417, 'LinkExistsError']);
    expect(plain(messages(r.body).at(-1)?.message)).toMatch(new RegExp(`^Cannot delete or cancel because Stock Entry ${name} is linked with Stock Ledger Entry \\S+$`));
  });

  it('needs a target warehouse per row [stock_entry.py validate_warehouse]', async () => {
    const r = await receipt([{ item_code: item, qty: 1, basic_rate: 2 }]);
    expect([r.status, plain(raised(r.body)?.message)]).toEqual([417, 'Target warehouse is mandatory for row 1']);
  });

  it('refuses a group warehouse and another company\'s warehouse [erpnext/stock/utils.py is_group_warehouse, validate_warehouse_company]', async () => {
    const group = (await a.get(resource('Warehouse'), { filters: { company: shop.company, is_group: 1 }, limit_page_length: 1 })).body.data[0].name as string;
    expect(plain(raised((await receipt([{ item_code: item, t_warehouse: group, qty: 1, basic_rate: 2 }])).body)?.message)).toBe('Group node warehouse is not allowed to select for transactions');
    const abbr = `Z${Math.random().toString(36).slice(2, 6).toUpperCase()}`;
    const other = cleanup.add('Company', (await a.post(resource('Company'), { company_name: uniqueName('ZZ Other Co'), abbr, default_currency: shop.currency, country: 'United States' })).body.data.name);
    const foreign = (await a.get(resource('Warehouse'), { filters: { company: other, is_group: 0 }, limit_page_length: 1 })).body.data[0].name as string;
    const r = await receipt([{ item_code: item, t_warehouse: foreign, qty: 1, basic_rate: 2 }]);
    expect([r.body.exc_type, plain(raised(r.body)?.message)]).toEqual(['InvalidWarehouseCompany', `Warehouse ${foreign} does not belong to company ${shop.company}`]);
  });

  it('refuses a non-stock item [stock_entry.py validate_item]', async () => {
    const service = await makeItem(a, shop, cleanup, 0, { is_stock_item: 0, opening_stock: 0 });
    const r = await receipt([{ item_code: service, t_warehouse: shop.warehouse, qty: 1, basic_rate: 2 }]);
    expect(plain(raised(r.body)?.message)).toBe(`${service} is not a stock Item`);
  });
});
