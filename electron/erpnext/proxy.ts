import http from 'node:http';
import type { Duplex } from 'node:stream';
import { getProxyForUrl } from 'proxy-from-env';

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[?::1\]?)$/i;

/**
 * The proxy for a site from HTTP_PROXY / HTTPS_PROXY / NO_PROXY (the standard variables). Loopback
 * addresses never go through a proxy: a proxy cannot reach this laptop's own sandbox.
 */
export function proxyFor(siteUrl: string): URL | undefined {
  const { hostname } = new URL(siteUrl);
  if (LOOPBACK.test(hostname)) return undefined;
  const proxy = getProxyForUrl(siteUrl);
  return proxy ? new URL(proxy) : undefined;
}

function proxyAuthorization(proxy: URL): Record<string, string> {
  if (!proxy.username) return {};
  const credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
  return { 'Proxy-Authorization': `Basic ${Buffer.from(credentials).toString('base64')}` };
}

/** Opens a CONNECT tunnel through an HTTP proxy to host:port; TLS to the site runs inside it. */
export function openTunnel(proxy: URL, host: string, port: number, timeoutMs: number): Promise<Duplex> {
  return new Promise((resolve, reject) => {
    const target = `${host.includes(':') ? `[${host}]` : host}:${port}`;
    const request = http.request({
      host: proxy.hostname,
      port: Number(proxy.port) || 80,
      method: 'CONNECT',
      path: target,
      headers: { Host: target, ...proxyAuthorization(proxy) },
      timeout: timeoutMs,
    });
    request.once('connect', (response, socket) => {
      if (response.statusCode === 200) return resolve(socket);
      socket.destroy();
      const error = Object.assign(new Error(`The proxy refused the tunnel to ${target} (HTTP ${response.statusCode}).`), {
        code: response.statusCode === 407 ? 'EPROXYAUTH' : 'ECONNREFUSED',
      });
      reject(error);
    });
    request.once('timeout', () => request.destroy(Object.assign(new Error('Proxy connect timeout'), { code: 'ETIMEDOUT' })));
    request.once('error', reject);
    request.end();
  });
}
