import { describe, expect, it } from 'vitest';
import { method, plain, raised, resource, type Api } from './support/api';
import { type Cleanup, contractWorld, makeItem, makeProfile, openSession, today, type ShopContext } from './support/shop';

// A shop's first sale: erpnext/accounts/doctype/pos_invoice/pos_invoice.py (validate, on_submit,
// on_cancel, get_stock_availability, get_pos_reserved_qty). CONTRACT §4.10 (the open session a POS
// Invoice needs) and §4.11 (what must be true for the POS to sell).

let a: Api;
let shop: ShopContext;
let cleanup: Cleanup;
let profile: string;
let item: string;
let customer: string;

contractWorld(async (world) => {
  ({ a, shop, cleanup } = world);
  profile = await makeProfile(a, shop, cleanup);
  item = await makeItem(a, shop, cleanup, 5);
  customer = cleanup.add('Customer', (await a.post(resource('Customer'), { customer_name: `ZZ Till Guest ${Date.now()}`, customer_type: 'Individual' })).body.data.name);
});

const invoice = (extra: Record<string, unknown> = {}, qty = 1) => ({
  customer, pos_profile: profile, company: shop.company, currency: shop.currency, is_pos: 1, update_stock: 1, posting_date: today(),
  items: [{ item_code: item, qty, rate: 3 }], payments: [{ mode_of_payment: 'Cash', amount: 3 * qty, default: 1 }], ...extra,
});
const post = async (body: Record<string, unknown>) => {
  const r = await a.post(resource('POS Invoice'), body);
  if (r.status === 200) cleanup.add('POS Invoice', r.body.data.name);
  return r;
};
const available = async () => ((await a.get(method('erpnext.accounts.doctype.pos_invoice.pos_invoice.get_stock_availability'), { item_code: item, warehouse: shop.warehouse })).body.message as [number])[0];

describe('POS Invoice', () => {
  it('needs an open POS Opening Entry for its profile [pos_invoice.py validate_pos_opening_entry; CONTRACT §4.10]', async () => {
    const r = await post(invoice());
    expect([r.status, r.body.exc_type]).toEqual([417, 'ValidationError']);
    expect(raised(r.body)).toMatchObject({ title: 'POS Opening Entry Missing', message: `No open POS Opening Entry found for POS Profile <strong>${profile}</strong>.` });
  });

  it('saves a draft with its totals and payments once a session is open [pos_invoice.py validate; CONTRACT §4.11]', async () => {
    await openSession(a, shop, profile, cleanup);
    const r = await post(invoice({}, 2));
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({ docstatus: 0, status: 'Draft', is_pos: 1, grand_total: 6, paid_amount: 6, total_qty: 2 });
    expect(r.body.data.name).toMatch(/^ACC-PSINV-\d{4}-\d{5}$/);
    expect(r.body.data.items[0]).toMatchObject({ item_code: item, warehouse: shop.warehouse, amount: 6 });
  });

  it('refuses is_pos = 0 and an invoice without payments [pos_invoice.py validate, validate_mode_of_payment]', async () => {
    expect(plain(raised((await post(invoice({ is_pos: 0 }))).body)?.message)).toBe('POS Invoice should have the field Include Payment checked.');
    expect(plain(raised((await post(invoice({ payments: [] }))).body)?.message)).toBe('At least one mode of payment is required for POS invoice.');
  });

  it('submits only what the warehouse holds: "Stock quantity not enough" [pos_invoice.py validate_stock_availablility]', async () => {
    const r = await post(invoice({ docstatus: 1 }, 6));
    expect([r.status, raised(r.body)?.title]).toEqual([417, 'Item Unavailable']);
    expect(plain(raised(r.body)?.message)).toBe(`Row #1: Stock quantity not enough for Item Code: ${item} under warehouse ${shop.warehouse}.`);
  });

  it('refuses a partial payment on submit [pos_invoice.py validate_full_payment]', async () => {
    const r = await post(invoice({ docstatus: 1, payments: [{ mode_of_payment: 'Cash', amount: 1, default: 1 }] }));
    expect([r.status, r.body.exc_type, plain(raised(r.body)?.message)]).toEqual([417, 'PartialPaymentValidationError', 'Partial Payment in POS Invoice is not allowed.']);
  });

  it('a submitted invoice reserves its stock (no ledger entry); cancelling gives it back [pos_invoice.py get_pos_reserved_qty, on_cancel]', async () => {
    const before = await available();
    const r = await post(invoice({ docstatus: 1 }, 2));
    expect([r.status, r.body.data.status, r.body.data.docstatus]).toEqual([200, 'Paid', 1]);
    expect(await available()).toBe(before - 2);
    const ledger = await a.get(resource('Stock Ledger Entry'), { filters: { voucher_no: r.body.data.name } });
    expect(ledger.body.data).toEqual([]);
    const cancelled = await a.post(method('frappe.client.cancel'), { doctype: 'POS Invoice', name: r.body.data.name });
    expect(cancelled.body.message).toMatchObject({ docstatus: 2, status: 'Cancelled' });
    expect(await available()).toBe(before);
  });

  it('an item with nothing left is "not available under warehouse" [pos_invoice.py validate_stock_availablility]', async () => {
    const empty = await makeItem(a, shop, cleanup, 0);
    const r = await post(invoice({ docstatus: 1, items: [{ item_code: empty, qty: 1, rate: 3 }] }));
    expect(plain(raised(r.body)?.message)).toBe(`Row #1: Item Code: ${empty} is not available under warehouse ${shop.warehouse}.`);
  });
});
