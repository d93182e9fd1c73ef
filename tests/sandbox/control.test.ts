import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../sandbox/index';
import { call, get, post, sandbox } from './helpers';

// The /__sandbox control API lets a test or trainer drive a sandbox in another process.

describe('control API', () => {
  let sb: Sandbox;
  beforeAll(async () => { sb = await sandbox(); });
  afterAll(async () => sb.stop());

  const control = (method: string, path: string, json?: unknown) => call(sb, method, `/__sandbox${path}`, { json });

  it('is for the Administrator only', async () => {
    expect((await call(sb, 'GET', '/__sandbox/stats', { who: 'provisioner' })).status).toBe(403);
    expect((await call(sb, 'GET', '/__sandbox/stats', { who: 'guest' })).status).toBe(403);
  });

  it('adds, lists and removes faults from JSON or the compact spec', async () => {
    const added = await control('POST', '/faults', { spec: 'GET /api/method/ping => status 503 x1 id=ping' });
    expect(added.body).toEqual({ ids: ['ping'] });
    expect((await get(sb, '/api/method/ping', undefined, 'guest')).status).toBe(503);
    await control('POST', '/faults', [{ id: 'slow', path: '/api/*', kind: 'latency', delayMs: 1 }]);
    expect((await control('GET', '/faults')).body.faults.map((f: { id: string }) => f.id)).toEqual(['ping', 'slow']);
    await control('DELETE', '/faults/slow');
    expect((await control('GET', '/faults')).body.faults).toHaveLength(1);
    await control('DELETE', '/faults');
    expect((await control('GET', '/faults')).body.faults).toEqual([]);
    const bad = await control('POST', '/faults', { spec: '/api => nonsense' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toContain("unknown kind 'nonsense'");
  });

  it('sets latency, reads and resets stats', async () => {
    expect((await control('POST', '/latency', { ms: 5 })).body).toEqual({ ms: 5 });
    await get(sb, '/api/method/ping', undefined, 'guest');
    expect((await control('GET', '/stats')).body.requests).toBeGreaterThan(0);
    expect((await control('DELETE', '/stats')).body.requests).toBe(0);
    await control('POST', '/latency', { ms: 0 });
  });

  it('moves the clock', async () => {
    const moved = await control('POST', '/clock', { now: '2027-03-04T12:00:00Z', frozen: true });
    expect(moved.body.now).toBe('2027-03-04T12:00:00.000Z');
    const r = await post(sb, '/api/resource/Customer', { customer_name: 'Dated' });
    expect(r.body.data.creation).toMatch(/^2027-03-04 07:00:00/);
    await control('POST', '/clock', { reset: true });
  });

  it('grants and revokes roles', async () => {
    const revoked = await control('POST', `/users/${encodeURIComponent('provisioner@erplab.test')}/roles`, { roles: ['Sales User'] });
    expect(revoked.body.roles).toEqual(['Sales User']);
    expect((await post(sb, '/api/resource/Company', { company_name: 'X', abbr: 'X', default_currency: 'USD', country: 'United States' }, 'provisioner')).status).toBe(403);
    expect((await control('GET', '/users/provisioner/roles')).body.roles).toEqual(['Sales User']);
    expect((await control('GET', '/users/nobody/roles')).status).toBe(404);
  });
});
