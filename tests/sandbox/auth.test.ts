import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../sandbox/index';
import { call, get, lastMessage, sandbox } from './helpers';

describe('authentication and routing (frappe/auth.py, frappe/api)', () => {
  let sb: Sandbox;
  beforeAll(async () => { sb = await sandbox(); });
  afterAll(async () => sb.stop());

  const whoami = (authorization?: string) =>
    call(sb, 'GET', '/api/method/frappe.auth.get_logged_user', { who: 'guest', headers: authorization ? { Authorization: authorization } : {} });

  it('accepts token auth with a case-insensitive scheme and Basic auth', async () => {
    const { apiKey, apiSecret } = sb.users.provisioner;
    expect((await whoami(`token ${apiKey}:${apiSecret}`)).body).toEqual({ message: 'provisioner@erplab.test' });
    expect((await whoami(`TOKEN ${apiKey}:${apiSecret}`)).body.message).toBe('provisioner@erplab.test');
    expect((await whoami(`Basic ${Buffer.from(`${apiKey}:${apiSecret}`).toString('base64')}`)).body.message).toBe('provisioner@erplab.test');
  });

  it('answers a wrong secret with a bare 401 AuthenticationError and expires the cookies', async () => {
    const r = await whoami(`token ${sb.users.administrator.apiKey}:nope`);
    expect(r.status).toBe(401);
    expect(r.body.exc_type).toBe('AuthenticationError');
    expect(r.body._server_messages).toBeUndefined();
    expect(r.headers.getSetCookie().some((c) => c.startsWith('sid=; Expires='))).toBe(true);
  });

  it('treats "token key" (no secret) as 401 and a header of another shape as Guest', async () => {
    expect((await whoami(`token ${sb.users.administrator.apiKey}`)).status).toBe(401);
    const twoSpaces = await whoami(`token  ${sb.users.administrator.apiKey}:${sb.users.administrator.apiSecret}`);
    expect(twoSpaces.status).toBe(403);
    expect(twoSpaces.body.exc_type).toBe('PermissionError');
  });

  it('rejects a Basic token that is not base64 with 400', async () => {
    const r = await whoami('Basic %%%not-base64%%%');
    expect(r.status).toBe(400);
    expect(r.body.exc_type).toBe('InvalidAuthorizationToken');
  });

  it('lets Guest ping but not call other methods', async () => {
    expect((await get(sb, '/api/method/ping', undefined, 'guest')).body).toEqual({ message: 'pong' });
    const r = await whoami();
    expect(r.status).toBe(403);
    expect(lastMessage(r.body)).toContain('is not whitelisted');
  });

  it('routes /api and /api/v1 with an optional trailing slash; unknown routes are a bare 404', async () => {
    expect((await get(sb, '/api/v1/method/frappe.auth.get_logged_user')).body.message).toBe('Administrator');
    expect((await get(sb, '/api/method/frappe.auth.get_logged_user/')).body.message).toBe('Administrator');
    const r = await get(sb, '/api/nothing/here');
    expect(r.status).toBe(404);
    expect(r.body).toEqual({ exc_type: 'DoesNotExistError' });
  });

  it('decodes URL-encoded names', async () => {
    const r = await get(sb, `/api/resource/${encodeURIComponent('Mode of Payment')}/${encodeURIComponent('Credit Card')}`);
    expect(r.body.data.name).toBe('Credit Card');
  });

  it('reports the configured versions', async () => {
    const r = await get(sb, '/api/method/frappe.utils.change_log.get_versions');
    expect(r.body.message.frappe.version).toBe('15.74.1');
    expect(r.body.message.erpnext.version).toBe('15.70.2');
  });
});
