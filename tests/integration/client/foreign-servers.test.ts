import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { ErpNextClient } from '../../../electron/erpnext/client';
import type { ErpNextError } from '../../../electron/erpnext/errors';
import { type TestServer, sendHtml, sendJson, startHttp } from '../../support/servers';

const credentials = { apiKey: 'key', apiSecret: 'secret' };
const servers: TestServer[] = [];
afterAll(async () => Promise.all(servers.map((s) => s.close())));

async function site(handler: Parameters<typeof startHttp>[0]): Promise<string> {
  const server = await startHttp(handler);
  servers.push(server);
  return server.url;
}

async function failureOf(siteUrl: string, options: Record<string, unknown> = {}): Promise<ErpNextError> {
  const client = new ErpNextClient({ siteUrl, credentials, retry: { maxAttempts: 1 }, ...options });
  try {
    await client.getLoggedUser();
  } catch (error) {
    return error as ErpNextError;
  }
  throw new Error('expected a failure');
}

/** Whatever the server, the installer gets one classified error with a hint, never a raw stack. */
function expectOneClearError(error: ErpNextError, code: string): void {
  expect(error.name).toBe('ErpNextError');
  expect(error.code).toBe(code);
  expect(error.message).not.toMatch(/at \w+ \(|Error:|undefined/);
  expect(error.hint.length).toBeGreaterThan(20);
}

describe('pointed at something that is not ERPNext', () => {
  it('an ordinary HTML web site', async () => {
    const url = await site((_req, res) => sendHtml(res, 200, '<!doctype html><html><head><title>Bakery</title></head><body>Fresh bread</body></html>'));
    expectOneClearError(await failureOf(url), 'not_erpnext_html');
  });

  it('an HTML site that answers 404 for /api paths', async () => {
    const url = await site((_req, res) => sendHtml(res, 404, '<html><body>Not found</body></html>'));
    expectOneClearError(await failureOf(url), 'not_erpnext_html');
  });

  it('a JSON API that is not Frappe', async () => {
    const url = await site((_req, res) => sendJson(res, 200, { status: 'ok', items: [] }));
    expectOneClearError(await failureOf(url), 'not_erpnext_json');
  });

  it('a JSON API that answers errors in its own shape', async () => {
    const url = await site((_req, res) => sendJson(res, 404, { error: 'route not found' }));
    expectOneClearError(await failureOf(url), 'not_erpnext_json');
  });

  it('a login page in front of the site', async () => {
    const url = await site((_req, res) => sendHtml(res, 200, '<html><title>Sign in</title><form method="post"><input type="password" name="p"></form></html>'));
    expectOneClearError(await failureOf(url), 'not_erpnext_login_page');
  });

  it('an nginx 502 page is a transient proxy failure', async () => {
    const url = await site((_req, res) => sendHtml(res, 502, '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>'));
    const error = await failureOf(url);
    expectOneClearError(error, 'proxy_error');
    expect(error.transient).toBe(true);
  });

  it('a redirect to another address is reported, not followed', async () => {
    const url = await site((_req, res) => {
      res.writeHead(301, { Location: 'https://erp.example.com/api/method/frappe.auth.get_logged_user' });
      res.end();
    });
    const error = await failureOf(url);
    expectOneClearError(error, 'invalid_url');
    expect(error.message).toMatch(/redirects to https:\/\/erp\.example\.com/);
  });

  it('a server that is not HTTP at all', async () => {
    const server = net.createServer((socket) => socket.end('SSH-2.0-OpenSSH_9.2\r\n'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    const error = await failureOf(`http://127.0.0.1:${port}`);
    server.close();
    expect(['not_erpnext_html', 'network_reset']).toContain(error.code);
    expect(error.hint.length).toBeGreaterThan(20);
  });
});

describe('unreachable sites', () => {
  it('a closed port is refused', async () => {
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as net.AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    expectOneClearError(await failureOf(`http://127.0.0.1:${port}`), 'network_refused');
  });

  it('a host name that does not exist', async () => {
    const error = await failureOf('https://no-such-host.invalid');
    expect(['network_dns', 'network_unreachable', 'timeout']).toContain(error.code);
    expect(error.transient).toBe(true);
  });

  it('a server that never answers times out', async () => {
    const url = await site(() => undefined);
    const error = await failureOf(url, { timeoutMs: 300 });
    expectOneClearError(error, 'timeout');
    expect(error.outcomeUnknown).toBe(true);
  });

  it('https spoken to a plain http port', async () => {
    const url = await site((_req, res) => sendJson(res, 200, { message: 'pong' }));
    const error = await failureOf(url.replace('http:', 'https:'));
    expectOneClearError(error, 'invalid_url');
  });
});
