import { getProxyForUrl } from 'proxy-from-env';
import { addressClass } from './siteUrl';

/**
 * The operating system's proxy answer for an address, in PAC form: "DIRECT", "PROXY host:port; DIRECT",
 * "HTTPS host:port". In the app this is Electron's `session.resolveProxy` (system settings and PAC
 * scripts), asked through the main process.
 */
export type SystemProxyResolver = (url: string) => Promise<string>;

export type ProxySource = 'loopback' | 'system' | 'environment' | 'none';

export interface ProxyChoice {
  proxy?: URL;
  /** Why this choice: shown in logs so a helpdesk can tell a PAC script from HTTPS_PROXY. */
  source: ProxySource;
}

let systemResolver: SystemProxyResolver | undefined;

/** Set once by the app's engine process; the CLI, the tests and the browser host use the environment only. */
export function useSystemProxyResolver(resolver: SystemProxyResolver | undefined): void {
  systemResolver = resolver;
}

/**
 * The first HTTP(S) proxy of a PAC answer; null for DIRECT; undefined when the answer names only
 * proxies we cannot use (SOCKS) or makes no sense, so the caller falls back to the environment.
 */
export function parsePacAnswer(answer: string): URL | null | undefined {
  for (const entry of answer.split(';').map((part) => part.trim()).filter(Boolean)) {
    const [kind = '', hostPort] = entry.split(/\s+/);
    if (kind.toUpperCase() === 'DIRECT') return null;
    if (!hostPort || !/^(PROXY|HTTP|HTTPS)$/i.test(kind)) continue;
    try {
      return new URL(`${kind.toUpperCase() === 'HTTPS' ? 'https' : 'http'}://${hostPort}`);
    } catch {
      continue;
    }
  }
  return undefined;
}

async function askSystem(siteUrl: string, resolver: SystemProxyResolver): Promise<URL | null | undefined> {
  try {
    return parsePacAnswer(await resolver(siteUrl));
  } catch {
    // No answer from the OS (PAC script failing, main process busy): the environment decides.
    return undefined;
  }
}

/**
 * The proxy for a site, in this order: none for this computer (a proxy cannot reach the laptop's own
 * sandbox); the OS's settings and PAC script when the app can ask them; then HTTP(S)_PROXY / NO_PROXY.
 * An OS answer of DIRECT still lets the environment speak: on Linux without a desktop proxy setting
 * the OS says DIRECT, and the variables are how the installer configured the proxy.
 */
export async function chooseProxy(siteUrl: string, resolver: SystemProxyResolver | undefined = systemResolver): Promise<ProxyChoice> {
  if (addressClass(new URL(siteUrl).hostname) === 'loopback') return { source: 'loopback' };
  if (resolver) {
    const proxy = await askSystem(siteUrl, resolver);
    if (proxy) return { proxy, source: 'system' };
  }
  const fromEnv = getProxyForUrl(siteUrl);
  return fromEnv ? { proxy: new URL(fromEnv.includes('://') ? fromEnv : `http://${fromEnv}`), source: 'environment' } : { source: 'none' };
}
