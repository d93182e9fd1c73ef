import { afterAll, describe, expect, it } from 'vitest';
import { ErpNextClient } from '../../../electron/erpnext/client';
import type { ClientLogEntry } from '../../../electron/erpnext/transport';
import { type TestServer, sendJson, startHttp } from '../../support/servers';

const SECRET = 's3cr3t-VALUE-xyz';
let server: TestServer;
afterAll(async () => server?.close());

describe('what every request carries', () => {
  it('token auth exactly as Frappe splits it, JSON accept, explicit language, a correlation id, and never a cookie', async () => {
    const bodies: string[] = [];
    server = await startHttp((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => bodies.push(body));
      const cookie = 'sid=abc123; Path=/; HttpOnly';
      if (req.url?.startsWith('/api/method/frappe.auth.get_logged_user')) return sendJson(res, 200, { message: 'provisioner@x' }, { 'Set-Cookie': cookie });
      sendJson(res, 200, { data: { name: 'Cash' } }, { 'Set-Cookie': cookie });
    });
    const logs: ClientLogEntry[] = [];
    const client = new ErpNextClient({ siteUrl: `${server.url}/`, credentials: { apiKey: 'abc', apiSecret: SECRET }, language: 'en', log: (entry) => logs.push(entry) });
    await client.getLoggedUser();
    await client.getDoc('Mode of Payment', 'Cash');
    await client.update('Mode of Payment', 'Cash', { enabled: 1, modified: '2026-01-01 00:00:00' });

    expect(server.requests).toHaveLength(3);
    for (const req of server.requests) {
      expect(req.headers.authorization).toBe(`token abc:${SECRET}`);
      expect(req.headers.accept).toBe('application/json');
      expect(req.headers['accept-language']).toBe('en');
      expect(req.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{13}$/);
      expect(req.headers.cookie).toBeUndefined();
    }
    expect(server.requests[1]!.url).toBe('/api/resource/Mode%20of%20Payment/Cash');
    await expect.poll(() => bodies.length).toBe(3);
    expect(JSON.parse(bodies[2]!)).toEqual({ enabled: 1 });
    expect(server.requests[2]!.headers['content-type']).toBe('application/json');
    const ids = new Set(server.requests.map((r) => r.headers['x-correlation-id']));
    expect(ids.size).toBe(3);

    expect(logs).toHaveLength(3);
    for (const entry of logs) {
      expect(entry.data).toMatchObject({ method: expect.any(String), path: expect.any(String), status: 200, durationMs: expect.any(Number) });
      expect(JSON.stringify(entry)).not.toContain(SECRET);
    }
  });
});
