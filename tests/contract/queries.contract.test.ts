import { describe, expect, it } from 'vitest';
import { uniqueName, type ContractTarget } from '../support/target';
import { api, messages, method, plain, raised, resource, type Api } from './support/api';
import { type Cleanup, contractWorld, makeProfile, type ShopContext } from './support/shop';

// The query shapes batched reads use: frappe/client.py get_list / get_count / get_value / get,
// frappe/desk/reportview.py validate_args, frappe/model/db_query.py (joins, filters, sanitize_fields,
// validate_order_by_and_group_by), frappe/api/v1.py document_list.

let target: ContractTarget;
let a: Api;
let shop: ShopContext;
let cleanup: Cleanup;
let mode: string;
let profile: string;
let bare: string;
const customers: string[] = [];

contractWorld(async (world) => {
  ({ target, a, shop, cleanup } = world);
  mode = cleanup.add('Mode of Payment', (await a.post(resource('Mode of Payment'), { mode_of_payment: uniqueName('ZZ Card'), type: 'Bank', accounts: [{ company: shop.company, default_account: shop.cash }] })).body.data.name);
  profile = await makeProfile(a, shop, cleanup, { payments: [{ mode_of_payment: 'Cash', default: 1 }, { mode_of_payment: mode }] });
  bare = cleanup.add('Mode of Payment', (await a.post(resource('Mode of Payment'), { mode_of_payment: uniqueName('ZZ Rowless'), type: 'General' })).body.data.name);
  for (const tax of ['TX-1', '']) {
    customers.push(cleanup.add('Customer', (await a.post(resource('Customer'), { customer_name: uniqueName('ZZ Query'), customer_type: 'Individual', tax_id: tax || undefined })).body.data.name));
  }
});

const list = (doctype: string, query: Record<string, unknown>) => a.get(resource(doctype), query);
const names = (rows: { name: string }[]) => rows.map((r) => r.name).sort();

describe('child tables in fields and filters', () => {
  it('a `tabChild`.field column gives one row per child row [db_query.py extract_tables: LEFT JOIN; CONTRACT §2.2]', async () => {
    const r = await list('POS Profile', { fields: ['name', '`tabPOS Payment Method`.mode_of_payment'], filters: { name: profile }, order_by: '`tabPOS Payment Method`.idx asc' });
    expect(r.body.data).toEqual([{ name: profile, mode_of_payment: 'Cash' }, { name: profile, mode_of_payment: mode }]);
  });

  it('table_field.col is the same join; a parent without rows still gives one row, with null [db_query.py parse_args]', async () => {
    const r = await list('Mode of Payment', { fields: ['name', 'accounts.company'], filters: [['name', 'in', [mode, bare]]], order_by: 'name asc' });
    expect(r.body.data).toEqual([{ name: mode, company: shop.company }, { name: bare, company: null }].sort((x, y) => x.name.localeCompare(y.name)));
  });

  it('a four-part child filter repeats the parent once per matching row [db_query.py prepare_filter_condition; CONTRACT §2.2]', async () => {
    const r = await list('POS Profile', { filters: [['name', '=', profile], ['POS Payment Method', 'mode_of_payment', 'in', ['Cash', mode]]] });
    expect(r.body.data).toEqual([{ name: profile }, { name: profile }]);
    const one = await list('POS Profile', { filters: [['name', '=', profile], ['POS Payment Method', 'mode_of_payment', '=', mode]] });
    expect(one.body.data).toEqual([{ name: profile }]);
  });

  it('frappe.client.get_count counts the joined rows [frappe/desk/reportview.py get_count]', async () => {
    const r = await a.get(method('frappe.client.get_count'), { doctype: 'POS Profile', filters: [['name', '=', profile], ['POS Payment Method', 'mode_of_payment', 'like', '%']] });
    expect(r.body.message).toBe(2);
  });
});

describe('in / not in and empty values', () => {
  it('ignores missing names and splits a comma-separated string [db_query.py prepare_filter_condition]', async () => {
    expect(names((await list('Mode of Payment', { filters: [['name', 'in', [mode, 'ZZ No Such Mode']]] })).body.data)).toEqual([mode]);
    expect(names((await list('Mode of Payment', { filters: [['name', 'in', `${mode}, ${bare}`]] })).body.data)).toEqual([bare, mode].sort());
  });

  it('an empty list: `name in []` matches nothing, `not in []` everything [db_query.py: ("") and can_be_null]', async () => {
    expect((await list('Mode of Payment', { filters: [['name', 'in', []]] })).body.data).toEqual([]);
    expect((await list('Mode of Payment', { filters: [['name', 'not in', []]], limit_page_length: 0 })).body.data.length).toBeGreaterThanOrEqual(3);
  });

  it('an unset field is "" to in, not in and != (ifnull), but never equal to a value [db_query.py ifnull fallback]', async () => {
    const [withTax, withoutTax] = customers as [string, string];
    const scoped = async (cond: unknown[]) => names((await list('Customer', { filters: [['name', 'in', customers], cond] })).body.data);
    expect(await scoped(['tax_id', 'in', []])).toEqual([withoutTax]);
    expect(await scoped(['tax_id', 'not in', []])).toEqual([withTax]);
    expect(await scoped(['tax_id', '!=', 'TX-1'])).toEqual([withoutTax]);
    expect(await scoped(['tax_id', 'is', 'not set'])).toEqual([withoutTax]);
    expect(await scoped(['tax_id', 'like', '%'])).toEqual([withTax]);
  });

  it('or_filters: any of them, and-ed with filters [db_query.py build_conditions]', async () => {
    const r = await list('Customer', { filters: [['customer_type', '=', 'Individual']], or_filters: customers.map((c) => ['name', '=', c]) });
    expect(names(r.body.data)).toEqual([...customers].sort());
  });
});

describe('what is refused, and how', () => {
  const refused = (r: { status: number; body: Record<string, unknown> }) => [r.status, r.body.exc_type, plain(raised(r.body)?.message)];

  it('an unknown field in fields, filters or or_filters is a 417 DataError "Field not permitted in query" [frappe/desk/reportview.py validate_fields/validate_filters; CONTRACT §3.2]', async () => {
    expect(refused(await list('Customer', { fields: ['no_such_field'] }))).toEqual([417, 'DataError', 'Field not permitted in query: no_such_field']);
    expect(refused(await list('Customer', { filters: [['no_such_field', '=', 1]] }))).toEqual([417, 'DataError', 'Field not permitted in query: no_such_field']);
    expect(refused(await list('Customer', { filters: { no_such_field: 1 } }))).toEqual([417, 'DataError', 'Field not permitted in query: no_such_field']);
    expect(refused(await list('Customer', { or_filters: [['no_such_field', '=', 1]] }))).toEqual([417, 'DataError', 'Field not permitted in query: no_such_field']);
    expect(refused(await list('Mode of Payment', { fields: ['accounts.no_such_field'] }))).toEqual([417, 'DataError', 'Field not permitted in query: accounts.no_such_field']);
    expect(refused(await list('Mode of Payment', { filters: [['Mode of Payment Account', 'no_such_field', '=', 1]] }))).toEqual([417, 'DataError', 'Field not permitted in query: no_such_field']);
  });

  it('frappe.client.get_list validates the same way over GET and POST [frappe/client.py get_list]', async () => {
    const args = { doctype: 'Customer', fields: ['no_such_field'] };
    expect(refused(await a.get(method('frappe.client.get_list'), args))).toEqual([417, 'DataError', 'Field not permitted in query: no_such_field']);
    expect(refused(await a.post(method('frappe.client.get_list'), args))).toEqual([417, 'DataError', 'Field not permitted in query: no_such_field']);
  });

  it('functions and comma lists in fields are refused before SQL [db_query.py sanitize_fields]', async () => {
    expect(refused(await list('Customer', { fields: ["concat(name, 'x')"] }))).toEqual([417, 'DataError', 'Use of function concat in field is restricted']);
    expect(refused(await list('Customer', { fields: ['name, creation'] }))).toEqual([417, 'DataError', 'Use of sub-query or function is restricted']);
  });

  it('order_by: odd characters are "Illegal SQL Query" (417); an unknown column reaches MariaDB and is a 500 [db_query.py validate_order_by_and_group_by]', async () => {
    expect(refused(await list('Customer', { order_by: 'name; drop table x' }))).toEqual([417, 'ValidationError', 'Illegal SQL Query']);
    const unknown = await list('Customer', { order_by: 'no_such_field desc' });
    expect([unknown.status, unknown.body.exc_type]).toEqual([500, 'OperationalError']);
    expect(unknown.body.exception).toMatch(/Unknown column 'no_such_field' in 'order clause'/);
  });

  it('fields that are not JSON are a 500 JSONDecodeError on /api/resource and frappe.client.get_list [api/v1.py document_list; CONTRACT §2.2]', async () => {
    expect((await list('Customer', { fields: 'name' })).body.exc_type).toBe('JSONDecodeError');
    expect((await a.get(method('frappe.client.get_list'), { doctype: 'Customer', fields: 'name' })).body.exc_type).toBe('JSONDecodeError');
  });

  it('an unknown operator is a 417 "Operator must be one of …" [frappe/utils/data.py get_filter; CONTRACT §2.2]', async () => {
    const r = await list('Customer', { filters: [['name', 'resembles', 'x']] });
    expect([r.status, raised(r.body)?.message]).toEqual([417, expect.stringMatching(/^Operator must be one of =, !=, >, <, >=, <=, like, not like, in, not in, is, between/)]);
  });
});

describe('frappe.client helpers', () => {
  it('get_value: a dict, {} when nothing matches, a scalar or nothing with as_dict false [frappe/client.py get_value; CONTRACT §2.3]', async () => {
    const [withTax] = customers as [string];
    expect((await a.get(method('frappe.client.get_value'), { doctype: 'Customer', filters: withTax, fieldname: ['name', 'tax_id'] })).body).toEqual({ message: { name: withTax, tax_id: 'TX-1' } });
    expect((await a.get(method('frappe.client.get_value'), { doctype: 'Customer', filters: { name: 'ZZ Nobody' }, fieldname: 'name' })).body).toEqual({ message: {} });
    expect((await a.post(method('frappe.client.get_value'), { doctype: 'Customer', filters: withTax, fieldname: 'tax_id', as_dict: false })).body).toEqual({ message: 'TX-1' });
    expect((await a.post(method('frappe.client.get_value'), { doctype: 'Customer', filters: { name: 'ZZ Nobody' }, fieldname: 'name', as_dict: 0 })).body).toEqual({});
  });

  it('get_value over GET: as_dict=0 is the string "0", which Python treats as true [frappe/client.py get_value: as_dict is not type-annotated]', async () => {
    const [withTax] = customers as [string];
    expect((await a.get(method('frappe.client.get_value'), { doctype: 'Customer', filters: withTax, fieldname: 'tax_id', as_dict: '0' })).body).toEqual({ message: { tax_id: 'TX-1' } });
  });

  it('get_value of an unknown field is a DataError [client.py get_value → get_list → reportview.validate_args]', async () => {
    const r = await a.get(method('frappe.client.get_value'), { doctype: 'Customer', fieldname: 'no_such_field' });
    expect([r.status, r.body.exc_type]).toEqual([417, 'DataError']);
  });

  it('get_list: `limit` is not one of its parameters (dropped), /api/resource maps it [client.py get_list; api/v1.py document_list; CONTRACT §2.1]', async () => {
    expect((await a.get(method('frappe.client.get_list'), { doctype: 'Currency', limit: 3 })).body.message.length).toBe(20);
    expect((await list('Currency', { limit: 3 })).body.data.length).toBe(3);
    expect((await a.post(method('frappe.client.get_list'), { doctype: 'Currency', limit_page_length: 3, as_dict: false })).body.message).toEqual([expect.any(Array), expect.any(Array), expect.any(Array)]);
  });

  it('get: a missing document by filters is a 404 naming the filters as Python prints a dict [frappe/client.py get → Document.load_from_db]', async () => {
    const r = await a.get(method('frappe.client.get'), { doctype: 'Customer', filters: { customer_name: 'ZZ Nobody' } });
    expect([r.status, r.body.exc_type, plain(raised(r.body)?.message)]).toEqual([404, 'DoesNotExistError', "Customer {'customer_name': 'ZZ Nobody'} not found"]);
  });

  it('insert_many is all or nothing: one bad document rolls the others back [frappe/client.py insert_many; frappe/app.py sync_database; CONTRACT §2.3, §2.4]', async () => {
    const good = uniqueName('ZZ Batch Group');
    const r = await a.post(method('frappe.client.insert_many'), { docs: [
      { doctype: 'Customer Group', customer_group_name: good, parent_customer_group: 'All Customer Groups' },
      { doctype: 'Customer Group', customer_group_name: uniqueName('ZZ Bad Group'), parent_customer_group: 'ZZ No Such Group' },
    ] });
    expect([r.status, r.body.exc_type]).toEqual([417, 'LinkValidationError']);
    expect((await a.get(resource('Customer Group', good))).status).toBe(404);
  });

  it('get_list and get_count check read permission like a list: 403, the permission log, _error_message [db_query.py check_read_permission; client.py get_count → reportview.get_count; recorded a07]', async () => {
    if (!target.noRole) return;
    const noRole = api(target, target.noRole);
    for (const r of [
      await noRole.get(method('frappe.client.get_list'), { doctype: 'Company' }),
      await noRole.post(method('frappe.client.get_list'), { doctype: 'Company' }),
      await noRole.get(method('frappe.client.get_count'), { doctype: 'Company' }),
    ]) {
      expect([r.status, r.body.exc_type, r.body._error_message]).toEqual([403, 'PermissionError', 'No permission for Company']);
      expect(plain(messages(r.body)[0]?.message)).toMatch(/does not have doctype access via role permission for document Company$/);
    }
  });

  it('a user without the role gets 403 with every queued message: the permission log and "No permission for …" [frappe/permissions.py print_has_permission_check_logs; client.py get_value]', async () => {
    if (!target.noRole) return;
    const r = await api(target, target.noRole).get(method('frappe.client.get_value'), { doctype: 'Company', fieldname: 'name' });
    expect([r.status, r.body.exc_type]).toEqual([403, 'PermissionError']);
    expect(messages(r.body).map((m) => plain(m.message))).toEqual([
      expect.stringMatching(/^User .+ does not have doctype access via role permission for document Company$/), 'No permission for Company',
    ]);
  });
});
