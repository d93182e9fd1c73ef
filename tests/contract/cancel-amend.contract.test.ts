import { describe, expect, it } from 'vitest';
import { method, plain, raised, resource, type Api } from './support/api';
import { type Cleanup, contractWorld, makeProfile, openSession, type ShopContext } from './support/shop';

// Cancel, update-after-submit and amend (frappe/model/document.py check_docstatus_transition,
// validate_amended_from; frappe/model/base_document.py _validate_update_after_submit;
// frappe/model/naming.py _set_amended_name; frappe/client.py cancel).

let a: Api;
let shop: ShopContext;
let cleanup: Cleanup;
let profile: string;

contractWorld(async (world) => {
  ({ a, shop, cleanup } = world);
  profile = await makeProfile(a, shop, cleanup);
});

const cancel = (name: string) => a.post(method('frappe.client.cancel'), { doctype: 'POS Opening Entry', name });
const entry = async () => openSession(a, shop, profile, cleanup);

describe('cancel', () => {
  it('frappe.client.cancel sets docstatus 2 and returns the whole document [frappe/client.py cancel; CONTRACT §2.3, §4.10]', async () => {
    const name = await entry();
    const r = await cancel(name);
    expect(r.status).toBe(200);
    expect(r.body.message).toMatchObject({ name, docstatus: 2, status: 'Cancelled', doctype: 'POS Opening Entry' });
    expect(r.body.message.balance_details[0]).toMatchObject({ docstatus: 2, mode_of_payment: 'Cash' });
  });

  it('a cancelled document cannot be cancelled, saved or submitted again [document.py check_docstatus_transition; CONTRACT §2.5]', async () => {
    const name = await entry();
    await cancel(name);
    for (const r of [await cancel(name), await a.put(resource('POS Opening Entry', name), { docstatus: 1 })]) {
      expect([r.status, r.body.exc_type, plain(raised(r.body)?.message)]).toEqual([417, 'ValidationError', 'Cannot edit cancelled document']);
    }
  });

  it('a submitted document cannot go back to draft [document.py check_docstatus_transition; CONTRACT §2.5]', async () => {
    const r = await a.put(resource('POS Opening Entry', await entry()), { docstatus: 0 });
    expect([r.status, r.body.exc_type]).toEqual([417, 'DocstatusTransitionError']);
    expect(r.body.exception).toMatch(/Cannot change docstatus from 1 \(Submitted\) to 0 \(Draft\)$/);
  });

  it('a document that is not submittable cannot be cancelled (0 → 2) [document.py check_docstatus_transition]', async () => {
    const r = await a.post(method('frappe.client.cancel'), { doctype: 'POS Profile', name: profile });
    expect([r.status, r.body.exc_type]).toEqual([417, 'DocstatusTransitionError']);
  });
});

describe('update after submit', () => {
  it('refuses a changed field with UpdateAfterSubmitError, the values as Python prints them [base_document.py _validate_update_after_submit; CONTRACT §3.2]', async () => {
    const name = await entry();
    const r = await a.put(resource('POS Opening Entry', name), { set_posting_date: 1 });
    expect([r.status, r.body.exc_type]).toEqual([417, 'UpdateAfterSubmitError']);
    expect(raised(r.body)).toMatchObject({
      message: ' Not allowed to change <strong>Set Posting Date</strong> after submission from <strong>0</strong> to <strong>1</strong>',
      title: 'Cannot Update After Submit',
    });
  });

  it('prints a missing stored value as Python\'s None [base_document.py: frappe.bold(db_value); issue 8]', async () => {
    const r = await a.put(resource('POS Opening Entry', await entry()), { period_end_date: '2031-01-01' });
    expect(raised(r.body)?.message).toBe(' Not allowed to change <strong>Period End Date</strong> after submission from <strong>None</strong> to <strong>2031-01-01</strong>');
  });

  it('names the row of a changed child field ("Row #1:") and prints a stored Currency as a float [base_document.py]', async () => {
    const name = await entry();
    const doc = (await a.get(resource('POS Opening Entry', name))).body.data;
    const rows = doc.balance_details.map((row: Record<string, unknown>) => ({ name: row.name, mode_of_payment: row.mode_of_payment, opening_amount: 5 }));
    const r = await a.put(resource('POS Opening Entry', name), { balance_details: rows });
    expect(raised(r.body)?.message).toBe('Row #1: Not allowed to change <strong>Opening Amount</strong> after submission from <strong>100.0</strong> to <strong>5</strong>');
  });

  it('accepts an unchanged submitted document [base_document.py: only changed values count; recorded 87]', async () => {
    const name = await entry();
    const r = await a.put(resource('POS Opening Entry', name), { company: shop.company });
    expect([r.status, r.body.data.docstatus]).toEqual([200, 1]);
  });
});

describe('amend', () => {
  const amend = (from: string) => a.post(resource('POS Opening Entry'), {
    company: shop.company, pos_profile: profile, user: shop.user, period_start_date: `${new Date().toISOString().slice(0, 10)} 09:00:00`,
    balance_details: [{ mode_of_payment: 'Cash', opening_amount: 50 }], amended_from: from,
  });

  it('names an amendment "{original}-1", then "-2" for an amendment of it [frappe/model/naming.py _set_amended_name]', async () => {
    const original = await entry();
    await cancel(original);
    const first = await amend(original);
    expect([first.status, first.body.data.name, first.body.data.amended_from, first.body.data.docstatus]).toEqual([200, `${original}-1`, original, 0]);
    cleanup.add('POS Opening Entry', first.body.data.name);
    await a.put(resource('POS Opening Entry', `${original}-1`), { docstatus: 1 });
    await cancel(`${original}-1`);
    const second = await amend(`${original}-1`);
    expect(second.body.data?.name).toBe(`${original}-2`);
    cleanup.add('POS Opening Entry', `${original}-2`);
  });

  it('amending the same document twice collides on the name (409) [naming.py _set_amended_name; CONTRACT §3.5]', async () => {
    const original = await entry();
    await cancel(original);
    cleanup.add('POS Opening Entry', (await amend(original)).body.data.name);
    const again = await amend(original);
    expect([again.status, again.body.exc_type]).toEqual([409, 'DuplicateEntryError']);
  });

  it('refuses to amend a document that is not cancelled [frappe/model/document.py validate_amended_from]', async () => {
    const original = await entry();
    const r = await amend(original);
    expect([r.status, r.body.exc_type]).toEqual([417, 'ValidationError']);
    expect(raised(r.body)?.title).toBe('Amendment Not Allowed');
    expect(plain(raised(r.body)?.message)).toBe(`${original} cannot be amended because it is not cancelled. Please cancel the document before creating an amendment.`);
  });
});
