import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErpNextClient } from '../../../electron/erpnext/client';
import { probeCertificate } from '../../../electron/erpnext/tls';
import { type TestPki, makeTestPki } from '../../support/certs';
import { type TestServer, pong, startHttps } from '../../support/servers';
import { failure } from '../../support/failure';

const credentials = { apiKey: 'key', apiSecret: 'secret' };
const quick = { retry: { maxAttempts: 1 } };

let pki: TestPki;
const servers: TestServer[] = [];

async function serve(pair: { cert: string; key: string }): Promise<TestServer> {
  const server = await startHttps(pair, pong);
  servers.push(server);
  return server;
}


beforeAll(() => {
  pki = makeTestPki();
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

describe('TLS: certificates are verified by default', () => {
  it('refuses a self-signed certificate and sends it no request', async () => {
    const server = await serve(pki.selfSigned);
    const error = await failure(new ErpNextClient({ siteUrl: server.url, credentials, ...quick }).ping());
    expect(error.code).toBe('tls_self_signed');
    expect(error.category).toBe('tls');
    expect(error.hint).toMatch(/fingerprint/);
    expect(server.requests).toHaveLength(0);
  });

  it('accepts it when exactly its SHA-256 fingerprint is pinned', async () => {
    const server = await serve(pki.selfSigned);
    const client = new ErpNextClient({ siteUrl: server.url, credentials, tls: { pinnedSha256: pki.selfSigned.fingerprint256.toLowerCase() }, ...quick });
    await expect(client.ping()).resolves.toBeUndefined();
  });

  it('refuses it when the pinned fingerprint differs, before any byte of the request is sent', async () => {
    const server = await serve(pki.selfSigned);
    const client = new ErpNextClient({ siteUrl: server.url, credentials, tls: { pinnedSha256: pki.signed.fingerprint256 }, ...quick });
    const error = await failure(client.getLoggedUser());
    expect(error.code).toBe('tls_pin_mismatch');
    expect(server.requests).toHaveLength(0);
  });

  it('trusts a certificate from a custom CA file only when that file is given', async () => {
    const server = await serve(pki.signed);
    expect((await failure(new ErpNextClient({ siteUrl: server.url, credentials, ...quick }).ping())).code).toBe('tls_untrusted');
    await expect(new ErpNextClient({ siteUrl: server.url, credentials, tls: { caFile: pki.ca.certFile }, ...quick }).ping()).resolves.toBeUndefined();
  });

  it('refuses a certificate issued for another host name', async () => {
    const server = await serve(pki.otherHost);
    const error = await failure(new ErpNextClient({ siteUrl: server.url, credentials, tls: { caFile: pki.ca.certFile }, ...quick }).ping());
    expect(error.code).toBe('tls_host_mismatch');
  });

  it('refuses an expired certificate', async () => {
    const server = await serve(pki.expired);
    const error = await failure(new ErpNextClient({ siteUrl: server.url, credentials, tls: { caFile: pki.ca.certFile }, ...quick }).ping());
    expect(error.code).toBe('tls_expired');
  });

  it('explains an unusable CA file or fingerprint', () => {
    expect(() => new ErpNextClient({ siteUrl: 'https://x.test', credentials, tls: { caFile: '/nonexistent/ca.pem' } })).toThrow(/CA file .* cannot be used/);
    expect(() => new ErpNextClient({ siteUrl: 'https://x.test', credentials, tls: { pinnedSha256: 'abc' } })).toThrow(/64 hexadecimal/);
  });

  it('reads the presented certificate without sending a request, for the installer to compare', async () => {
    const server = await serve(pki.selfSigned);
    const presented = await probeCertificate(server.url);
    expect(presented.fingerprint256).toBe(pki.selfSigned.fingerprint256);
    expect(presented.trusted).toBe(false);
    expect(server.requests).toHaveLength(0);
  });
});
