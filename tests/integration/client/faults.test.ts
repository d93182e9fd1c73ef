import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../sandbox';
import { ErpNextClient } from '../../../electron/erpnext/client';
import type { RetryPolicy } from '../../../electron/erpnext/retry';
import { SiteLimiter } from '../../../electron/erpnext/limiter';
import { failure } from '../../support/failure';

// Each fault the sandbox injects, met by the real client over real HTTP.

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(async () => sb.stop());
beforeEach(() => {
  sb.faults.clear();
  sb.resetStats();
});

const fast: Partial<RetryPolicy> = { baseDelayMs: 20, maxDelayMs: 100, maxAttempts: 4, maxTotalMs: 10_000 };

function client(options: { retry?: Partial<RetryPolicy>; timeoutMs?: number } = {}): ErpNextClient {
  const { apiKey, apiSecret } = sb.users.administrator;
  // A limiter per client: a Retry-After one test provokes would otherwise hold the next tests' requests.
  return new ErpNextClient({ siteUrl: sb.url, credentials: { apiKey, apiSecret }, retry: options.retry ?? fast, timeoutMs: options.timeoutMs ?? 5_000, limiter: new SiteLimiter() });
}


const requestsTo = (route: string) => sb.stats().byRoute[route] ?? 0;

describe('transient faults are retried', () => {
  it('5xx twice, then success', async () => {
    sb.faults.add({ method: 'GET', path: '/api/resource/Company/Lab HQ', kind: 'status', status: 503, times: 2 });
    await expect(client().getDoc('Company', 'Lab HQ')).resolves.toMatchObject({ name: 'Lab HQ' });
    expect(sb.stats().faultsFired).toBe(2);
    expect(requestsTo('GET /api/resource/Company/Lab HQ')).toBe(1);
  });

  it('429 waits as long as Retry-After says', async () => {
    sb.faults.add({ path: '/api/resource/Company/Lab HQ', kind: 'rate_limit', retryAfterS: 1, times: 1 });
    const started = Date.now();
    await client().getDoc('Company', 'Lab HQ');
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('a reset connection on a read is retried', async () => {
    sb.faults.add({ method: 'GET', path: '/api/resource/Warehouse', kind: 'reset', times: 1 });
    await expect(client().list('Warehouse')).resolves.toHaveLength(5);
  });

  it('a read that hangs past the timeout is retried', async () => {
    sb.faults.add({ method: 'GET', path: '/api/method/frappe.auth.get_logged_user', kind: 'hang', times: 1 });
    await expect(client({ timeoutMs: 300 }).getLoggedUser()).resolves.toBe('Administrator');
  });

  it('a database deadlock (500 QueryDeadlockError) is retried', async () => {
    sb.faults.add({ method: 'GET', path: '/api/resource/Company/Lab HQ', kind: 'error', status: 500, excType: 'QueryDeadlockError', message: 'Deadlock found', times: 1 });
    await expect(client().getDoc('Company', 'Lab HQ')).resolves.toMatchObject({ name: 'Lab HQ' });
  });

  it('added latency only slows the answer', async () => {
    sb.setLatency(150);
    const started = Date.now();
    await client().getLoggedUser();
    sb.setLatency(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });
});

describe('retry stops where it must', () => {
  it('stops at its attempt bound and reports the attempts', async () => {
    sb.faults.add({ method: 'GET', path: '/api/resource/Company/Lab HQ', kind: 'status', status: 502 });
    const error = await failure(client({ retry: { ...fast, maxAttempts: 3 } }).getDoc('Company', 'Lab HQ'));
    expect([error.code, error.attempts]).toEqual(['proxy_error', 3]);
    expect(sb.stats().faultsFired).toBe(3);
  });

  it('stops at its time bound even when the server keeps asking to wait', async () => {
    sb.faults.add({ path: '/api/resource/Company/Lab HQ', kind: 'rate_limit', retryAfterS: 5 });
    const started = Date.now();
    const error = await failure(client({ retry: { ...fast, maxTotalMs: 2_000 } }).getDoc('Company', 'Lab HQ'));
    expect(error.code).toBe('rate_limited');
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(sb.stats().faultsFired).toBe(1);
  });

  it('never retries a 417', async () => {
    sb.faults.add({ path: '/api/resource/Customer', method: 'POST', kind: 'error', status: 417, excType: 'ValidationError', message: 'Injected: refused' });
    const error = await failure(client().insert('Customer', { customer_name: 'X', customer_type: 'Individual' }));
    expect([error.status, error.code, error.serverMessage, error.attempts]).toEqual([417, 'validation_failed', 'Injected: refused', 1]);
    expect(sb.stats().faultsFired).toBe(1);
  });

  it('an HTML page instead of JSON is reported, not retried', async () => {
    sb.faults.add({ path: '/api/*', kind: 'html' });
    const error = await failure(client().getLoggedUser());
    // The sandbox's page is a Wi-Fi sign-in portal: either "web page" or "login page" is the right call.
    expect(['not_erpnext_html', 'not_erpnext_login_page']).toContain(error.code);
    expect([error.category, error.attempts]).toEqual(['not_erpnext', 1]);
  });

  it('can be cancelled while waiting', async () => {
    sb.faults.add({ path: '/api/resource/Company/Lab HQ', kind: 'rate_limit', retryAfterS: 30 });
    const controller = new AbortController();
    const { apiKey, apiSecret } = sb.users.administrator;
    // Its own limiter: the 30 s Retry-After would otherwise hold every later test's requests to this site.
    const cancellable = new ErpNextClient({ siteUrl: sb.url, credentials: { apiKey, apiSecret }, retry: { ...fast, maxTotalMs: 60_000 }, signal: controller.signal, limiter: new SiteLimiter() });
    setTimeout(() => controller.abort(), 200);
    const error = await failure(cancellable.getDoc('Company', 'Lab HQ'));
    expect(error.code).toBe('cancelled');
  });
});

describe('writes whose answer is lost are never blindly resent', () => {
  it('an insert dropped after commit reports "outcome unknown" and was saved once', async () => {
    sb.faults.add({ method: 'POST', path: '/api/resource/Customer', kind: 'commit_then_drop', times: 1 });
    const error = await failure(client().insert('Customer', { customer_name: 'Lost Answer Co', customer_type: 'Company' }));
    expect([error.code, error.outcomeUnknown, error.attempts]).toEqual(['network_reset', true, 1]);
    expect(sb.db.count('Customer', { customer_name: 'Lost Answer Co' })).toBe(1);
  });

  it('an insert that times out is not resent either', async () => {
    sb.faults.add({ method: 'POST', path: '/api/resource/Customer', kind: 'hang', delayMs: 800, times: 1 });
    const error = await failure(client({ timeoutMs: 300 }).insert('Customer', { customer_name: 'Slow Co', customer_type: 'Company' }));
    expect([error.code, error.outcomeUnknown]).toEqual(['timeout', true]);
    await expect.poll(() => sb.db.count('Customer', { customer_name: 'Slow Co' }), { timeout: 3_000 }).toBe(1);
  });

  it('an insert refused before processing (503) is resent safely', async () => {
    sb.faults.add({ method: 'POST', path: '/api/resource/Customer', kind: 'status', status: 503, times: 1 });
    await client().insert('Customer', { customer_name: 'Retry Safe Co', customer_type: 'Company' });
    expect(sb.db.count('Customer', { customer_name: 'Retry Safe Co' })).toBe(1);
  });

  it('an idempotent update dropped after commit is resent and succeeds', async () => {
    sb.faults.add({ method: 'PUT', path: '/api/resource/Mode of Payment/Check', kind: 'commit_then_drop', firstPerRequest: true });
    await expect(client().update('Mode of Payment', 'Check', { enabled: 0 })).resolves.toMatchObject({ enabled: 0 });
    expect(sb.stats().faultsFired).toBe(1);
  });
});
