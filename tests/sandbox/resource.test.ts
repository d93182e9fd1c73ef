import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../sandbox/index';
import { del, get, lastMessage, post, put, sandbox, shopBody } from './helpers';

// /api/resource lists and documents (frappe/api/v1.py, frappe/model/db_query.py semantics).

describe('resource lists', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await sandbox();
    await post(sb, '/api/resource/Company', shopBody('Shop One', 'S1'));
  });
  afterAll(async () => sb.stop());

  const accounts = (query: Record<string, unknown>) => get(sb, '/api/resource/Account', query);

  it('defaults to name only, 20 rows, name order', async () => {
    const r = await accounts({});
    expect(r.body.data).toHaveLength(20);
    expect(Object.keys(r.body.data[0])).toEqual(['name']);
  });

  it('pages with limit_start/limit_page_length and 0 means all', async () => {
    const all = await accounts({ filters: [['company', '=', 'Shop One']], limit_page_length: 0 });
    expect(all.body.data).toHaveLength(84);
    const page = await accounts({ filters: [['company', '=', 'Shop One']], limit_start: 5, limit_page_length: 5, order_by: 'name asc' });
    expect(page.body.data.map((a: { name: string }) => a.name)).toEqual(all.body.data.slice(5, 10).map((a: { name: string }) => a.name));
    expect((await accounts({ filters: { company: 'Shop One' }, limit: 3 })).body.data).toHaveLength(3);
  });

  it('filters in dict and list form with operators', async () => {
    const leafCash = await accounts({ filters: [['company', '=', 'Shop One'], ['account_type', 'in', ['Cash', 'Bank']], ['is_group', '=', 0]], fields: ['name'] });
    expect(leafCash.body.data).toEqual([{ name: 'Cash - S1' }]);
    const like = await accounts({ filters: { company: 'Shop One', account_name: ['like', '%Payable%'] }, fields: ['account_name'] });
    expect(like.body.data.map((a: { account_name: string }) => a.account_name).sort()).toEqual(['Accounts Payable', 'Payroll Payable']);
    const notSet = await get(sb, '/api/resource/Warehouse', { filters: [['company', '=', 'Shop One'], ['parent_warehouse', 'is', 'not set']] });
    expect(notSet.body.data).toEqual([{ name: 'All Warehouses - S1' }]);
    const between = await get(sb, '/api/resource/Fiscal Year', { filters: [['year_start_date', 'between', ['2000-01-01', '2999-01-01']]] });
    expect(between.body.data.length).toBe(3);
    const descendants = await accounts({ filters: [['name', 'descendants of', 'Cash In Hand - S1']] });
    expect(descendants.body.data).toEqual([{ name: 'Cash - S1' }]);
    const notIn = await get(sb, '/api/resource/Mode of Payment', { filters: [['name', 'not in', 'Cash,Check']], fields: ['name'] });
    expect(notIn.body.data.map((m: { name: string }) => m.name)).toEqual(['Bank Draft', 'Credit Card', 'Wire Transfer']);
  });

  it('supports or_filters, order_by desc and as_dict=0', async () => {
    const r = await get(sb, '/api/resource/Mode of Payment', { or_filters: [['name', '=', 'Cash'], ['name', '=', 'Check']], order_by: 'name desc', as_dict: 0 });
    expect(r.body.data).toEqual([['Check'], ['Cash']]);
  });

  it('filters on child tables and reads child columns', async () => {
    const withRow = await get(sb, '/api/resource/Mode of Payment', { filters: [['Mode of Payment Account', 'company', '=', 'Shop One']] });
    expect(withRow.body.data).toEqual([{ name: 'Cash' }]);
    const cols = await get(sb, '/api/resource/Mode of Payment', { fields: ['name', 'accounts.company', 'accounts.default_account'], filters: { name: 'Cash' } });
    expect(cols.body.data).toContainEqual({ name: 'Cash', company: 'Shop One', default_account: 'Cash - S1' });
  });

  it('accepts "*" and rejects unknown fields and invalid JSON like Frappe', async () => {
    const star = await get(sb, '/api/resource/Company', { fields: ['*'], filters: { name: 'Shop One' } });
    expect(star.body.data[0].abbr).toBe('S1');
    const bad = await accounts({ fields: ['no_such_field'] });
    expect([bad.status, bad.body.exc_type, lastMessage(bad.body)]).toEqual([417, 'DataError', 'Field not permitted in query: no_such_field']);
    const invalid = await get(sb, '/api/resource/Account', { fields: 'name' });
    expect([invalid.status, invalid.body.exc_type]).toEqual([500, 'JSONDecodeError']);
  });

  it('rejects an unknown operator', async () => {
    const r = await accounts({ filters: [['name', 'resembles', 'x']] });
    expect(r.status).toBe(417);
    expect(lastMessage(r.body)).toMatch(/^Operator must be one of/);
  });

  it('answers a Single listed as a list with 500 ProgrammingError and a missing DocType with 404', async () => {
    expect((await get(sb, '/api/resource/Selling Settings')).body.exc_type).toBe('ProgrammingError');
    const missing = await get(sb, '/api/resource/Nope');
    expect([missing.status, lastMessage(missing.body)]).toEqual([404, 'DocType Nope not found']);
  });
});

describe('resource documents', () => {
  let sb: Sandbox;
  beforeAll(async () => { sb = await sandbox(); });
  afterAll(async () => sb.stop());

  it('omits nulls on v15 and merges a partial PUT', async () => {
    const created = await post(sb, '/api/resource/Customer', { customer_name: 'Walk-in', customer_type: 'Individual' });
    expect(created.body.data.customer_group).toBeUndefined();
    const updated = await put(sb, '/api/resource/Customer/Walk-in', { customer_details: 'counter sales' });
    expect(updated.body.data.customer_type).toBe('Individual');
    expect(updated.body.data.customer_details).toBe('counter sales');
  });

  it('replaces a child table on PUT', async () => {
    await put(sb, '/api/resource/Mode of Payment/Credit Card', { accounts: [{ company: 'Lab HQ', default_account: 'Cash - LHQ' }] });
    const r = await put(sb, '/api/resource/Mode of Payment/Credit Card', { accounts: [] });
    expect(r.body.data.accounts).toEqual([]);
  });

  it('compares a sent modified with the stored one', async () => {
    await post(sb, '/api/resource/Customer', { customer_name: 'Stale' });
    const r = await put(sb, '/api/resource/Customer/Stale', { customer_details: 'x', modified: '2020-01-01 00:00:00' });
    expect([r.status, r.body.exc_type]).toEqual([417, 'TimestampMismatchError']);
  });

  it('deletes with 202, 404s on a missing name and refuses linked documents', async () => {
    await post(sb, '/api/resource/Customer', { customer_name: 'Gone' });
    expect(await del(sb, '/api/resource/Customer/Gone')).toMatchObject({ status: 202, body: { data: 'ok' } });
    expect((await del(sb, '/api/resource/Customer/Gone')).body).toEqual({ exc_type: 'DoesNotExistError' });
    await post(sb, '/api/resource/Customer', { customer_name: 'Lab HQ Staff', represents_company: 'Lab HQ', is_internal_customer: 1 });
    const linked = await del(sb, '/api/resource/Company/Lab HQ');
    expect([linked.status, linked.body.exc_type]).toEqual([417, 'LinkExistsError']);
    expect(sb.db.count('Account', { company: 'Lab HQ' })).toBeGreaterThan(0); // the on_trash cascade was rolled back
  });

  it('keeps "/" in names', async () => {
    await post(sb, '/api/resource/Customer', { customer_name: 'A/B Traders' });
    const r = await get(sb, `/api/resource/Customer/${encodeURIComponent('A/B Traders')}`);
    expect(r.body.data.name).toBe('A/B Traders');
    expect((await get(sb, '/api/resource/Customer/A/B Traders')).body.data.name).toBe('A/B Traders');
  });

  it('returns 404 with the Frappe message for a missing document', async () => {
    const r = await get(sb, '/api/resource/Customer/Nobody');
    expect([r.status, r.body.exc_type, lastMessage(r.body)]).toEqual([404, 'DoesNotExistError', 'Customer Nobody not found']);
  });
});
