import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../sandbox/index';
import { call, lastMessage, messages, post, put, sandbox, shopBody } from './helpers';

// POS Profile and POS Opening Entry (erpnext/accounts/doctype/pos_profile, pos_opening_entry).

const profile = (name: string, extra: Record<string, unknown> = {}) => ({
  name, company: 'Till Co', currency: 'USD', warehouse: 'Stores - TC', write_off_account: 'Write Off - TC',
  write_off_cost_center: 'Main - TC', payments: [{ mode_of_payment: 'Cash', default: 1 }], ...extra,
});
const opening = (profileName: string, extra: Record<string, unknown> = {}) => ({
  company: 'Till Co', pos_profile: profileName, user: 'provisioner@erplab.test', period_start_date: '2026-11-28 09:00:00',
  balance_details: [{ mode_of_payment: 'Cash', opening_amount: 50 }], ...extra,
});

describe('POS profile and opening entry', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await sandbox();
    await post(sb, '/api/resource/Company', shopBody('Till Co', 'TC'));
  });
  afterAll(async () => sb.stop());

  it('runs validate() in ERPNext order before the mandatory check', async () => {
    const noPayments = await post(sb, '/api/resource/POS Profile', profile('P1', { payments: [], warehouse: null }));
    expect(lastMessage(noPayments.body)).toBe('Payment methods are mandatory. Please add at least one payment method.');
    const noDefault = await post(sb, '/api/resource/POS Profile', profile('P1', { payments: [{ mode_of_payment: 'Cash' }] }));
    expect(lastMessage(noDefault.body)).toBe('Please select a default mode of payment');
    const missing = await post(sb, '/api/resource/POS Profile', profile('P1', { payments: [{ mode_of_payment: 'Cash', default: 1 }, { mode_of_payment: 'Wire Transfer' }] }));
    expect(messages(missing.body).at(-1)).toMatchObject({ title: 'Missing Account' });
    expect(lastMessage(missing.body)).toContain('Please set default Cash or Bank account in Mode of Payments <a href="');
    const mandatory = await post(sb, '/api/resource/POS Profile', profile('P1', { warehouse: null, write_off_account: null }));
    expect(mandatory.body.exc_type).toBe('MandatoryError');
    expect(messages(mandatory.body).map((m) => m.message)).toEqual(['Error: Value missing for POS Profile: Warehouse', 'Error: Value missing for POS Profile: Write Off Account']);
    const otherCompany = await post(sb, '/api/resource/POS Profile', profile('P1', { warehouse: 'Stores - LHQ' }));
    expect(lastMessage(otherCompany.body)).toBe('Stores - LHQ does not belong to Company Till Co');
  });

  it('needs a name (Prompt) and allows one default profile per user and company', async () => {
    const { name: _name, ...unnamed } = profile('x');
    expect(lastMessage((await post(sb, '/api/resource/POS Profile', unnamed)).body)).toBe('Please set the document name');
    const users = [{ user: 'provisioner@erplab.test', default: 1 }];
    expect((await post(sb, '/api/resource/POS Profile', profile('Till 1', { applicable_for_users: users }))).status).toBe(200);
    const second = await post(sb, '/api/resource/POS Profile', profile('Till 2', { applicable_for_users: users }));
    expect(lastMessage(second.body)).toBe('Already set default in pos profile Till 1 for user provisioner@erplab.test, kindly disabled default');
    const note = await post(sb, '/api/resource/POS Profile', profile('Till 2', { applicable_for_users: [{ user: 'norole@erplab.test' }] }));
    expect(note.status).toBe(200);
    expect(lastMessage(note.body)).toBe("User norole@erplab.test doesn't have any default POS Profile. Check Default at Row 1 for this User.");
  });

  it('creates, submits, edits and cancels opening entries with Frappe transitions', async () => {
    const draft = await post(sb, '/api/resource/POS Opening Entry', opening('Till 1'));
    expect(draft.body.data).toMatchObject({ status: 'Draft', docstatus: 0, posting_date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    const name = draft.body.data.name as string;
    expect(name).toMatch(/^POS-OPE-\d{4}-00001$/);
    const submitted = await call(sb, 'POST', `/api/resource/POS Opening Entry/${name}`, { json: { run_method: 'submit' } });
    expect(submitted.body.data).toMatchObject({ name, docstatus: 1, status: 'Open' });
    expect(sb.db.get('POS Opening Entry', name)).toMatchObject({ docstatus: 1, status: 'Open' });
    const back = await put(sb, `/api/resource/POS Opening Entry/${name}`, { docstatus: 0 });
    expect([back.body.exc_type, lastMessage(back.body)]).toEqual(['DocstatusTransitionError', 'Cannot change docstatus from 1 (Submitted) to 0 (Draft)']);
    const edit = await put(sb, `/api/resource/POS Opening Entry/${name}`, { period_start_date: '2026-11-28 10:00:00' });
    expect(edit.body.exc_type).toBe('UpdateAfterSubmitError');
    const cancelled = await post(sb, '/api/method/frappe.client.cancel', { doctype: 'POS Opening Entry', name });
    expect(cancelled.body.message).toMatchObject({ docstatus: 2, status: 'Cancelled' });
    const again = await put(sb, `/api/resource/POS Opening Entry/${name}`, { docstatus: 1 });
    expect(lastMessage(again.body)).toBe('Cannot edit cancelled document');
  });

  it('accepts duplicate open entries (v15) and checks the profile company and payment accounts', async () => {
    const a = await post(sb, '/api/resource/POS Opening Entry', opening('Till 1', { docstatus: 1 }));
    const b = await post(sb, '/api/resource/POS Opening Entry', opening('Till 1', { docstatus: 1 }));
    expect([a.body.data.status, b.body.data.status]).toEqual(['Open', 'Open']);
    const wrong = await post(sb, '/api/resource/POS Opening Entry', opening('Till 1', { company: 'Lab HQ' }));
    expect(lastMessage(wrong.body)).toBe('POS Profile Till 1 does not belongs to company Lab HQ');
    const noAccount = await post(sb, '/api/resource/POS Opening Entry', opening('Till 1', { balance_details: [{ mode_of_payment: 'Wire Transfer', opening_amount: 1 }] }));
    expect(messages(noAccount.body).at(-1)).toMatchObject({ title: 'Missing Account' });
    const empty = await post(sb, '/api/resource/POS Opening Entry', opening('Till 1', { balance_details: [] }));
    expect(lastMessage(empty.body)).toBe('Error: Data missing in table: Opening Balance Details');
  });

  it('refuses to delete a submitted entry and a profile in use', async () => {
    const open = sb.db.list('POS Opening Entry').find((e) => e.status === 'Open');
    const r = await call(sb, 'DELETE', `/api/resource/POS Opening Entry/${open?.name}`);
    expect(r.status).toBe(417);
    expect(lastMessage(r.body)).toContain('Submitted Record cannot be deleted');
    const inUse = await call(sb, 'DELETE', '/api/resource/POS Profile/Till 1');
    expect(inUse.body.exc_type).toBe('LinkExistsError');
  });
});
