import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../sandbox/index';
import { get, lastMessage, post, put, sandbox } from './helpers';

// Accounts, cost centers, price lists, fiscal years, settings and child rows addressed directly.

describe('masters and settings', () => {
  let sb: Sandbox;
  beforeAll(async () => { sb = await sandbox(); });
  afterAll(async () => sb.stop());

  it('creates a Bank leaf under "Bank Accounts" with the company suffix and checks the parent', async () => {
    const r = await post(sb, '/api/resource/Account', { account_name: 'Card Clearing', parent_account: 'Bank Accounts - LHQ', company: 'Lab HQ', is_group: 0, account_type: 'Bank' });
    expect(r.body.data).toMatchObject({ name: 'Card Clearing - LHQ', root_type: 'Asset', report_type: 'Balance Sheet', account_currency: 'USD' });
    const leafParent = await post(sb, '/api/resource/Account', { account_name: 'Oops', parent_account: 'Cash - LHQ', company: 'Lab HQ' });
    expect(lastMessage(leafParent.body)).toBe('Account Oops - LHQ: Parent account Cash - LHQ can not be a ledger');
    const noParent = await post(sb, '/api/resource/Account', { account_name: 'Loose', company: 'Lab HQ' });
    // account.py validate_root_details runs before the framework's mandatory check
    expect(lastMessage(noParent.body)).toBe('The root account <strong>Loose - LHQ</strong> must be a group');
  });

  it('creates cost centers and price lists with their rules', async () => {
    const cc = await post(sb, '/api/resource/Cost Center', { cost_center_name: 'Kiosk', parent_cost_center: 'Lab HQ - LHQ', company: 'Lab HQ' });
    expect(cc.body.data.name).toBe('Kiosk - LHQ');
    const neither = await post(sb, '/api/resource/Price List', { price_list_name: 'Odd', currency: 'USD' });
    expect(lastMessage(neither.body)).toBe('Price List must be applicable for Buying or Selling');
    expect((await post(sb, '/api/resource/Price List', { price_list_name: 'Kiosk Prices', currency: 'USD', selling: 1 })).body.data.enabled).toBe(1);
  });

  it('validates fiscal years', async () => {
    const overlap = await post(sb, '/api/resource/Fiscal Year', { year: 'Overlap', year_start_date: `${new Date().getFullYear()}-06-01`, year_end_date: `${new Date().getFullYear() + 1}-05-31` });
    expect([overlap.status, overlap.body.exc_type]).toEqual([409, 'NameError']);
    const short = await post(sb, '/api/resource/Fiscal Year', { year: '2099', year_start_date: '2099-01-01', year_end_date: '2099-06-30' });
    expect(lastMessage(short.body)).toBe('Fiscal Year End Date should be one year after Fiscal Year Start Date');
  });

  it('rejects a bad Select value with the field label', async () => {
    const r = await put(sb, '/api/resource/Selling Settings/Selling Settings', { so_required: 'Maybe' });
    expect(lastMessage(r.body)).toBe(' Is Sales Order Required for Sales Invoice & Delivery Note Creation? cannot be "Maybe". It should be one of "No", "Yes"');
  });

  it('writes settings as site defaults that fill new documents', async () => {
    await put(sb, '/api/resource/Stock Settings/Stock Settings', { item_group: 'Services', stock_uom: 'Unit' });
    const item = await post(sb, '/api/resource/Item', { item_code: 'SVC-1' });
    expect(item.body.data).toMatchObject({ item_group: 'Services', stock_uom: 'Unit', item_name: 'SVC-1', description: 'SVC-1' });
    const group = await put(sb, '/api/resource/Stock Settings/Stock Settings', { default_warehouse: 'All Warehouses - LHQ' });
    expect(group.status).toBe(417);
    expect(lastMessage(group.body)).toMatch(/^Group Warehouses cannot be used in transactions/);
  });

  it('reads and updates a child row by its own doctype, saving the parent', async () => {
    const cash = (await get(sb, '/api/resource/Mode of Payment/Cash')).body.data;
    const rowName = cash.accounts[0].name as string;
    expect((await get(sb, `/api/resource/Mode of Payment Account/${rowName}`)).body.data).toMatchObject({ company: 'Lab HQ', parent: 'Cash' });
    await post(sb, '/api/resource/Account', { account_name: 'Till Cash', parent_account: 'Cash In Hand - LHQ', company: 'Lab HQ', account_type: 'Cash' });
    const r = await put(sb, `/api/resource/Mode of Payment Account/${rowName}`, { default_account: 'Till Cash - LHQ' });
    expect(r.body.data.default_account).toBe('Till Cash - LHQ');
    expect((sb.db.get('Mode of Payment', 'Cash')?.accounts as { default_account: string }[])[0]?.default_account).toBe('Till Cash - LHQ');
    const wrong = await put(sb, `/api/resource/Mode of Payment Account/${rowName}`, { default_account: 'Cash - NOPE' });
    expect(wrong.body.exc_type).toBe('LinkValidationError');
  });
});
