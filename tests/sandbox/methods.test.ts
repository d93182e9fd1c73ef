import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../sandbox/index';
import { call, get, lastMessage, post, sandbox } from './helpers';

// /api/method/frappe.client.* and friends (frappe/client.py, frappe/handler.py).

describe('whitelisted methods', () => {
  let sb: Sandbox;
  beforeAll(async () => { sb = await sandbox(); });
  afterAll(async () => sb.stop());

  it('lists roles like frappe.core.doctype.user.user.get_roles', async () => {
    const prov = await get(sb, '/api/method/frappe.core.doctype.user.user.get_roles', { uid: 'provisioner@erplab.test' });
    expect(prov.body.message).toEqual(expect.arrayContaining(['System Manager', 'Sales Master Manager', 'All', 'Guest']));
    const admin = await get(sb, '/api/method/frappe.core.doctype.user.user.get_roles', { uid: 'Administrator' });
    expect(admin.body.message).toContain('Item Manager');
    const missing = await get(sb, '/api/method/frappe.core.doctype.user.user.get_roles');
    expect([missing.status, missing.body.exc_type]).toEqual([500, 'KeyError']);
  });

  it('reads values, singles and counts', async () => {
    expect((await get(sb, '/api/method/frappe.client.get_value', { doctype: 'Company', filters: { abbr: 'LHQ' }, fieldname: ['name', 'default_currency'] })).body.message)
      .toEqual({ name: 'Lab HQ', default_currency: 'USD' });
    expect((await get(sb, '/api/method/frappe.client.get_value', { doctype: 'Company', filters: { abbr: 'NOPE' }, fieldname: 'name' })).body.message).toEqual({});
    expect((await get(sb, '/api/method/frappe.client.get_value', { doctype: 'System Settings', fieldname: ['setup_complete', 'time_zone'] })).body.message)
      .toEqual({ setup_complete: '1', time_zone: 'America/New_York' });
    expect((await get(sb, '/api/method/frappe.client.get_single_value', { doctype: 'Stock Settings', field: 'default_warehouse' })).body.message).toBe('Stores - LHQ');
    expect((await get(sb, '/api/method/frappe.client.get_count', { doctype: 'Mode of Payment' })).body.message).toBe(5);
    const list = await get(sb, '/api/method/frappe.client.get_list', { doctype: 'Fiscal Year', fields: ['name'], order_by: 'name desc' });
    expect(list.body.message.map((r: { name: string }) => r.name)).toHaveLength(3);
    const doc = await get(sb, '/api/method/frappe.client.get', { doctype: 'Company', name: 'Lab HQ' });
    expect(doc.body.message).toHaveProperty('parent_company', null);
  });

  it('inserts a child row into its parent and many documents at once', async () => {
    const before = sb.db.get('Mode of Payment', 'Credit Card');
    expect(before?.accounts).toEqual([]);
    const r = await post(sb, '/api/method/frappe.client.insert', {
      doc: { doctype: 'Mode of Payment Account', parenttype: 'Mode of Payment', parent: 'Credit Card', parentfield: 'accounts', company: 'Lab HQ', default_account: 'Cash - LHQ' },
    });
    expect(r.body.message.name).toBe('Credit Card');
    expect(r.body.message.accounts).toMatchObject([{ company: 'Lab HQ', default_account: 'Cash - LHQ', idx: 1 }]);
    const half = await post(sb, '/api/method/frappe.client.insert', { doc: { doctype: 'Mode of Payment Account', parent: 'Cash' } });
    expect(lastMessage(half.body)).toBe('Parenttype, Parent and Parentfield are required to insert a child record');
    const many = await post(sb, '/api/method/frappe.client.insert_many', { docs: [{ doctype: 'UOM', uom_name: 'Tray' }, { doctype: 'UOM', uom_name: 'Crate' }] });
    expect(many.body.message).toEqual(['Tray', 'Crate']);
  });

  it('sets values and user defaults', async () => {
    const r = await post(sb, '/api/method/frappe.client.set_value', { doctype: 'Customer Group', name: 'Individual', fieldname: 'default_price_list', value: 'Standard Selling' });
    expect(r.body.message.default_price_list).toBe('Standard Selling');
    const std = await post(sb, '/api/method/frappe.client.set_value', { doctype: 'Customer Group', name: 'Individual', fieldname: 'modified', value: 'x' });
    expect(lastMessage(std.body)).toBe('Cannot edit standard fields');
    expect((await post(sb, '/api/method/frappe.client.set_default', { key: 'company', value: 'Lab HQ', parent: 'norole@erplab.test' })).status).toBe(200);
    expect(sb.db.list('DefaultValue')).toContainEqual({ parent: 'norole@erplab.test', defkey: 'company', defvalue: 'Lab HQ' });
    const denied = await post(sb, '/api/method/frappe.client.set_default', { key: 'company', value: 'Lab HQ', parent: 'provisioner@erplab.test' }, 'norole');
    expect(denied.status).toBe(403);
  });

  it('refuses GET on POST-only methods and reports unknown methods like handler.py', async () => {
    const r = await get(sb, '/api/method/frappe.client.insert', { doc: { doctype: 'UOM', uom_name: 'Nope' } });
    expect([r.status, lastMessage(r.body)]).toEqual([403, 'Not permitted']);
    const unknown = await get(sb, '/api/method/erpnext.no_such.method');
    expect([unknown.status, lastMessage(unknown.body)]).toEqual([417, "Failed to get method for command erpnext.no_such.method with No module named 'erpnext.no_such'"]);
    const noAttr = await get(sb, '/api/method/frappe.client.nothing');
    expect(lastMessage(noAttr.body)).toBe("Failed to get method for command frappe.client.nothing with module 'frappe.client' has no attribute 'nothing'");
  });

  it('rolls back writes made through GET (frappe/app.py sync_database)', async () => {
    const draft = await post(sb, '/api/resource/POS Profile', {
      name: 'Till', company: 'Lab HQ', warehouse: 'Stores - LHQ', write_off_account: 'Write Off - LHQ', write_off_cost_center: 'Main - LHQ',
      payments: [{ mode_of_payment: 'Cash', default: 1 }],
    });
    expect(draft.status).toBe(200);
    const entry = await post(sb, '/api/resource/POS Opening Entry', {
      company: 'Lab HQ', pos_profile: 'Till', user: 'Administrator', period_start_date: '2026-01-01 09:00:00', balance_details: [{ mode_of_payment: 'Cash', opening_amount: 0 }],
    });
    const name = entry.body.data.name as string;
    const r = await call(sb, 'GET', `/api/resource/POS Opening Entry/${name}`, { query: { run_method: 'submit' } });
    expect(r.status).toBe(200);
    expect(sb.db.get('POS Opening Entry', name)?.docstatus).toBe(0);
  });

  it('offers the standard charts', async () => {
    const r = await get(sb, '/api/method/erpnext.accounts.doctype.account.chart_of_accounts.chart_of_accounts.get_charts_for_country', { country: 'United States', with_standard: 1 });
    expect(r.body.message).toEqual(['Standard', 'Standard with Numbers']);
  });

  it('completes the setup wizard only once', async () => {
    const r = await post(sb, '/api/method/frappe.desk.page.setup_wizard.setup_wizard.setup_complete', { args: { company_name: 'X' } });
    expect(r.body.message).toEqual({ status: 'ok' });
    expect(sb.db.get('Company', 'X')).toBeNull();
  });
});
