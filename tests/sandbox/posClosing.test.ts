import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../sandbox/index';
import { call, lastMessage, post, sandbox, shopBody } from './helpers';

// POS Closing Entry (erpnext/accounts/doctype/pos_closing_entry, v15): closes an Open opening entry, which
// becomes Closed and links it; cancelling the closing opens it again (update_opening_entry).

describe('POS Closing Entry', () => {
  let sb: Sandbox;
  let openingName: string;
  const closing = (extra: Record<string, unknown> = {}) => ({
    pos_opening_entry: openingName, period_start_date: '2026-11-28 09:00:00', period_end_date: '2026-11-28 18:00:00', company: 'Till Co', pos_profile: 'Till',
    user: 'provisioner@erplab.test', payment_reconciliation: [{ mode_of_payment: 'Cash', opening_amount: 50, expected_amount: 50, closing_amount: 50 }], docstatus: 1, ...extra,
  });
  const openingStatus = async () => (await call(sb, 'GET', `/api/resource/POS Opening Entry/${openingName}`)).body.data as { status: string; pos_closing_entry: string | null };

  beforeAll(async () => {
    sb = await sandbox();
    await post(sb, '/api/resource/Company', shopBody('Till Co', 'TC'));
    await post(sb, '/api/resource/Mode of Payment/Cash', {});
    const profile = await post(sb, '/api/resource/POS Profile', { name: 'Till', company: 'Till Co', currency: 'USD', warehouse: 'Stores - TC', write_off_account: 'Write Off - TC', write_off_cost_center: 'Main - TC', payments: [{ mode_of_payment: 'Cash', default: 1 }] });
    expect(profile.status).toBe(200);
    const opening = await post(sb, '/api/resource/POS Opening Entry', { company: 'Till Co', pos_profile: 'Till', user: 'provisioner@erplab.test', period_start_date: '2026-11-28 09:00:00', balance_details: [{ mode_of_payment: 'Cash', opening_amount: 50 }], docstatus: 1 });
    openingName = opening.body.data.name as string;
  });
  afterAll(async () => sb.stop());

  it('closes the opening entry on submit, refuses one that is not open, and reopens it when cancelled', async () => {
    const closed = await post(sb, '/api/resource/POS Closing Entry', closing());
    expect(closed.status).toBe(200);
    expect(closed.body.data).toMatchObject({ docstatus: 1, status: 'Submitted' });
    expect(await openingStatus()).toMatchObject({ status: 'Closed', pos_closing_entry: closed.body.data.name });

    const twice = await post(sb, '/api/resource/POS Closing Entry', closing());
    expect(lastMessage(twice.body)).toBe('Selected POS Opening Entry should be open.');

    const cancelled = await post(sb, '/api/method/frappe.client.cancel', { doctype: 'POS Closing Entry', name: closed.body.data.name });
    expect(cancelled.status).toBe(200);
    const reopened = await openingStatus();
    expect(reopened.status).toBe('Open');
    expect(reopened.pos_closing_entry ?? null).toBeNull();
  });
});
