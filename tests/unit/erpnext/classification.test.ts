import { describe, expect, it } from 'vitest';
import { type HttpAnswer, errorFromAnswer, errorFromNetwork, retryAfterMs } from '../../../electron/erpnext/classify';
import { excTypeFromException } from '../../../electron/erpnext/frappeBody';

const context = { method: 'POST', path: '/api/resource/Company', correlationId: 'c1' };

function frappeError(status: number, excType: string | undefined, message = 'Boom', extra: Record<string, unknown> = {}): HttpAnswer {
  const body: Record<string, unknown> = {
    ...(excType ? { exc_type: excType } : {}),
    _server_messages: JSON.stringify([JSON.stringify({ message, raise_exception: 1, indicator: 'red' })]),
    ...extra,
  };
  return { status, headers: {}, json: body, text: JSON.stringify(body) };
}

// CONTRACT.md §3.2, one row per exception class, with the class we act on (§3.7).
const CONTRACT_ROWS: [exc: string, status: number, code: string, category: string][] = [
  ['ValidationError', 417, 'validation_failed', 'validation'],
  ['MandatoryError', 417, 'mandatory_missing', 'validation'],
  ['LinkValidationError', 417, 'link_missing', 'validation'],
  ['CancelledLinkError', 417, 'link_missing', 'validation'],
  ['TimestampMismatchError', 417, 'timestamp_mismatch', 'validation'],
  ['DocstatusTransitionError', 417, 'validation_failed', 'validation'],
  ['UpdateAfterSubmitError', 417, 'validation_failed', 'validation'],
  ['CannotChangeConstantError', 417, 'validation_failed', 'validation'],
  ['UniqueValidationError', 417, 'validation_failed', 'validation'],
  ['CharacterLengthExceededError', 417, 'validation_failed', 'validation'],
  ['DataError', 417, 'validation_failed', 'validation'],
  ['InvalidNameError', 417, 'validation_failed', 'validation'],
  ['LinkExistsError', 417, 'validation_failed', 'validation'],
  ['FrappeTypeError', 417, 'validation_failed', 'validation'],
  ['ItemPriceDuplicateItem', 417, 'validation_failed', 'validation'],
  ['DoesNotExistError', 404, 'not_found', 'not_found'],
  ['PermissionError', 403, 'permission_denied', 'permission'],
  ['AuthenticationError', 401, 'auth_failed', 'auth'],
  ['SessionExpired', 401, 'auth_failed', 'auth'],
  ['NameError', 409, 'invalid_name', 'validation'],
  ['DuplicateEntryError', 409, 'duplicate', 'conflict'],
  ['CSRFTokenError', 400, 'csrf_rejected', 'auth'],
  ['InvalidAuthorizationHeader', 400, 'csrf_rejected', 'auth'],
  ['InvalidAuthorizationToken', 400, 'csrf_rejected', 'auth'],
  ['RateLimitExceededError', 429, 'rate_limited', 'transient'],
  ['TooManyRequestsError', 429, 'rate_limited', 'transient'],
  ['SessionStopped', 503, 'service_unavailable', 'transient'],
  ['InReadOnlyMode', 503, 'service_unavailable', 'transient'],
  ['QueryDeadlockError', 500, 'db_busy', 'transient'],
  ['QueryTimeoutError', 500, 'db_busy', 'transient'],
  ['TypeError', 500, 'server_error', 'server'],
  ['KeyError', 500, 'server_error', 'server'],
];

describe('classification of each CONTRACT §3.2 row', () => {
  it.each(CONTRACT_ROWS)('%s (%i) → %s', (exc, status, code, category) => {
    const error = errorFromAnswer(frappeError(status, exc), context);
    expect(error.code).toBe(code);
    expect(error.category).toBe(category);
    expect(error.transient).toBe(category === 'transient');
    // A second price for one item/list/unit is ERPNext's "it is already there" too (item_price.py check_duplicates).
    expect(error.alreadyExists).toBe(exc === 'DuplicateEntryError' || exc === 'ItemPriceDuplicateItem');
  });

  it('a second account row for one company is "already there"; other 417s are not', () => {
    expect(errorFromAnswer(frappeError(417, 'ValidationError', 'Same Company is entered more than once'), context).alreadyExists).toBe(true);
    expect(errorFromAnswer(frappeError(417, 'ValidationError', 'Company is frozen'), context).alreadyExists).toBe(false);
  });

  it('says when no answer came back at all (the connection, not the site, failed)', () => {
    for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET', 'ETIMEDOUT']) {
      expect(errorFromNetwork(Object.assign(new Error(code), { code }), context).noAnswer).toBe(true);
    }
    expect(errorFromAnswer(frappeError(503, 'SessionStopped'), context).noAnswer).toBe(false);
    expect(errorFromAnswer(frappeError(503, 'SessionStopped'), context).toInfo()).toMatchObject({ endpoint: `${context.method} ${context.path}`, attempts: 1 });
  });

  it('a 409 that is not DuplicateEntryError does not mean "already exists"', () => {
    const error = errorFromAnswer(frappeError(409, 'NameError', 'A Customer Group exists with same name please change the Customer name or rename the Customer Group'), context);
    expect(error.alreadyExists).toBe(false);
    expect(error.message).toMatch(/same name as a Customer Group/);
  });

  it('proxies 502 and 504 are transient and their outcome unknown; 503 is transient', () => {
    for (const status of [502, 504]) {
      const error = errorFromAnswer({ status, headers: { 'content-type': 'text/html' }, json: undefined, text: '<html><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>' }, context);
      expect([error.code, error.transient, error.outcomeUnknown]).toEqual(['proxy_error', true, true]);
    }
    expect(errorFromAnswer(frappeError(503, 'SessionStopped'), context).outcomeUnknown).toBe(false);
  });
});

describe('v14 bodies without exc_type', () => {
  it('takes the class from `exception`', () => {
    expect(excTypeFromException("frappe.exceptions.DuplicateEntryError: ('Company', 'X', IntegrityError(1062))")).toBe('DuplicateEntryError');
    expect(excTypeFromException('frappe.exceptions.AuthenticationError')).toBe('AuthenticationError');
    expect(excTypeFromException('IndexError: list index out of range')).toBe('IndexError');
    expect(excTypeFromException(undefined)).toBeUndefined();
  });

  it('classifies a v14 duplicate by its exception line', () => {
    const error = errorFromAnswer(frappeError(409, undefined, 'Company <strong>X</strong> already exists', { exception: "frappe.exceptions.DuplicateEntryError: ('Company', 'X', IntegrityError())" }), context);
    expect([error.code, error.excType]).toEqual(['duplicate', 'DuplicateEntryError']);
  });

  it('classifies an empty v14 body by status alone', () => {
    expect(errorFromAnswer({ status: 401, headers: {}, json: {}, text: '{}' }, context).code).toBe('auth_failed');
  });
});

describe('answers that are not from the ERPNext API', () => {
  const html = (status: number, text: string): HttpAnswer => ({ status, headers: { 'content-type': 'text/html' }, json: undefined, text });

  it('recognises a captive portal page', () => {
    const error = errorFromAnswer(html(200, '<html><head><title>Welcome to Cafe WiFi</title></head><body>Accept terms</body></html>'), context);
    expect([error.code, error.category]).toEqual(['not_erpnext_html', 'not_erpnext']);
    expect(error.hint).toMatch(/sign-in page/);
  });

  it('recognises an HTML login page', () => {
    const error = errorFromAnswer(html(200, '<html><title>Login</title><form><input type="password" name="pwd"></form></html>'), context);
    expect(error.code).toBe('not_erpnext_login_page');
  });

  it('recognises a JSON API that is not Frappe', () => {
    const error = errorFromAnswer({ status: 404, headers: { 'content-type': 'application/json' }, json: { error: 'Not Found', path: '/api/method/ping' }, text: '' }, context);
    expect(error.code).toBe('not_erpnext_json');
  });
});

describe('network failures', () => {
  const failure = (code: string, message = 'x') => Object.assign(new Error(message), { code });
  it.each([
    ['ECONNREFUSED', 'network_refused', 'transient', false],
    ['ENOTFOUND', 'network_dns', 'transient', false],
    ['EAI_AGAIN', 'network_dns', 'transient', false],
    ['ENETUNREACH', 'network_unreachable', 'transient', false],
    ['ECONNRESET', 'network_reset', 'transient', true],
    ['ECONNABORTED', 'timeout', 'transient', true],
    ['ETIMEDOUT', 'timeout', 'transient', true],
    ['ERR_CANCELED', 'cancelled', 'cancelled', false],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'tls_self_signed', 'tls', false],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'tls_self_signed', 'tls', false],
    ['CERT_HAS_EXPIRED', 'tls_expired', 'tls', false],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'tls_host_mismatch', 'tls', false],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'tls_untrusted', 'tls', false],
    ['ERR_TLS_PIN_MISMATCH', 'tls_pin_mismatch', 'tls', false],
  ])('%s → %s', (raw, code, category, outcomeUnknown) => {
    const error = errorFromNetwork(failure(raw), context);
    expect([error.code, error.category, error.outcomeUnknown]).toEqual([code, category, outcomeUnknown]);
  });

  it('finds the code in a wrapped cause', () => {
    const wrapped = Object.assign(new Error('request failed'), { cause: failure('ECONNREFUSED') });
    expect(errorFromNetwork(wrapped, context).code).toBe('network_refused');
  });

  it('explains https spoken to a plain http port', () => {
    const error = errorFromNetwork(failure('ERR_SSL_WRONG_VERSION_NUMBER'), context);
    expect(error.code).toBe('invalid_url');
    expect(error.message).toMatch(/does not speak HTTPS/);
  });
});

describe('Retry-After', () => {
  it('reads seconds, HTTP dates and Frappe reset headers', () => {
    expect(retryAfterMs({ 'retry-after': '3' })).toBe(3000);
    expect(retryAfterMs({ 'retry-after': new Date(10_000).toUTCString() }, 4_000)).toBe(6000);
    expect(retryAfterMs({ 'x-ratelimit-reset': '2' })).toBe(2000);
    expect(retryAfterMs({})).toBeUndefined();
  });
});
