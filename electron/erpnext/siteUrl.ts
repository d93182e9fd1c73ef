import { domainToUnicode } from 'node:url';
import { ErpNextError } from './errors';

export interface SiteUrl {
  /** What requests are built on: scheme, ASCII (punycode) host, port and path prefix, no trailing slash. */
  baseUrl: string;
  origin: string;
  /** The same address with an international host name shown in its own script, for people. */
  displayUrl: string;
}

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
/** Paths a person copies from the browser bar that are not part of the site's address. */
const DESK_SUFFIX = /\/(app|desk|api|login|me|pos|point-of-sale)(\/.*)?$/i;

function invalid(message: string, cause?: unknown): ErpNextError {
  return new ErpNextError({ code: 'invalid_url', message, cause });
}

/** Adds https:// when the installer typed only a host ("erp.shop.com" or "localhost:8000"). */
function withScheme(input: string): string {
  const scheme = SCHEME.exec(input);
  if (!scheme) return `https://${input}`;
  const rest = input.slice(scheme[0].length);
  const isHostPort = /^\d{1,5}(\/|$)/.test(rest);
  if (isHostPort) return `https://${input}`;
  const name = scheme[1]!.toLowerCase();
  if (name !== 'http' && name !== 'https') {
    throw invalid(`"${name}:" addresses cannot reach ERPNext; use an http:// or https:// address.`);
  }
  return input;
}

export function normalizeSiteUrl(raw: string): SiteUrl {
  const input = (raw ?? '').trim();
  if (!input) throw invalid('Enter the ERPNext site address, for example https://erp.example.com.');
  if (/\s/.test(input)) throw invalid('The site address cannot contain spaces.');
  let url: URL;
  try {
    url = new URL(withScheme(input));
  } catch (cause) {
    if (cause instanceof ErpNextError) throw cause;
    throw invalid(`"${input}" is not a web address. Type it as https://erp.example.com.`, cause);
  }
  if (!url.hostname) throw invalid('The site address has no host name.');
  if (url.username || url.password) {
    throw invalid('Do not put a user name or password in the address; enter the API key and secret in their own fields.');
  }
  const path = url.pathname.replace(DESK_SUFFIX, '').replace(/\/+$/, '');
  const baseUrl = `${url.protocol}//${url.host}${path}`;
  const displayHost = domainToUnicode(url.hostname) || url.hostname;
  const displayUrl = `${url.protocol}//${displayHost}${url.port ? `:${url.port}` : ''}${decodeURI(path)}`;
  return { baseUrl, origin: url.origin, displayUrl };
}

/** Where an address points, for the plain-HTTP policy. */
export type AddressClass = 'loopback' | 'private' | 'remote';

function ipv4Class(address: string): AddressClass {
  const [a = 0, b = 0] = address.split('.').map(Number);
  if (a === 127) return 'loopback';
  // RFC 1918 private ranges and RFC 3927 link-local (a laptop cabled straight to the shop's server).
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254)) return 'private';
  return 'remote';
}

function ipv6Class(address: string): AddressClass {
  const lower = address.toLowerCase();
  if (lower === '::1') return 'loopback';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped) return ipv4Class(mapped[1]!);
  // fc00::/7 unique-local and fe80::/10 link-local.
  if (/^f[cd][0-9a-f]{2}:/.test(lower) || /^fe[89ab][0-9a-f]:/.test(lower)) return 'private';
  return 'remote';
}

/**
 * Names that cannot resolve on the public internet: "localhost" (RFC 6761), mDNS ".local" (RFC 6762),
 * ".home.arpa" (RFC 8375), ".internal" (reserved by ICANN for private use), ".lan" (a router
 * convention, not a delegated TLD), and single-label names found through the LAN's search domain.
 */
function nameClass(host: string): AddressClass {
  if (host === 'localhost' || host.endsWith('.localhost')) return 'loopback';
  if (!host.includes('.') || /\.(local|home\.arpa|internal|lan)$/.test(host)) return 'private';
  return 'remote';
}

export function addressClass(hostname: string): AddressClass {
  const host = hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) return ipv4Class(host);
  if (host.includes(':')) return ipv6Class(host);
  return nameClass(host);
}

export type PlainHttpVerdict = { ok: true; warning: string | null } | { ok: false; error: ErpNextError };

/**
 * The API secret travels in every request's Authorization header. Over plain HTTP it is readable by
 * anyone on the path, so a remote address is refused unless the installer allowed plain HTTP for this
 * site (lab setups); this laptop and private networks are allowed, with a warning to show.
 */
export function plainHttpVerdict(baseUrl: string, allowPlainHttp: boolean): PlainHttpVerdict {
  const url = new URL(baseUrl);
  if (url.protocol !== 'http:') return { ok: true, warning: null };
  const host = url.host;
  const where = addressClass(url.hostname);
  if (where === 'loopback') return { ok: true, warning: `Plain HTTP to ${host} (this computer): the API secret is not encrypted. Fine for a local test server only.` };
  if (where === 'private') return { ok: true, warning: `Plain HTTP to ${host} (a private network): the API secret travels unencrypted on this network. Use the https:// address when the site has one.` };
  if (allowPlainHttp) return { ok: true, warning: `Plain HTTP is allowed for ${host}: the API secret travels unencrypted over the network. Turn "Allow plain HTTP" off once the site has https://.` };
  return {
    ok: false,
    error: new ErpNextError({
      code: 'invalid_url',
      message: `Plain HTTP to ${host} is refused: this would send the API secret unencrypted over the network.`,
      hint: 'Use the https:// address of the site. Only for a lab network you trust: tick "Allow plain HTTP" for this site (CLI: ERPNEXT_ALLOW_PLAIN_HTTP=1).',
    }),
  };
}
