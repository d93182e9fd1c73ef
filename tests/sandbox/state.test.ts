import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../sandbox/index';
import { del, get, post, sandbox, shopBody } from './helpers';

// Starting states, restart from a database file, options that change what the site reports.

describe('starting states and options', () => {
  let sb: Sandbox | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-state-'));
  afterEach(async () => {
    await sb?.stop();
    sb = undefined;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('setup-done: Lab HQ, wizard fixtures, fiscal years for this year and the next two', async () => {
    sb = await sandbox({ clock: () => new Date('2031-06-15T12:00:00Z') });
    expect(sb.db.get('Company', 'Lab HQ')).toMatchObject({ abbr: 'LHQ', default_currency: 'USD', country: 'United States' });
    expect(sb.db.list('Fiscal Year').map((f) => f.name)).toEqual(['2031', '2032', '2033']);
    expect(sb.db.list('Mode of Payment').map((m) => m.name)).toEqual(['Bank Draft', 'Cash', 'Check', 'Credit Card', 'Wire Transfer']);
    expect(sb.db.get('Mode of Payment', 'Cash')?.accounts).toMatchObject([{ company: 'Lab HQ', default_account: 'Cash - LHQ' }]);
    for (const [doctype, name] of [['UOM', 'Nos'], ['Item Group', 'Products'], ['Customer Group', 'Individual'], ['Territory', 'United States'], ['Price List', 'Standard Selling'], ['Warehouse Type', 'Transit']]) {
      expect(sb.db.get(doctype as string, name as string), `${doctype} ${name}`).not.toBeNull();
    }
    const w = await post(sb, '/api/resource/Warehouse', { warehouse_name: 'Default Co Store' });
    expect(w.body.data).toMatchObject({ name: 'Default Co Store - LHQ', company: 'Lab HQ' });
  });

  it('bare: no wizard fixtures, setup not complete', async () => {
    sb = await sandbox({ state: 'bare' });
    expect(sb.db.count('Company')).toBe(0);
    expect(sb.db.count('Mode of Payment')).toBe(0);
    const r = await get(sb, '/api/method/frappe.client.get_value', { doctype: 'System Settings', fieldname: ['setup_complete'] });
    expect(r.body.message).toEqual({ setup_complete: '0' });
  });

  it('reopens a database file with its state and keys', async () => {
    const file = join(dir, 'site.db');
    sb = await sandbox({ dbFile: file });
    const keys = sb.users.provisioner;
    await post(sb, '/api/resource/Company', shopBody('Persisted', 'PER'));
    await sb.stop();
    sb = await sandbox({ dbFile: file, state: 'bare' });
    expect(sb.users.provisioner).toMatchObject({ apiKey: keys.apiKey, apiSecret: keys.apiSecret });
    expect((await get(sb, '/api/resource/Company/Persisted', undefined, 'provisioner')).body.data.abbr).toBe('PER');
  });

  it('uses given API keys, also on reopen', async () => {
    const file = join(dir, 'keys.db');
    sb = await sandbox({ dbFile: file, users: { administrator: { apiKey: 'adminkey', apiSecret: 'adminsecret' } } });
    expect(sb.users.administrator).toMatchObject({ apiKey: 'adminkey', apiSecret: 'adminsecret' });
    await sb.stop();
    sb = await sandbox({ dbFile: file, users: { administrator: { apiKey: 'newkey', apiSecret: 'newsecret' } } });
    const r = await fetch(`${sb.url}/api/method/frappe.auth.get_logged_user`, { headers: { Authorization: 'token newkey:newsecret' } });
    expect(await r.json()).toEqual({ message: 'Administrator' });
    expect((await fetch(`${sb.url}/api/method/frappe.auth.get_logged_user`, { headers: { Authorization: 'token adminkey:adminsecret' } })).status).toBe(401);
  });

  it('speaks the v14 error shape on request', async () => {
    sb = await sandbox({ errorShape: 'v14' });
    const dup = await post(sb, '/api/resource/Company', shopBody('Lab HQ', 'LHQ'));
    expect(dup.status).toBe(409);
    expect(dup.body.exc_type).toBeUndefined();
    expect(dup.body.exception).toMatch(/^frappe\.exceptions\.DuplicateEntryError/);
    const thrown = await post(sb, '/api/resource/Company', shopBody('Other', 'LHQ'));
    expect(thrown.body.exc_type).toBe('ValidationError');
    expect(thrown.body._exc_source).toBeUndefined();
    const created = await post(sb, '/api/resource/Customer', { customer_name: 'Nulls Kept' });
    expect(created.body.data).toHaveProperty('customer_details', null);
    expect((await del(sb, '/api/resource/Customer/Nulls Kept')).body).toEqual({ message: 'ok' });
    expect((await get(sb, '/api/v1/method/ping', undefined, 'guest')).status).toBe(404);
  });

  it('hides tracebacks when allowTraceback is false and reports other versions', async () => {
    sb = await sandbox({ allowTraceback: false, versions: { frappe: '13.40.0', erpnext: '13.50.1' } });
    const r = await post(sb, '/api/resource/Company', shopBody('Other', 'LHQ'));
    expect(Object.keys(r.body).sort()).toEqual(['_server_messages', 'exc_type']);
    expect((await get(sb, '/api/method/frappe.utils.change_log.get_versions')).body.message.frappe.version).toBe('13.40.0');
  });
});
