import { afterEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../sandbox/index';
import { deriveProfile, serverSeconds } from '../../sandbox/timing/derive';
import { ERPNEXT15 } from '../../sandbox/timing/erpnext15';
import { recordedExchanges } from '../../sandbox/timing/generate';
import { call, post, put, sandbox, shopBody } from './helpers';

// --timing erpnext15 (issue 8): each request takes the server time recorded on a real ERPNext 15 for
// its operation and outcome (../shared/erpnext/recorded response.elapsed_s), on 2 workers.

const timed = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const started = performance.now();
  const out = await fn();
  return [out, performance.now() - started];
};

describe('the erpnext15 profile', () => {
  it('is the median of the recordings per operation and outcome (regenerate with npx tsx sandbox/timing/generate.ts)', () => {
    expect(ERPNEXT15).toEqual(deriveProfile(recordedExchanges()));
  });

  it('knows the recorded operations: Company insert ~2 s, Settings PUT ~1–1.5 s, GET ~15 ms, errors fast', () => {
    expect(serverSeconds(ERPNEXT15, 'POST', '/api/resource/Company', 200)).toBeGreaterThan(1.3);
    expect(serverSeconds(ERPNEXT15, 'POST', '/api/resource/Company', 409)).toBeLessThan(0.2);
    expect(serverSeconds(ERPNEXT15, 'PUT', '/api/resource/Stock Settings/Stock Settings', 200)).toBeGreaterThan(1);
    expect(serverSeconds(ERPNEXT15, 'GET', '/api/v1/resource/Account', 200)).toBeLessThan(0.05);
  });

  it('times what was never recorded by its class of operation (a POS Invoice insert like other inserts)', () => {
    expect(serverSeconds(ERPNEXT15, 'POST', '/api/resource/POS Invoice', 200)).toBe(ERPNEXT15.classes['POST insert']?.ok);
    expect(serverSeconds(ERPNEXT15, 'DELETE', '/api/resource/Company/X', 202)).toBe(ERPNEXT15.classes['DELETE delete']?.ok);
    expect(serverSeconds(ERPNEXT15, 'PATCH', '/api/resource/X/Y', 200)).toBe(ERPNEXT15.fallback.ok);
  });
});

describe('a sandbox with timing', () => {
  let sb: Sandbox;
  afterEach(async () => sb?.stop());

  it('is off by default: a Company insert answers at once', async () => {
    sb = await sandbox();
    const [r, ms] = await timed(() => post(sb, '/api/resource/Company', shopBody('Quick Co', 'QC')));
    expect(r.status).toBe(200);
    expect(ms).toBeLessThan(1000);
  });

  it('takes the recorded time for the operation and its outcome: a Company insert ~2 s, its duplicate ~0.14 s', async () => {
    sb = await sandbox({ timing: 'erpnext15', timingScale: 0.5 });
    const [created, slow] = await timed(() => post(sb, '/api/resource/Company', shopBody('Slow Co', 'SC')));
    expect(created.status).toBe(200);
    expect(slow).toBeGreaterThanOrEqual(2.048 * 500 - 20);
    const [dup, fast] = await timed(() => post(sb, '/api/resource/Company', shopBody('Slow Co', 'SC')));
    expect(dup.status).toBe(409);
    expect(fast).toBeLessThan(500);
    expect(sb.db.count('Company', { company_name: 'Slow Co' })).toBe(1);
  });

  it('works on two requests at a time; the third waits for a worker', async () => {
    sb = await sandbox({ timing: 'erpnext15', timingScale: 0.2 });
    const one = (serverSeconds(ERPNEXT15, 'PUT', '/api/resource/Stock Settings/Stock Settings', 200) * 1000) * 0.2;
    const settings = () => put(sb, '/api/resource/Stock Settings/Stock Settings', { show_barcode_field: 1 });
    const [, two] = await timed(() => Promise.all([settings(), settings(), settings()]));
    expect(two).toBeGreaterThanOrEqual(2 * one - 20);
    expect(two).toBeLessThan(3 * one);
    sb.setTiming('erpnext15', { workers: 3 });
    const [, three] = await timed(() => Promise.all([settings(), settings(), settings()]));
    expect(three).toBeLessThan(2 * one);
  });

  it('applies to the new endpoints: POS Invoice, cancel and delete take their class\'s time', async () => {
    sb = await sandbox({ timing: 'erpnext15', timingScale: 0.5 });
    const [, cancelled] = await timed(() => post(sb, '/api/method/frappe.client.cancel', { doctype: 'Customer', name: 'Nobody' }));
    expect(cancelled).toBeGreaterThanOrEqual((ERPNEXT15.classes['POST method']?.error ?? 0) * 500 - 20);
    await post(sb, '/api/resource/Customer', { customer_name: 'Gone Soon' });
    const [gone, deleted] = await timed(() => call(sb, 'DELETE', '/api/resource/Customer/Gone Soon'));
    expect(gone.status).toBe(202);
    expect(deleted).toBeGreaterThanOrEqual((ERPNEXT15.classes['DELETE delete']?.ok ?? 0) * 500 - 20);
    const [invoice, inserted] = await timed(() => post(sb, '/api/resource/POS Invoice', { customer: 'Nobody' }));
    expect(invoice.status).toBe(417);
    expect(inserted).toBeGreaterThanOrEqual((ERPNEXT15.classes['POST insert']?.error ?? 0) * 500 - 20);
  });

  it('keeps faults and latency: a 503 fault answers without a worker, latency adds to the server time', async () => {
    sb = await sandbox({ timing: 'erpnext15', timingScale: 0.5, faults: [{ method: 'POST', path: '/api/resource/Company', kind: 'status', status: 503, times: 1 }] });
    const [fault, ms] = await timed(() => post(sb, '/api/resource/Company', shopBody('Faulty Co', 'FC')));
    expect(fault.status).toBe(503);
    expect(ms).toBeLessThan(300);
    sb.setLatency(300);
    const [, withLatency] = await timed(() => call(sb, 'GET', '/api/resource/Account'));
    expect(withLatency).toBeGreaterThanOrEqual(300 + (ERPNEXT15.operations['GET resource Account']?.ok ?? 0) * 500 - 20);
  });

  it('does not write twice: the outcome is learnt in a rolled-back run', async () => {
    sb = await sandbox({ timing: 'erpnext15', timingScale: 0.05 });
    await post(sb, '/api/resource/Customer', { customer_name: 'Once' });
    expect(sb.db.count('Customer', { customer_name: ['like', 'Once%'] })).toBe(1);
    expect(sb.stats().writes).toBe(1);
  });

  it('is switched on a running sandbox through the control API', async () => {
    sb = await sandbox();
    const control = (json: unknown) => call(sb, 'POST', '/__sandbox/timing', { json });
    expect((await control({ profile: 'erpnext15', scale: 0.5 })).body).toEqual({ profile: 'erpnext15', workers: 2, scale: 0.5 });
    const [, ms] = await timed(() => post(sb, '/api/resource/Company', shopBody('Later Co', 'LC')));
    expect(ms).toBeGreaterThanOrEqual(2.048 * 500 - 20);
    expect((await control({ profile: 'fast' })).status).toBe(400);
    expect((await control({ profile: 'off' })).body.profile).toBe('off');
  });
});
