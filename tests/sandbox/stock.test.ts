import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../sandbox/index';
import { lastMessage, messages, post, sandbox } from './helpers';

// Items, prices, customers (erpnext/stock/doctype/item, item_price; erpnext/selling/doctype/customer).

describe('items, prices and customers', () => {
  let sb: Sandbox;
  beforeAll(async () => { sb = await sandbox(); });
  afterAll(async () => sb.stop());

  it('creates an Item Price from standard_rate in the default selling list', async () => {
    const r = await post(sb, '/api/resource/Item', { item_code: 'TEA', item_group: 'Products', stock_uom: 'Nos', standard_rate: 2 });
    expect(r.body.data.uoms[0]).toMatchObject({ uom: 'Nos', conversion_factor: 1 });
    expect(r.body.data.item_defaults[0]).toMatchObject({ company: 'Lab HQ', default_warehouse: 'Stores - LHQ' });
    const prices = sb.db.list('Item Price').filter((p) => p.item_code === 'TEA');
    expect(prices).toHaveLength(1);
    expect(prices[0]).toMatchObject({ price_list: 'Standard Selling', price_list_rate: 2, currency: 'USD', selling: 1, uom: 'Nos' });
    expect(String(prices[0]?.name)).toMatch(/^[a-z0-9]{10}$/);
  });

  it('books opening stock as a submitted Stock Entry with ledger rows', async () => {
    const r = await post(sb, '/api/resource/Item', { item_code: 'MUG', item_group: 'Products', stock_uom: 'Nos', opening_stock: 12, valuation_rate: 3 });
    expect(r.status).toBe(200);
    const entry = sb.db.list('Stock Entry').find((e) => (e.items as { item_code: string }[])[0]?.item_code === 'MUG');
    expect(entry).toMatchObject({ docstatus: 1, purpose: 'Material Receipt', company: 'Lab HQ' });
    expect(sb.db.list('Stock Ledger Entry').filter((s) => s.item_code === 'MUG')).toMatchObject([{ warehouse: 'Stores - LHQ', actual_qty: 12 }]);
    const noRate = await post(sb, '/api/resource/Item', { item_code: 'PLATE', item_group: 'Products', stock_uom: 'Nos', opening_stock: 1 });
    expect(lastMessage(noRate.body)).toBe('Valuation Rate is mandatory if Opening Stock entered');
    expect(sb.db.get('Item', 'PLATE')).toBeNull();
  });

  it('rejects a second price for the same list, uom and day', async () => {
    await post(sb, '/api/resource/Item', { item_code: 'JAM', item_group: 'Products', stock_uom: 'Nos' });
    expect((await post(sb, '/api/resource/Item Price', { item_code: 'JAM', price_list: 'Standard Selling', price_list_rate: 1 })).status).toBe(200);
    const dup = await post(sb, '/api/resource/Item Price', { item_code: 'JAM', price_list: 'Standard Selling', price_list_rate: 2 });
    expect([dup.status, dup.body.exc_type]).toEqual([417, 'ItemPriceDuplicateItem']);
    const later = await post(sb, '/api/resource/Item Price', { item_code: 'JAM', price_list: 'Standard Selling', price_list_rate: 2, valid_from: '2099-01-01' });
    expect(later.status).toBe(200);
  });

  it('checks item defaults belong to their company', async () => {
    await post(sb, '/api/resource/Company', { company_name: 'Other Co', abbr: 'OC', default_currency: 'USD', country: 'United States' });
    const r = await post(sb, '/api/resource/Item', { item_code: 'BAD-DEF', item_group: 'Products', stock_uom: 'Nos', item_defaults: [{ company: 'Other Co', default_warehouse: 'Stores - LHQ' }] });
    expect(r.status).toBe(417);
    expect(messages(r.body).at(-1)).toMatchObject({ title: 'Invalid Item Defaults' });
  });

  it('renames a repeated customer name with a yellow note', async () => {
    await post(sb, '/api/resource/Customer', { customer_name: 'Walk-in' });
    await post(sb, '/api/resource/Customer', { customer_name: 'Walk-in' });
    const third = await post(sb, '/api/resource/Customer', { customer_name: 'Walk-in' });
    expect(third.body.data.name).toBe('Walk-in - 2');
    expect(messages(third.body)).toEqual([{ message: "Changed customer name to 'Walk-in - 2' as 'Walk-in' already exists.", title: 'Note', indicator: 'yellow' }]);
  });

  it('refuses a customer named like a customer group with 409', async () => {
    const r = await post(sb, '/api/resource/Customer', { customer_name: 'Individual' });
    expect([r.status, r.body.exc_type]).toEqual([409, 'NameError']);
  });

  it('names customers by series once Selling Settings says so, and fills site defaults', async () => {
    await sb.db.count('Customer');
    const settings = await post(sb, '/api/method/frappe.client.set_value', { doctype: 'Selling Settings', name: 'Selling Settings', fieldname: { cust_master_name: 'Naming Series', customer_group: 'Commercial', territory: 'All Territories' } });
    expect(settings.status).toBe(200);
    const r = await post(sb, '/api/resource/Customer', { customer_name: 'Series Customer' });
    expect(r.body.data.name).toMatch(/^CUST-\d{4}-00001$/);
    expect(r.body.data).toMatchObject({ customer_group: 'Commercial', territory: 'All Territories' });
  });
});
