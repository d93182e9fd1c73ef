import { afterEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../sandbox/index';
import { get, lastMessage, post, put, sandbox, shopBody } from './helpers';

// Company.on_update builds the shop's books (erpnext/setup/doctype/company/company.py).

describe('company creation', () => {
  let sb: Sandbox;
  afterEach(async () => sb?.stop());

  it('builds the Standard chart, five warehouses, two cost centers, defaults and the Cash row', async () => {
    sb = await sandbox();
    const r = await post(sb, '/api/resource/Company', shopBody('Corner Cafe', 'CC'));
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({
      default_cash_account: 'Cash - CC', default_receivable_account: 'Debtors - CC', write_off_account: 'Write Off - CC',
      cost_center: 'Main - CC', round_off_cost_center: 'Main - CC', default_inventory_account: 'Stock In Hand - CC',
      default_income_account: 'Sales - CC', create_chart_of_accounts_based_on: 'Standard Template',
    });
    expect(sb.db.count('Account', { company: 'Corner Cafe' })).toBe(84);
    expect(sb.db.count('Account', { company: 'Corner Cafe', account_type: 'Tax', is_group: 0 })).toBe(3);
    const warehouses = sb.db.list('Warehouse').filter((w) => w.company === 'Corner Cafe').map((w) => w.name).sort();
    expect(warehouses).toEqual(['All Warehouses - CC', 'Finished Goods - CC', 'Goods In Transit - CC', 'Stores - CC', 'Work In Progress - CC']);
    expect(sb.db.get('Warehouse', 'Goods In Transit - CC')?.warehouse_type).toBe('Transit');
    expect(sb.db.count('Cost Center', { company: 'Corner Cafe' })).toBe(2);
    const cash = (await get(sb, '/api/resource/Mode of Payment/Cash')).body.data;
    expect(cash.accounts.map((a: { company: string }) => a.company)).toEqual(['Lab HQ', 'Corner Cafe']);
  });

  it('derives the abbreviation from the initials and enforces it', async () => {
    sb = await sandbox();
    const r = await post(sb, '/api/resource/Company', shopBody('Green Leaf Market', ''));
    expect(r.body.data.abbr).toBe('GLM');
    const clash = await post(sb, '/api/resource/Company', shopBody('Other Shop', 'GLM'));
    expect([clash.status, lastMessage(clash.body)]).toEqual([417, 'Abbreviation already used for another company']);
    const dup = await post(sb, '/api/resource/Company', shopBody('Green Leaf Market', 'GLM'));
    expect([dup.status, dup.body.exc_type]).toEqual([409, 'DuplicateEntryError']);
    const change = await put(sb, '/api/resource/Company/Green Leaf Market', { abbr: 'GL' });
    expect([change.status, change.body.exc_type]).toEqual([417, 'CannotChangeConstantError']);
  });

  it('leaves nothing behind when the insert fails half-way (one transaction per request)', async () => {
    sb = await sandbox();
    const r = await post(sb, '/api/resource/Company', shopBody('Bad Chart', 'BC', { chart_of_accounts: 'No Such Chart' }));
    expect([r.status, r.body.exc_type]).toEqual([500, 'IndexError']);
    expect(sb.db.get('Company', 'Bad Chart')).toBeNull();
    expect(sb.db.count('Warehouse', { company: 'Bad Chart' })).toBe(0);
    expect(sb.db.count('Cost Center', { company: 'Bad Chart' })).toBe(0);
  });

  it('creates no accounts for an unknown chart in a country without tax templates', async () => {
    sb = await sandbox();
    const r = await post(sb, '/api/resource/Company', { ...shopBody('Kiwi Shop', 'KS'), country: 'New Zealand', default_currency: 'NZD', chart_of_accounts: 'Nope' });
    expect(r.status).toBe(200);
    expect(sb.db.count('Account', { company: 'Kiwi Shop' })).toBe(0);
    expect(sb.db.get('Currency', 'NZD')?.enabled).toBe(1);
  });

  it('numbers accounts with "Standard with Numbers"', async () => {
    sb = await sandbox();
    const r = await post(sb, '/api/resource/Company', shopBody('Numbered', 'NUM', { chart_of_accounts: 'Standard with Numbers' }));
    expect(r.body.data.default_cash_account).toBe('1110 - Cash - NUM');
    expect(sb.db.get('Account', '1110 - Cash - NUM')?.account_number).toBe('1110');
  });

  it('reports bad links with the field label', async () => {
    sb = await sandbox();
    const r = await post(sb, '/api/resource/Company', shopBody('Bad Currency', 'BCX', { default_currency: 'XXX' }));
    expect([r.status, r.body.exc_type, lastMessage(r.body)]).toEqual([417, 'LinkValidationError', 'Could not find Default Currency: XXX']);
  });

  it('fails on a bare site for want of the Transit warehouse type', async () => {
    sb = await sandbox({ state: 'bare' });
    const r = await post(sb, '/api/resource/Company', { ...shopBody('Fresh', 'FR'), country: 'Germany', default_currency: 'EUR' });
    expect([r.status, lastMessage(r.body)]).toEqual([417, 'Could not find Warehouse Type: Transit']);
    expect(sb.db.count('Account')).toBe(0);
  });
});
