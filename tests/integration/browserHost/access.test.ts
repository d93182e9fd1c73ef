import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserHost, startBrowserHost } from '../../../electron/browserHost/server';
import { MemorySecretStore } from '../../../electron/secrets';
import { ProvisioningService } from '../../../electron/service';

// The browser host serves demos and the e2e tests on 127.0.0.1. Each test here is one hole it had:
// the token in every `GET /`, no Host check (DNS rebinding), and a malformed URL killing the process.

let host: BrowserHost;
let service: ProvisioningService;
let port: number;

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'host-access-'));
  const rendererDir = path.join(dir, 'renderer');
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head><title>POS</title></head><body><div id="root"></div></body></html>');
  writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log("app");');
  service = new ProvisioningService({ dbFile: path.join(dir, 'pos.sqlite'), secrets: new MemorySecretStore(), appVersion: 'test' });
  host = await startBrowserHost({ service, rendererDir, downloadsDir: dir, appVersion: 'test' });
  port = Number(new URL(host.url).port);
});
afterAll(async () => {
  await host.close();
  service.close();
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw request, so tests can send any Host header and any request target. */
function request(target: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: target, headers: { Host: `127.0.0.1:${port}`, ...options.headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
        if (target === '/events') res.destroy();
      });
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      res.on('close', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

async function signIn(): Promise<string> {
  const login = await request(new URL(host.loginUrl()).pathname + new URL(host.loginUrl()).search);
  expect(login.status).toBe(303);
  return login.headers['set-cookie']![0]!.split(';')[0]!;
}

const apiCall = (cookie: string | undefined, headers: Record<string, string> = {}) =>
  request('/api/listSites', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Pos-Api': '1', ...(cookie ? { Cookie: cookie } : {}), ...headers }, body: '{}' });

describe('signing in: the one-time address, never the page', () => {
  it('answers a plain GET / with nothing that lets a local process use the API', async () => {
    const page = await request('/');
    expect(page.status).toBe(401);
    expect(page.body).not.toMatch(/[0-9a-f]{32,}/);
    expect(page.headers['set-cookie']).toBeUndefined();
    expect((await apiCall(undefined)).status).toBe(401);
    expect((await request('/events')).status).toBe(401);
  });

  it('trades the one-time token for an HttpOnly SameSite=Strict cookie, once, and redirects to a clean address', async () => {
    const url = new URL(host.loginUrl());
    const first = await request(`${url.pathname}${url.search}`);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    expect(first.headers['set-cookie']![0]).toMatch(new RegExp(`^pos_session_${port}=[0-9a-f]{64}; HttpOnly; SameSite=Strict; Path=/$`));
    const again = await request(`${url.pathname}${url.search}`);
    expect([again.status, again.headers['set-cookie']]).toEqual([403, undefined]);
    expect(again.body).toMatch(/already used/);
    expect((await request('/?token=0000')).status).toBe(403);
  });

  it('answers the API, the event stream and the page only with the cookie', async () => {
    const cookie = await signIn();
    const sites = await apiCall(cookie);
    expect([sites.status, JSON.parse(sites.body)]).toEqual([200, { ok: true, value: [] }]);
    expect((await request('/', { headers: { Cookie: cookie } })).body).toContain('<div id="root">');
    expect((await request('/events', { headers: { Cookie: cookie } })).body).toContain(': connected');
    expect((await apiCall(`pos_session_${port}=${'0'.repeat(64)}`)).status).toBe(401);
  });

  it('refuses an API call from another origin, or without the app header, even with the cookie', async () => {
    const cookie = await signIn();
    expect((await apiCall(cookie, { Origin: 'http://127.0.0.1:9999' })).status).toBe(403);
    const noHeader = await request('/api/listSites', { method: 'POST', headers: { Cookie: cookie }, body: '{}' });
    expect(noHeader.status).toBe(403);
  });
});

describe('DNS rebinding', () => {
  it('refuses a request addressed to another host name, even one that resolves to 127.0.0.1', async () => {
    const rebound = await request('/', { headers: { Host: `rebind.attacker.example:${port}` } });
    expect([rebound.status, rebound.body]).toEqual([403, 'host refused']);
    const cookie = await signIn();
    for (const target of ['/', '/events', `/?token=${new URL(host.loginUrl()).searchParams.get('token')}`]) {
      const answer = await request(target, { headers: { Host: `rebind.attacker.example:${port}`, Cookie: cookie } });
      expect([target, answer.status]).toEqual([target, 403]);
    }
    expect((await apiCall(cookie, { Host: `rebind.attacker.example:${port}` })).status).toBe(403);
    expect((await request('/', { headers: { Host: `localhost:${port}`, Cookie: cookie } })).status).toBe(200);
  });
});

describe('malformed requests', () => {
  it('answers each with 400 and keeps serving', async () => {
    expect((await request('/%E0%A4%A')).status).toBe(400);
    expect((await request('/')).status).toBe(401);
    const cookie = await signIn();
    for (const target of ['/%E0%A4%A', '/assets/%', '/%00', '//evil.example/x']) {
      const answer = await request(target, { headers: { Cookie: cookie } });
      expect([target, answer.status]).toEqual([target, 400]);
    }
    const badJson = await request('/api/listSites', { method: 'POST', headers: { Cookie: cookie, 'X-Pos-Api': '1' }, body: '{not json' });
    expect(badJson.status).toBe(400);
    expect((await request('/', { headers: { Cookie: cookie } })).status).toBe(200);
  });

  it('never serves a file outside the page folder', async () => {
    const cookie = await signIn();
    const traversal = await request('/assets/..%2F..%2Fpos.sqlite', { headers: { Cookie: cookie } });
    expect(traversal.body).toContain('<div id="root">');
    const asset = await request('/assets/app.js', { headers: { Cookie: cookie } });
    expect([asset.status, asset.headers['content-type'], asset.body]).toEqual([200, 'text/javascript', 'console.log("app");']);
  });
});
