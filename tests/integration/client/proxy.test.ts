import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ErpNextClient } from '../../../electron/erpnext/client';
import { type TestPki, makeTestPki } from '../../support/certs';
import { startForwardProxy } from '../../support/forwardProxy';
import { type TestServer, pong, startHttp, startHttps } from '../../support/servers';

const credentials = { apiKey: 'key', apiSecret: 'secret' };
let pki: TestPki;
const closers: (() => Promise<void>)[] = [];
const savedEnv = { ...process.env };

beforeAll(() => {
  pki = makeTestPki();
});
afterEach(() => {
  for (const name of ['HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'http_proxy', 'https_proxy', 'no_proxy']) {
    if (savedEnv[name] === undefined) delete process.env[name];
    else process.env[name] = savedEnv[name];
  }
});
afterAll(async () => Promise.all(closers.map((close) => close())));

describe('HTTP(S) proxy from the standard environment variables', () => {
  it('tunnels https through HTTPS_PROXY with CONNECT, certificate pin still enforced', async () => {
    const site: TestServer = await startHttps(pki.selfSigned, pong);
    const proxy = await startForwardProxy(site.port);
    closers.push(site.close, proxy.close);
    process.env.HTTPS_PROXY = proxy.url;
    const client = new ErpNextClient({ siteUrl: 'https://erp.test', credentials, tls: { pinnedSha256: pki.selfSigned.fingerprint256 }, retry: { maxAttempts: 1 } });
    await expect(client.ping()).resolves.toBeUndefined();
    expect(proxy.tunnels).toEqual(['erp.test:443']);

    const wrongPin = new ErpNextClient({ siteUrl: 'https://erp.test', credentials, tls: { pinnedSha256: pki.signed.fingerprint256 }, retry: { maxAttempts: 1 } });
    await expect(wrongPin.ping()).rejects.toMatchObject({ code: 'tls_pin_mismatch' });
  });

  it('sends plain http through HTTP_PROXY', async () => {
    const site = await startHttp(pong);
    const proxy = await startForwardProxy(site.port);
    closers.push(site.close, proxy.close);
    process.env.HTTP_PROXY = proxy.url;
    await new ErpNextClient({ siteUrl: 'http://erp.test:8000', credentials, retry: { maxAttempts: 1 } }).ping();
    expect(proxy.forwarded).toEqual(['http://erp.test:8000/api/method/ping']);
  });

  it('honours NO_PROXY and never proxies loopback', async () => {
    const site = await startHttp(pong);
    const proxy = await startForwardProxy(site.port);
    closers.push(site.close, proxy.close);
    process.env.HTTP_PROXY = proxy.url;
    await new ErpNextClient({ siteUrl: site.url, credentials }).ping();
    expect(proxy.forwarded).toEqual([]);
    process.env.NO_PROXY = 'erp.test';
    await expect(new ErpNextClient({ siteUrl: 'http://erp.test:8000', credentials, retry: { maxAttempts: 1 }, timeoutMs: 2000 }).ping()).rejects.toMatchObject({ category: 'transient' });
    expect(proxy.forwarded).toEqual([]);
  });
});
