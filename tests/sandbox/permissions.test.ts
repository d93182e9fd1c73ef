import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../sandbox/index';
import { get, messages, post, put, sandbox, shopBody } from './helpers';

// Standard DocPerms per role (CONTRACT §5); Administrator bypasses them.

describe('permissions', () => {
  let sb: Sandbox;
  beforeAll(async () => { sb = await sandbox(); });
  afterAll(async () => sb.stop());

  it('answers a user without the role like Frappe (403, _error_message, permission log)', async () => {
    const r = await get(sb, '/api/resource/Company', undefined, 'norole');
    expect(r.status).toBe(403);
    expect(r.body).toMatchObject({ exc_type: 'PermissionError', _error_message: 'No permission for Company' });
    expect(messages(r.body)[0]?.message).toBe('User <strong>norole@erplab.test</strong> does not have doctype access via role permission for document <strong>Company</strong>');
    for (const [doctype, body] of [['Warehouse', { warehouse_name: 'X' }], ['Item', { item_code: 'X' }], ['Customer', { customer_name: 'X' }], ['POS Profile', { name: 'X' }]] as const) {
      expect((await post(sb, `/api/resource/${doctype}`, body, 'norole')).status, doctype).toBe(403);
    }
    expect((await put(sb, '/api/resource/Stock Settings/Stock Settings', { allow_negative_stock: 1 }, 'norole')).status).toBe(403);
    expect((await get(sb, '/api/resource/Company/Lab HQ', undefined, 'norole')).status).toBe(403);
  });

  it('lets the provisioner do every provisioning step', async () => {
    expect((await post(sb, '/api/resource/Company', shopBody('Prov Shop', 'PS'), 'provisioner')).status).toBe(200);
    expect((await post(sb, '/api/resource/Warehouse', { warehouse_name: 'Till Store', company: 'Prov Shop' }, 'provisioner')).status).toBe(200);
    expect((await put(sb, '/api/resource/Stock Settings/Stock Settings', { allow_negative_stock: 1 }, 'provisioner')).status).toBe(200);
    expect((await put(sb, '/api/resource/Selling Settings/Selling Settings', { customer_group: 'Individual' }, 'provisioner')).status).toBe(200);
    expect((await post(sb, '/api/resource/Item', { item_code: 'P-1', item_group: 'Products', stock_uom: 'Nos', standard_rate: 1 }, 'provisioner')).status).toBe(200);
    expect((await post(sb, '/api/resource/Customer', { customer_name: 'Prov Walk-in' }, 'provisioner')).status).toBe(200);
  });

  it('follows the standard DocPerms: a System Manager alone cannot create warehouses or change Stock Settings', async () => {
    sb.setUserRoles('provisioner', ['System Manager']);
    try {
      expect((await post(sb, '/api/resource/Warehouse', { warehouse_name: 'SM Store', company: 'Prov Shop' }, 'provisioner')).status).toBe(403);
      expect((await put(sb, '/api/resource/Stock Settings/Stock Settings', { allow_negative_stock: 0 }, 'provisioner')).status).toBe(403);
      expect((await put(sb, '/api/resource/Selling Settings/Selling Settings', { customer_group: 'Commercial' }, 'provisioner')).status).toBe(200);
      expect((await post(sb, '/api/resource/Fiscal Year', { year: '2090', year_start_date: '2090-01-01', year_end_date: '2090-12-31' }, 'provisioner')).status).toBe(200);
    } finally {
      sb.setUserRoles('provisioner', ['System Manager', 'Accounts Manager', 'Stock Manager', 'Sales Manager', 'Item Manager', 'Sales User', 'Accounts User', 'Stock User', 'Sales Master Manager']);
    }
  });

  it('reports a bad link before a missing permission on insert', async () => {
    const r = await post(sb, '/api/resource/Warehouse', { warehouse_name: 'X', company: 'Nope' }, 'norole');
    expect([r.status, r.body.exc_type]).toEqual([417, 'LinkValidationError']);
  });

  it('rolls back the Item when its automatic Item Price is not permitted (h05a)', async () => {
    sb.setUserRoles('provisioner', sb.users.provisioner.roles.filter((r) => r !== 'Sales Master Manager'));
    try {
      const r = await post(sb, '/api/resource/Item', { item_code: 'P-2', item_group: 'Products', stock_uom: 'Nos', standard_rate: 1 }, 'provisioner');
      expect([r.status, r.body._error_message]).toEqual([403, 'No permission for Item Price']);
      expect(sb.db.get('Item', 'P-2')).toBeNull();
    } finally {
      sb.setUserRoles('provisioner', [...sb.users.provisioner.roles, 'Sales Master Manager']);
    }
  });
});

describe('users', () => {
  let sb: Sandbox;
  beforeAll(async () => { sb = await sandbox(); });
  afterAll(async () => sb.stop());

  it('creates a cashier with roles, generates API keys and sets fields', async () => {
    const created = await post(sb, '/api/resource/User', { email: 'Cashier@Shop.test', first_name: 'Casey', roles: [{ role: 'Sales User' }] });
    expect(created.body.data).toMatchObject({ name: 'cashier@shop.test', full_name: 'Casey', enabled: 1, user_type: 'System User' });
    const keys = await post(sb, '/api/method/frappe.core.doctype.user.user.generate_keys', { user: 'cashier@shop.test' });
    const { api_key: apiKey, api_secret: apiSecret } = keys.body.message;
    const me = await fetch(`${sb.url}/api/method/frappe.auth.get_logged_user`, { headers: { Authorization: `token ${apiKey}:${apiSecret}` } });
    expect(await me.json()).toEqual({ message: 'cashier@shop.test' });
    const denied = await post(sb, '/api/method/frappe.core.doctype.user.user.generate_keys', { user: 'cashier@shop.test' }, 'norole');
    expect(denied.status).toBe(403);
    const disabled = await post(sb, '/api/method/frappe.client.set_value', { doctype: 'User', name: 'cashier@shop.test', fieldname: 'enabled', value: 0 });
    expect(disabled.body.message.enabled).toBe(0);
    const refused = await fetch(`${sb.url}/api/method/frappe.auth.get_logged_user`, { headers: { Authorization: `token ${apiKey}:${apiSecret}` } });
    expect(refused.status).toBe(401);
  });
});
