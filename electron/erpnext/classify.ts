import type { ErrorCode } from '../../shared/errors';
import { ErpNextError } from './errors';
import { looksLikeFrappe, parseFrappeError } from './frappeBody';

export interface RequestContext {
  method: string;
  path: string;
  correlationId: string;
}

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | undefined>;
  /** Parsed JSON, or undefined when the body is not JSON. */
  json: unknown;
  text: string;
}

const DB_BUSY = new Set(['QueryDeadlockError', 'QueryTimeoutError']);
const CSRF = /CSRFToken|InvalidAuthorization/;

/** CONTRACT §3.2 and §3.7: status first, then exc_type where one status covers several meanings. */
export function codeForStatus(status: number, excType?: string): ErrorCode {
  switch (status) {
    case 400:
      return excType && !CSRF.test(excType) ? 'validation_failed' : 'csrf_rejected';
    case 401:
      return 'auth_failed';
    case 403:
      return 'permission_denied';
    case 404:
      return 'not_found';
    case 409:
      return excType === 'DuplicateEntryError' ? 'duplicate' : 'invalid_name';
    case 417:
      if (excType === 'MandatoryError') return 'mandatory_missing';
      if (excType === 'LinkValidationError' || excType === 'CancelledLinkError') return 'link_missing';
      if (excType === 'TimestampMismatchError') return 'timestamp_mismatch';
      return 'validation_failed';
    case 429:
      return 'rate_limited';
    case 500:
      return excType && DB_BUSY.has(excType) ? 'db_busy' : 'server_error';
    case 502:
    case 504:
      return 'proxy_error';
    case 503:
      return 'service_unavailable';
    default:
      return status >= 500 ? 'server_error' : 'validation_failed';
  }
}

/** Retry-After in seconds or as an HTTP date; Frappe's limiter also sends X-RateLimit-Reset (s). */
export function retryAfterMs(headers: HttpAnswer['headers'], now = Date.now()): number | undefined {
  const value = headers['retry-after'] ?? headers['x-ratelimit-reset'];
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function looksLikeLoginPage(text: string): boolean {
  return /<input[^>]+type=["']?password/i.test(text) || /<title>[^<]*(log ?in|sign ?in)[^<]*<\/title>/i.test(text);
}

/** An answer that did not come from ERPNext's API: a web page, a proxy error page, another JSON API. */
function notErpnextCode(answer: HttpAnswer): ErrorCode {
  if (answer.status === 502 || answer.status === 504) return 'proxy_error';
  if (answer.status === 503) return 'service_unavailable';
  if (answer.status === 429) return 'rate_limited';
  if (answer.json !== undefined) return 'not_erpnext_json';
  return looksLikeLoginPage(answer.text) ? 'not_erpnext_login_page' : 'not_erpnext_html';
}

/** True when a 2xx answer is not something ERPNext's API would send. */
export function isForeignAnswer(answer: HttpAnswer): boolean {
  return answer.json === undefined || !looksLikeFrappe(answer.json);
}

export function errorFromAnswer(answer: HttpAnswer, context: RequestContext): ErpNextError {
  const common = { status: answer.status, ...context, retryAfterMs: retryAfterMs(answer.headers) };
  if (isForeignAnswer(answer)) {
    return new ErpNextError({ code: notErpnextCode(answer), ...common });
  }
  const facts = parseFrappeError(answer.json);
  return new ErpNextError({
    code: codeForStatus(answer.status, facts.excType),
    excType: facts.excType,
    serverMessage: facts.mainMessage,
    serverMessages: facts.messages,
    links: facts.links,
    ...common,
  });
}

const NETWORK_CODES: Record<string, ErrorCode> = {
  ECONNREFUSED: 'network_refused',
  ENOTFOUND: 'network_dns',
  EAI_AGAIN: 'network_dns',
  EHOSTUNREACH: 'network_unreachable',
  ENETUNREACH: 'network_unreachable',
  ENETDOWN: 'network_unreachable',
  EHOSTDOWN: 'network_unreachable',
  ECONNRESET: 'network_reset',
  EPIPE: 'network_reset',
  ERR_SOCKET_CLOSED: 'network_reset',
  ECONNABORTED: 'timeout',
  ETIMEDOUT: 'timeout',
  ESOCKETTIMEDOUT: 'timeout',
  ERR_CANCELED: 'cancelled',
  ABORT_ERR: 'cancelled',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'tls_self_signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'tls_self_signed',
  CERT_HAS_EXPIRED: 'tls_expired',
  CERT_NOT_YET_VALID: 'tls_expired',
  ERR_TLS_CERT_ALTNAME_INVALID: 'tls_host_mismatch',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'tls_untrusted',
  UNABLE_TO_GET_ISSUER_CERT: 'tls_untrusted',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'tls_untrusted',
  CERT_UNTRUSTED: 'tls_untrusted',
  CERT_SIGNATURE_FAILURE: 'tls_untrusted',
  ERR_TLS_PIN_MISMATCH: 'tls_pin_mismatch',
};

const SPECIFIC_MESSAGES: Record<string, string> = {
  ERR_SSL_WRONG_VERSION_NUMBER: 'The server at this address does not speak HTTPS on this port. Try http:// or check the port.',
  EPROTO: 'The server at this address does not speak HTTPS on this port. Try http:// or check the port.',
};

function errorCodeOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (code in NETWORK_CODES || code in SPECIFIC_MESSAGES || code.startsWith('HPE_'))) return code;
    current = (current as { cause?: unknown }).cause;
  }
  // A failure we cannot name ("socket hang up" among them) is a dropped connection for the caller.
  const message = error instanceof Error ? error.message : '';
  return /timeout/i.test(message) ? 'ETIMEDOUT' : undefined;
}

/** A failure with no HTTP answer: network, timeout, TLS, cancellation, a server that is not HTTP. */
export function errorFromNetwork(error: unknown, context: RequestContext): ErpNextError {
  if (error instanceof ErpNextError) return error;
  const rawCode = errorCodeOf(error);
  if (rawCode && rawCode in SPECIFIC_MESSAGES) {
    return new ErpNextError({ code: 'invalid_url', message: SPECIFIC_MESSAGES[rawCode], ...context, cause: error });
  }
  if (rawCode?.startsWith('HPE_')) {
    return new ErpNextError({ code: 'not_erpnext_html', message: 'The server at this address does not speak HTTP like a web site does.', ...context, cause: error });
  }
  const code = (rawCode ? NETWORK_CODES[rawCode] : undefined) ?? 'network_reset';
  return new ErpNextError({ code, ...context, cause: error });
}
