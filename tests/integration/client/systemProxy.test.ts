import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ErpNextClient } from '../../../electron/erpnext/client';
import { useSystemProxyResolver } from '../../../electron/erpnext/proxy';
import { type TestPki, makeTestPki } from '../../support/certs';
import { startForwardProxy } from '../../support/forwardProxy';
import { pong, startHttp, startHttps } from '../../support/servers';

// The app resolves each site's proxy through the OS (Electron's session.resolveProxy, asked through
// main); here a stand-in resolver plays the OS, and a real forward proxy carries the requests.

const credentials = { apiKey: 'key', apiSecret: 'secret' };
let pki: TestPki;
const closers: (() => Promise<void>)[] = [];

beforeAll(() => {
  pki = makeTestPki();
});
afterEach(() => useSystemProxyResolver(undefined));
afterAll(async () => Promise.all(closers.map((close) => close())));

describe("the OS's proxy settings", () => {
  it('tunnels https through the proxy the OS names, with the pin still checked before any request byte', async () => {
    const site = await startHttps(pki.selfSigned, pong);
    const proxy = await startForwardProxy(site.port);
    closers.push(site.close, proxy.close);
    useSystemProxyResolver(async () => `PROXY 127.0.0.1:${proxy.port}; DIRECT`);
    await new ErpNextClient({ siteUrl: 'https://erp.test', credentials, tls: { pinnedSha256: pki.selfSigned.fingerprint256 }, retry: { maxAttempts: 1 } }).ping();
    expect(proxy.tunnels).toEqual(['erp.test:443']);
    const wrongPin = new ErpNextClient({ siteUrl: 'https://erp.test', credentials, tls: { pinnedSha256: pki.signed.fingerprint256 }, retry: { maxAttempts: 1 } });
    await expect(wrongPin.ping()).rejects.toMatchObject({ code: 'tls_pin_mismatch' });
    expect(site.requests).toHaveLength(1);
  });

  it('sends every plain-HTTP request in absolute form, also on a kept-alive connection', async () => {
    const site = await startHttp(pong);
    const proxy = await startForwardProxy(site.port);
    closers.push(site.close, proxy.close);
    useSystemProxyResolver(async () => `PROXY 127.0.0.1:${proxy.port}`);
    const client = new ErpNextClient({ siteUrl: 'http://erp.test:8000', credentials, retry: { maxAttempts: 1 }, timeoutMs: 3_000 });
    for (let i = 0; i < 3; i++) await client.ping();
    expect(proxy.forwarded).toEqual(Array(3).fill('http://erp.test:8000/api/method/ping'));
    expect(proxy.connections).toBe(1);
  });

  it("reports a proxy's refusal of the tunnel as a connection failure, never as ERPNext's answer", async () => {
    const site = await startHttps(pki.selfSigned, pong);
    const proxy = await startForwardProxy(site.port, { refuse: 407 });
    closers.push(site.close, proxy.close);
    useSystemProxyResolver(async () => `PROXY 127.0.0.1:${proxy.port}`);
    const client = new ErpNextClient({ siteUrl: 'https://erp.test', credentials, tls: { pinnedSha256: pki.selfSigned.fingerprint256 }, retry: { maxAttempts: 1 } });
    const error = (await client.ping().then(
      () => ({}),
      (caught: unknown) => caught,
    )) as { code?: string; status?: number; cause?: unknown };
    expect(error.status).toBeUndefined();
    expect(String((error.cause as { cause?: Error } | undefined)?.cause?.message ?? (error.cause as Error)?.message)).toMatch(/proxy refused the tunnel to erp\.test:443 \(HTTP 407\)/);
    expect(site.requests).toHaveLength(0);
  });
});
