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
