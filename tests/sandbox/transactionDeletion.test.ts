import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../sandbox/index';
import { del, lastMessage, post, put, sandbox } from './helpers';

// Transaction Deletion Record, as in erpnext/setup/doctype/transaction_deletion_record/transaction_deletion_record.py
// (version-15): validate only_for("System Manager"); on_submit status Queued; before_submit refuses a second
// record queued/running for the company; start_deletion_tasks → Running → tasks (Delete Bins of the company's
// warehouses, … Delete Transactions: every doctype with a Link to Company not in get_doctypes_to_be_ignored)
// → Completed. Company.on_trash deletes the company's records (company.py).

describe('Transaction Deletion Record', () => {
  let sb: Sandbox;
  beforeAll(async () => { sb = await sandbox(); });
  afterAll(async () => sb.stop());

  const ofLabHq = () => ({
    entries: sb.db.list('Stock Entry').filter((e) => e.company === 'Lab HQ').length,
    ledger: sb.db.list('Stock Ledger Entry').filter((e) => e.company === 'Lab HQ').length,
    bins: sb.db.list('Bin').filter((b) => String(b.warehouse).endsWith(' - LHQ')).length,
  });

  it('deletes the company\'s stock transactions, ledger and bins (not its masters, not another company\'s) once started, and only for a System Manager', async () => {
    expect((await post(sb, '/api/resource/Item', { item_code: 'MUG', item_group: 'Products', stock_uom: 'Nos', opening_stock: 12, valuation_rate: 3 })).status).toBe(200);
    const entry = String(sb.db.list('Stock Entry').find((e) => e.company === 'Lab HQ')?.name);
    await post(sb, '/api/resource/Company', { company_name: 'Other Co', abbr: 'OC', default_currency: 'USD', country: 'United States' });
    const other = await post(sb, '/api/resource/Stock Entry', { company: 'Other Co', purpose: 'Material Receipt', docstatus: 1, items: [{ item_code: 'MUG', qty: 2, t_warehouse: 'Stores - OC', basic_rate: 3 }] });
    expect(other.status, other.text).toBe(200);
    // ERPNext keeps the ledger of a cancelled entry: it cannot be deleted, nor the item
    expect((await put(sb, `/api/resource/Stock Entry/${entry}`, { docstatus: 2 })).status).toBe(200);
    expect((await del(sb, `/api/resource/Stock Entry/${entry}`)).status).not.toBe(202);
    expect(ofLabHq()).toEqual({ entries: 1, ledger: 2, bins: 1 });

    const refused = await post(sb, '/api/resource/Transaction Deletion Record', { company: 'Lab HQ' }, 'norole');
    expect(refused.status).toBe(403);

    const draft = await post(sb, '/api/resource/Transaction Deletion Record', { company: 'Lab HQ', status: 'Completed' }, 'provisioner');
    expect(draft.status, draft.text).toBe(200);
    expect(draft.body.data).toMatchObject({ name: 'TDL0001', docstatus: 0, status: '' });
    const submitted = await put(sb, '/api/resource/Transaction Deletion Record/TDL0001', { docstatus: 1 }, 'provisioner');
    expect(submitted.body.data).toMatchObject({ docstatus: 1, status: 'Queued' });
    expect(submitted.body.data.doctypes_to_be_ignored.map((r: { doctype_name: string }) => r.doctype_name)).toContain('Warehouse');
    // Submitting does not delete: the tasks start with start_deletion_tasks
    expect(ofLabHq()).toEqual({ entries: 1, ledger: 2, bins: 1 });
    const second = await post(sb, '/api/resource/Transaction Deletion Record', { company: 'Lab HQ', docstatus: 1 }, 'provisioner');
    expect(second.status).toBe(417);
    expect(lastMessage(second.body)).toMatch(/Cannot enqueue multi docs for one company. TDL0001 is already queued\/running/);

    const started = await post(sb, '/api/resource/Transaction Deletion Record/TDL0001', { run_method: 'start_deletion_tasks' }, 'provisioner');
    expect(started.status, started.text).toBe(200);
    expect(sb.db.get('Transaction Deletion Record', 'TDL0001')).toMatchObject({ status: 'Completed', delete_bin_data: 1, delete_transactions: 1 });
    expect(ofLabHq()).toEqual({ entries: 0, ledger: 0, bins: 0 });
    // Masters stay; another company's stock stays
    expect(sb.db.get('Warehouse', 'Stores - LHQ')).toBeTruthy();
    expect(sb.db.list('Stock Entry').filter((e) => e.company === 'Other Co')).toHaveLength(1);
    expect(sb.db.list('Bin').filter((b) => b.warehouse === 'Stores - OC')).toHaveLength(1);
    // What the ledger held back can go now (the item still has Other Co's ledger, so only the price goes here)
    expect((await del(sb, `/api/resource/Stock Entry/${entry}`)).status).toBe(404);
  });

  it('stays Running while the background worker is stopped, and completes once it runs again', async () => {
    await post(sb, '/api/resource/Company', { company_name: 'Slow Co', abbr: 'SC', default_currency: 'USD', country: 'United States' });
    const entry = await post(sb, '/api/resource/Stock Entry', { company: 'Slow Co', purpose: 'Material Receipt', docstatus: 1, items: [{ item_code: 'MUG', qty: 1, t_warehouse: 'Stores - SC', basic_rate: 3 }] });
    expect(entry.status, entry.text).toBe(200);
    sb.setBackgroundJobs('stopped');
    const tdr = await post(sb, '/api/resource/Transaction Deletion Record', { company: 'Slow Co', docstatus: 1 }, 'provisioner');
    const name = String(tdr.body.data.name);
    expect((await post(sb, `/api/resource/Transaction Deletion Record/${name}`, { run_method: 'start_deletion_tasks' }, 'provisioner')).status).toBe(200);
    expect(sb.db.get('Transaction Deletion Record', name)).toMatchObject({ status: 'Running' });
    expect(sb.db.list('Stock Entry').filter((e) => e.company === 'Slow Co')).toHaveLength(1);
    sb.setBackgroundJobs('run');
    expect(sb.db.get('Transaction Deletion Record', name)).toMatchObject({ status: 'Completed' });
    expect(sb.db.list('Stock Entry').filter((e) => e.company === 'Slow Co')).toHaveLength(0);
  });

  it('goes with its company (company.py on_trash)', async () => {
    const made = await post(sb, '/api/resource/Company', { company_name: 'Gone Co', abbr: 'GC', default_currency: 'USD', country: 'United States' });
    expect(made.status, made.text).toBe(200);
    const tdr = await post(sb, '/api/resource/Transaction Deletion Record', { company: 'Gone Co', docstatus: 1 }, 'provisioner');
    expect(tdr.body.data).toMatchObject({ status: 'Queued' });
    const gone = await del(sb, '/api/resource/Company/Gone Co', 'provisioner');
    expect(gone.status, gone.text).toBe(202);
    expect(sb.db.list('Transaction Deletion Record').filter((d) => d.company === 'Gone Co')).toEqual([]);
  });
});
