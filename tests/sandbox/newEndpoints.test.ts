import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../sandbox/index';
import { call, del, lastMessage, messages, post, put, sandbox } from './helpers';

// Sandbox-only checks for the new endpoints: faults reach them like any other route, and the delete /
// cancel rules that need a setup the contract suite cannot make on a real site (a Single holding a
// link, a return invoice, tree roots).

const till = {
  name: 'Till', company: 'Lab HQ', currency: 'USD', warehouse: 'Stores - LHQ', write_off_account: 'Write Off - LHQ',
  write_off_cost_center: 'Main - LHQ', payments: [{ mode_of_payment: 'Cash', default: 1 }],
};
const session = { company: 'Lab HQ', pos_profile: 'Till', user: 'Administrator', period_start_date: '2026-01-01 08:00:00', balance_details: [{ mode_of_payment: 'Cash', opening_amount: 0 }], docstatus: 1 };

async function shopWithStock(sb: Sandbox): Promise<void> {
  await post(sb, '/api/resource/POS Profile', till);
  await post(sb, '/api/resource/POS Opening Entry', session);
  await post(sb, '/api/resource/Customer', { customer_name: 'Guest' });
  await post(sb, '/api/resource/Item', { item_code: 'TEA', item_group: 'Products', stock_uom: 'Nos', standard_rate: 2, opening_stock: 10, valuation_rate: 1 });
}
const sale = (extra: Record<string, unknown> = {}) => ({
  customer: 'Guest', pos_profile: 'Till', company: 'Lab HQ', currency: 'USD', items: [{ item_code: 'TEA', qty: 1, rate: 2 }],
  payments: [{ mode_of_payment: 'Cash', amount: 2, default: 1 }], docstatus: 1, ...extra,
});

describe('faults on the new endpoints', () => {
  let sb: Sandbox;
  afterEach(async () => sb?.stop());

  it('fail_endpoint takes POST POS Invoice down while the rest works', async () => {
    sb = await sandbox({ faults: [{ method: 'POST', path: '/api/resource/POS Invoice', kind: 'fail_endpoint', status: 503 }] });
    await shopWithStock(sb);
    for (let i = 0; i < 2; i++) expect((await post(sb, '/api/resource/POS Invoice', sale())).status).toBe(503);
    expect(sb.db.count('POS Invoice')).toBe(0);
    expect((await post(sb, '/api/resource/Stock Entry', { purpose: 'Material Receipt', company: 'Lab HQ', items: [{ item_code: 'TEA', t_warehouse: 'Stores - LHQ', qty: 1 }] })).status).toBe(200);
  });

  it('commit_then_drop loses the answer of frappe.client.cancel after it committed', async () => {
    sb = await sandbox({ faults: [{ method: 'POST', path: '/api/method/frappe.client.cancel', kind: 'commit_then_drop', times: 1 }] });
    await shopWithStock(sb);
    const entry = sb.db.list('Stock Entry')[0]?.name as string;
    await expect(post(sb, '/api/method/frappe.client.cancel', { doctype: 'Stock Entry', name: entry })).rejects.toThrow();
    expect(sb.db.get('Stock Entry', entry)?.docstatus).toBe(2);
  });

  it('status and error faults answer DELETE and the stock availability method instead of the site', async () => {
    sb = await sandbox({ faults: [
      { method: 'DELETE', path: '/api/resource/*', kind: 'status', status: 502, times: 1 },
      { path: '/api/method/erpnext.accounts.doctype.pos_invoice.pos_invoice.get_stock_availability', kind: 'error', status: 417, message: 'Busy', times: 1 },
    ] });
    await post(sb, '/api/resource/Customer', { customer_name: 'Kept' });
    expect((await del(sb, '/api/resource/Customer/Kept')).status).toBe(502);
    expect(sb.db.get('Customer', 'Kept')).not.toBeNull();
    const r = await call(sb, 'GET', '/api/method/erpnext.accounts.doctype.pos_invoice.pos_invoice.get_stock_availability', { query: { item_code: 'X', warehouse: 'Y' } });
    expect([r.status, lastMessage(r.body)]).toEqual([417, 'Busy']);
    expect((await del(sb, '/api/resource/Customer/Kept')).status).toBe(202);
  });
});

describe('links the contract suite cannot set up on a real site', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await sandbox();
    await shopWithStock(sb);
  });
  afterAll(async () => sb.stop());

  it('a Single holding the link is named once, after a double space [delete_doc.py raise_link_exists_exception]', async () => {
    await post(sb, '/api/resource/Warehouse', { warehouse_name: 'Back Room', company: 'Lab HQ', parent_warehouse: 'All Warehouses - LHQ' });
    await put(sb, '/api/resource/Stock Settings/Stock Settings', { default_warehouse: 'Back Room - LHQ' });
    const r = await del(sb, '/api/resource/Warehouse/Back Room - LHQ');
    expect(messages(r.body)[0]?.message).toBe(
      'Cannot delete or cancel because Warehouse <a href="/app/Form/Warehouse/Back Room - LHQ">Back Room - LHQ</a> is linked with  <a href="/app/Form/Stock Settings/Stock Settings">Stock Settings</a> ',
    );
    await put(sb, '/api/resource/Stock Settings/Stock Settings', { default_warehouse: 'Stores - LHQ' });
  });

  it('a warehouse delete clears the Item Defaults that point at it (unlink_from_items) [warehouse.py on_trash]', async () => {
    await post(sb, '/api/resource/Warehouse', { warehouse_name: 'Shelf', company: 'Lab HQ', parent_warehouse: 'All Warehouses - LHQ' });
    await post(sb, '/api/resource/Item', { item_code: 'MUG', item_group: 'Products', stock_uom: 'Nos', item_defaults: [{ company: 'Lab HQ', default_warehouse: 'Shelf - LHQ' }] });
    expect((await del(sb, '/api/resource/Warehouse/Shelf - LHQ')).status).toBe(202);
    expect((sb.db.get('Item', 'MUG')?.item_defaults as { default_warehouse: unknown }[])[0]?.default_warehouse).toBeNull();
  });

  it('a submitted return against an invoice blocks its cancel (check_no_back_links_exist) [document.py, delete_doc.py method "Cancel"]', async () => {
    const sold = (await post(sb, '/api/resource/POS Invoice', sale())).body.data.name as string;
    const back = await post(sb, '/api/resource/POS Invoice', sale({ is_return: 1, return_against: sold, items: [{ item_code: 'TEA', qty: -1, rate: 2 }], payments: [{ mode_of_payment: 'Cash', amount: -2, default: 1 }] }));
    expect(back.body.data.status).toBe('Return');
    const r = await post(sb, '/api/method/frappe.client.cancel', { doctype: 'POS Invoice', name: sold });
    expect([r.status, r.body.exc_type]).toEqual([417, 'LinkExistsError']);
    expect(lastMessage(r.body)).toBe(`Cannot delete or cancel because POS Invoice <a href="/app/Form/POS Invoice/${sold}">${sold}</a> is linked with POS Invoice <a href="/app/Form/POS Invoice/${back.body.data.name}">${back.body.data.name}</a> `);
    expect(sb.db.get('POS Invoice', sold)?.docstatus).toBe(1);
    await post(sb, '/api/method/frappe.client.cancel', { doctype: 'POS Invoice', name: back.body.data.name });
    expect((await post(sb, '/api/method/frappe.client.cancel', { doctype: 'POS Invoice', name: sold })).status).toBe(200);
  });

  it('tree roots and parents: "Root Cost Center cannot be deleted", "Cannot delete X as it has child nodes" [frappe/utils/nestedset.py on_trash]', async () => {
    const root = await del(sb, '/api/resource/Cost Center/Lab HQ - LHQ');
    expect([root.status, lastMessage(root.body)]).toEqual([417, 'Root Cost Center cannot be deleted']);
    const parent = await del(sb, '/api/resource/Item Group/All Item Groups');
    expect([parent.body.exc_type, lastMessage(parent.body)]).toEqual(['NestedSetChildExistsError', 'Cannot delete All Item Groups as it has child nodes']);
  });

  it('a refused Item delete rolls its on_trash back: the Bin and the price stay [item.py on_trash; frappe/app.py sync_database]', async () => {
    await post(sb, '/api/resource/Item', { item_code: 'JUG', item_group: 'Products', stock_uom: 'Nos', standard_rate: 4 });
    await post(sb, '/api/resource/Stock Entry', { purpose: 'Material Receipt', company: 'Lab HQ', items: [{ item_code: 'JUG', t_warehouse: 'Stores - LHQ', qty: 1, basic_rate: 1 }], docstatus: 1 });
    const r = await del(sb, '/api/resource/Item/JUG');
    expect([r.status, lastMessage(r.body)]).toEqual([417, 'You can disable this Item instead of deleting it.']);
    expect([sb.db.count('Bin', { item_code: 'JUG' }), sb.db.count('Item Price', { item_code: 'JUG' })]).toEqual([1, 1]);
  });
});
