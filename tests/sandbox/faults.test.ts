import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Sandbox } from '../../sandbox/index';
import { call, get, post, sandbox, shopBody } from './helpers';

// Fault injection: every kind, and the counters that shape when a rule fires.

const whoami = (sb: Sandbox) => get(sb, '/api/method/frappe.auth.get_logged_user');

describe('fault injection', () => {
  let sb: Sandbox;
  afterEach(async () => sb?.stop());

  it('answers gateway statuses with an nginx page and 500 with a Frappe body', async () => {
    sb = await sandbox({ faults: [{ path: '/api/method/*', kind: 'status', status: 502, times: 1 }, { path: '/api/method/*', kind: 'status', status: 500, times: 1 }] });
    const gateway = await whoami(sb);
    expect([gateway.status, gateway.headers.get('content-type')]).toEqual([502, 'text/html']);
    expect(gateway.text).toContain('502 Bad Gateway');
    const server = await whoami(sb);
    expect([server.status, server.body.exc_type]).toEqual([500, 'OperationalError']);
    expect((await whoami(sb)).status).toBe(200);
    expect(sb.stats().faultsFired).toBe(2);
  });

  it('rate limits with 429 TooManyRequestsError and Retry-After', async () => {
    sb = await sandbox({ faults: [{ path: '/api/*', kind: 'rate_limit', retryAfterS: 7 }] });
    const r = await whoami(sb);
    expect([r.status, r.body.exc_type, r.headers.get('retry-after')]).toEqual([429, 'TooManyRequestsError', '7']);
  });

  it('resets the connection without an answer', async () => {
    sb = await sandbox({ faults: [{ path: '/api/*', kind: 'reset', times: 1 }] });
    await expect(whoami(sb)).rejects.toThrow();
    expect((await whoami(sb)).status).toBe(200);
  });

  it('commits late: the client gives up first, the record exists afterwards all the same', async () => {
    sb = await sandbox({ faults: [{ method: 'POST', path: '/api/resource/Customer', kind: 'commit_late', delayMs: 500, times: 1 }] });
    const gaveUp = fetch(`${sb.url}/api/resource/Customer`, {
      method: 'POST',
      headers: { Authorization: `token ${sb.users.administrator.apiKey}:${sb.users.administrator.apiSecret}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ customer_name: 'Late Lara', customer_type: 'Individual' }),
      signal: AbortSignal.timeout(150),
    });
    await expect(gaveUp).rejects.toThrow();
    expect(sb.db.count('Customer', { customer_name: 'Late Lara' })).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(sb.db.count('Customer', { customer_name: 'Late Lara' })).toBe(1);
    expect((await post(sb, '/api/resource/Customer', { customer_name: 'On Time Otto', customer_type: 'Individual' })).status).toBe(200);
  });

  it('fails one endpoint every time while the rest of the site works', async () => {
    sb = await sandbox({ faults: [{ method: 'POST', path: '/api/resource/Customer', kind: 'fail_endpoint', status: 503 }, { method: 'PUT', path: '/api/resource/Selling Settings/Selling Settings', kind: 'fail_endpoint', status: 417 }] });
    for (let i = 0; i < 3; i++) expect((await post(sb, '/api/resource/Customer', { customer_name: 'X' })).status).toBe(503);
    const refused = await call(sb, 'PUT', '/api/resource/Selling Settings/Selling Settings', { json: { customer_group: 'Individual' } });
    expect([refused.status, refused.body.exc_type]).toEqual([417, 'ValidationError']);
    expect((await get(sb, '/api/resource/Customer')).status).toBe(200);
    expect((await whoami(sb)).status).toBe(200);
    expect(sb.db.count('Customer', { customer_name: 'X' })).toBe(0);
  });

  it('hangs past the client timeout, and stop() still closes', async () => {
    sb = await sandbox({ faults: [{ path: '/api/*', kind: 'hang' }] });
    const started = Date.now();
    await expect(fetch(`${sb.url}/api/method/ping`, { signal: AbortSignal.timeout(300) })).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it('answers after a delayed hang', async () => {
    sb = await sandbox({ faults: [{ path: '/api/*', kind: 'hang', delayMs: 150 }] });
    const started = Date.now();
    expect((await get(sb, '/api/method/ping', undefined, 'guest')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('holds a request until its rule is removed, then handles it (the write lands only then); clear() releases too', async () => {
    sb = await sandbox();
    const hold = sb.faults.add({ method: 'POST', path: '/api/resource/Company', kind: 'hold' });
    let answered = false;
    const held = post(sb, '/api/resource/Company', shopBody('Held Hall', 'HH')).then((r) => { answered = true; return r; });
    await vi.waitFor(() => expect(sb.stats().faultsFired).toBe(1));
    // The rest of the site works meanwhile, and the held write has not landed.
    expect((await whoami(sb)).status).toBe(200);
    expect([answered, sb.db.get('Company', 'Held Hall')]).toEqual([false, null]);
    sb.faults.remove(hold);
    expect((await held).status).toBe(200);
    expect(sb.db.get('Company', 'Held Hall')).not.toBeNull();

    sb.faults.add({ path: '/api/method/*', kind: 'hold' });
    const second = whoami(sb);
    await vi.waitFor(() => expect(sb.stats().faultsFired).toBe(2));
    sb.faults.clear();
    expect((await second).status).toBe(200);
  });

  it('commits and then drops the answer', async () => {
    sb = await sandbox({ faults: [{ method: 'POST', path: '/api/resource/Company', kind: 'commit_then_drop', times: 1 }] });
    await expect(post(sb, '/api/resource/Company', shopBody('Lost Reply', 'LR'))).rejects.toThrow();
    expect(sb.db.get('Company', 'Lost Reply')).not.toBeNull();
    expect(sb.stats().writes).toBe(1);
    const retry = await post(sb, '/api/resource/Company', shopBody('Lost Reply', 'LR'));
    expect([retry.status, retry.body.exc_type]).toEqual([409, 'DuplicateEntryError']);
  });

  it('serves a captive-portal HTML page instead of JSON', async () => {
    sb = await sandbox({ faults: [{ path: '/api/*', kind: 'html' }] });
    const r = await whoami(sb);
    expect([r.status, r.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
    expect(r.text).toMatch(/^<!DOCTYPE html>/);
  });

  it('injects Frappe-shaped errors', async () => {
    sb = await sandbox({ faults: [{ method: 'WRITE', path: '/api/resource/*', kind: 'error', status: 417, excType: 'ValidationError', message: 'Boom' }] });
    const r = await post(sb, '/api/resource/UOM', { uom_name: 'X' });
    expect([r.status, r.body.exc_type, JSON.parse(JSON.parse(r.body._server_messages)[0]).message]).toEqual([417, 'ValidationError', 'Boom']);
    expect((await get(sb, '/api/resource/UOM')).status).toBe(200);
    expect(sb.stats().writes).toBe(0);
  });

  it('adds latency per rule and globally', async () => {
    sb = await sandbox({ latencyMs: 400, faults: [{ path: '/api/method/ping', kind: 'latency', delayMs: 100 }] });
    let started = Date.now();
    await get(sb, '/api/method/ping', undefined, 'guest');
    expect(Date.now() - started).toBeGreaterThanOrEqual(490);
    sb.setLatency(0);
    started = Date.now();
    await whoami(sb);
    expect(Date.now() - started).toBeLessThan(300);
  });

  it('honours skip, times, method and runtime add/remove', async () => {
    sb = await sandbox();
    const id = sb.faults.add({ method: 'GET', path: '/api/method/*', kind: 'status', status: 503, skip: 1, times: 2 });
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await whoami(sb)).status);
    expect(statuses).toEqual([200, 503, 503, 200]);
    sb.faults.add({ id: 'again', path: '/api/*', kind: 'status', status: 504 });
    expect(sb.faults.list().map((f) => f.id)).toEqual([id, 'again']);
    sb.faults.remove('again');
    expect((await whoami(sb)).status).toBe(200);
    sb.faults.add({ path: '/api/*', kind: 'status', status: 504 });
    sb.faults.clear();
    expect((await whoami(sb)).status).toBe(200);
  });

  it('loses only the first attempt of each distinct write with firstPerRequest', async () => {
    sb = await sandbox({ faults: [{ method: 'WRITE', path: '/api/*', kind: 'reset', firstPerRequest: true }] });
    const uom = (name: string) => post(sb, '/api/resource/UOM', { uom_name: name });
    await expect(uom('Tray')).rejects.toThrow();
    expect((await uom('Tray')).status).toBe(200);
    await expect(uom('Crate')).rejects.toThrow();
    expect((await uom('Crate')).status).toBe(200);
  });

  it('fires probabilistic rules deterministically for a seed', async () => {
    const pattern = async () => {
      const s = await sandbox({ seed: 42, faults: [{ path: '/api/*', kind: 'status', status: 503, probability: 0.5 }] });
      const out = [];
      for (let i = 0; i < 12; i += 1) out.push((await get(s, '/api/method/ping', undefined, 'guest')).status);
      await s.stop();
      return out;
    };
    const first = await pattern();
    expect(await pattern()).toEqual(first);
    expect(new Set(first)).toEqual(new Set([200, 503]));
    sb = await sandbox();
  });

  it('counts requests, writes and routes', async () => {
    sb = await sandbox();
    await whoami(sb);
    await post(sb, '/api/resource/UOM', { uom_name: 'Tub' });
    await call(sb, 'PUT', '/api/resource/UOM/Tub', { json: { must_be_whole_number: 1 } });
    expect(sb.stats()).toMatchObject({ requests: 3, writes: 2, byRoute: { 'POST /api/resource/UOM': 1, 'PUT /api/resource/UOM/Tub': 1 } });
    sb.resetStats();
    expect(sb.stats()).toEqual({ requests: 0, writes: 0, byRoute: {}, faultsFired: 0 });
  });
});
