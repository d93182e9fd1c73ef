import { describe, expect, it } from 'vitest';
import { type HttpAnswer, errorFromAnswer, errorFromNetwork, retryAfterMs } from '../../../electron/erpnext/classify';
import { ErpNextError } from '../../../electron/erpnext/errors';
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

describe('statuses the contract rows do not name', () => {
  it('a 400 with another exception class is ERPNext refusing the data, not a CSRF rejection', () => {
    expect(errorFromAnswer(frappeError(400, 'ValidationError', 'Invalid filter'), context)).toMatchObject({ code: 'validation_failed', category: 'validation' });
    expect(errorFromAnswer({ status: 400, headers: {}, json: {}, text: '{}' }, context).code).toBe('csrf_rejected');
  });

  it('a 502 or 504 in ERPNext\'s own shape is a gateway error: retried, and for a write an unknown outcome', () => {
    for (const status of [502, 504]) {
      const error = errorFromAnswer({ status, headers: {}, json: {}, text: '{}' }, context);
      expect([error.code, error.transient, error.outcomeUnknown]).toEqual(['proxy_error', true, true]);
    }
  });

  it('any other 4xx is a refusal of the data; any other 5xx a server error', () => {
    for (const status of [405, 413, 422]) expect(errorFromAnswer(frappeError(status, 'ValidationError'), context).code).toBe('validation_failed');
    for (const status of [501, 507]) expect(errorFromAnswer(frappeError(status, 'NotImplementedError'), context)).toMatchObject({ code: 'server_error', category: 'server', transient: false });
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

  it('recognises login pages by their title or by a password field', () => {
    const login = (text: string) => errorFromAnswer(html(200, text), context).code;
    expect(login('<html><head><title>Login</title></head><body>Welcome</body></html>')).toBe('not_erpnext_login_page');
    expect(login('<html><head><title>Cafe WiFi - Sign in to continue</title></head></html>')).toBe('not_erpnext_login_page');
    expect(login('<html><head><title>Signin | Portal</title></head></html>')).toBe('not_erpnext_login_page');
    expect(login('<html><head><title>Please log in</title></head></html>')).toBe('not_erpnext_login_page');
    expect(login('<html><title>Welcome</title><form><input class="field" name="pwd" type="password"></form></html>')).toBe('not_erpnext_login_page');
    expect(login("<html><title>Welcome</title><form><input name='pwd' type='password'></form></html>")).toBe('not_erpnext_login_page');
    expect(login('<html><title>Welcome</title><form><input name=pwd type=password></form></html>')).toBe('not_erpnext_login_page');
    expect(login('<html><title>Welcome</title><form><input name="q" type="text"></form></html>')).toBe('not_erpnext_html');
  });

  it('a load balancer\'s page for 503 or 429 is ERPNext busy (retried), not a foreign site', () => {
    const busy = errorFromAnswer(html(503, '<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>'), context);
    expect([busy.code, busy.transient, busy.outcomeUnknown]).toEqual(['service_unavailable', true, false]);
    const limited = errorFromAnswer({ ...html(429, '<html><body>Too Many Requests</body></html>'), headers: { 'retry-after': '2' } }, context);
    expect([limited.code, limited.transient, limited.retryAfterMs]).toEqual(['rate_limited', true, 2000]);
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
    ['EHOSTUNREACH', 'network_unreachable', 'transient', false],
    ['ENETDOWN', 'network_unreachable', 'transient', false],
    ['EHOSTDOWN', 'network_unreachable', 'transient', false],
    ['EPIPE', 'network_reset', 'transient', true],
    ['ERR_SOCKET_CLOSED', 'network_reset', 'transient', true],
    ['ESOCKETTIMEDOUT', 'timeout', 'transient', true],
    ['ABORT_ERR', 'cancelled', 'cancelled', false],
    ['CERT_NOT_YET_VALID', 'tls_expired', 'tls', false],
    ['UNABLE_TO_GET_ISSUER_CERT', 'tls_untrusted', 'tls', false],
    ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'tls_untrusted', 'tls', false],
    ['CERT_UNTRUSTED', 'tls_untrusted', 'tls', false],
    ['CERT_SIGNATURE_FAILURE', 'tls_untrusted', 'tls', false],
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
    for (const raw of ['ERR_SSL_WRONG_VERSION_NUMBER', 'EPROTO']) {
      const error = errorFromNetwork(failure(raw), context);
      expect(error.code).toBe('invalid_url');
      expect(error.message).toBe('The server at this address does not speak HTTPS on this port. Try http:// or check the port.');
      expect(error.outcomeUnknown).toBe(false);
    }
  });

  it('explains a server that does not speak HTTP at all (a parser error), keeping the cause', () => {
    const cause = failure('HPE_INVALID_CONSTANT', 'Parse Error: Expected HTTP/');
    const error = errorFromNetwork(cause, context);
    expect([error.code, error.message, error.cause]).toEqual(['not_erpnext_html', 'The server at this address does not speak HTTP like a web site does.', cause]);
    expect(errorFromNetwork(failure('HPE_HEADER_OVERFLOW'), context).code).toBe('not_erpnext_html');
    // fetch (undici) throws "fetch failed" with the parser's error as its cause.
    expect(errorFromNetwork(Object.assign(new TypeError('fetch failed'), { cause: failure('HPE_INVALID_CONSTANT') }), context).code).toBe('not_erpnext_html');
  });

  it('takes the specific code from the cause when the wrapper carries a generic one (axios ERR_NETWORK over ECONNREFUSED)', () => {
    const wrapped = Object.assign(new Error('Network Error'), { code: 'ERR_NETWORK', cause: failure('ECONNREFUSED') });
    expect(errorFromNetwork(wrapped, context).code).toBe('network_refused');
  });

  it('reads a hang-up or a timeout from the message when no code says it', () => {
    expect(errorFromNetwork(new Error('socket hang up'), context).code).toBe('network_reset');
    expect(errorFromNetwork(new Error('timeout of 30000ms exceeded'), context).code).toBe('timeout');
  });

  it('an unknown failure counts as a dropped connection: no answer, outcome unknown for a write', () => {
    for (const odd of [new Error('something odd'), failure('ERR_SOMETHING_NEW'), 'a thrown string', undefined]) {
      const error = errorFromNetwork(odd, context);
      expect([error.code, error.noAnswer, error.outcomeUnknown]).toEqual(['network_reset', true, true]);
    }
  });

  it('a cause chain that loops back on itself is classified, not walked forever', () => {
    const looping: Error & { cause?: unknown } = new Error('wrapped');
    looping.cause = looping;
    expect(errorFromNetwork(looping, context).code).toBe('network_reset');
  });

  it('an ErpNextError (a write refused before it left) passes through unchanged', () => {
    const refused = new ErpNextError({ code: 'validation_failed', message: 'Lock lost.' });
    expect(errorFromNetwork(refused, context)).toBe(refused);
  });
});

describe('Retry-After', () => {
  it('reads seconds, HTTP dates and Frappe reset headers', () => {
    expect(retryAfterMs({ 'retry-after': '3' })).toBe(3000);
    expect(retryAfterMs({ 'retry-after': '0.5' })).toBe(500);
    expect(retryAfterMs({ 'retry-after': new Date(10_000).toUTCString() }, 4_000)).toBe(6000);
    expect(retryAfterMs({ 'x-ratelimit-reset': '2' })).toBe(2000);
    expect(retryAfterMs({})).toBeUndefined();
  });

  it('an empty or unreadable header is no instruction; a time in the past means now', () => {
    expect(retryAfterMs({ 'retry-after': '' })).toBeUndefined();
    expect(retryAfterMs({ 'retry-after': 'soon' })).toBeUndefined();
    expect(retryAfterMs({ 'retry-after': '-5' })).toBe(0);
    expect(retryAfterMs({ 'retry-after': new Date(1_000).toUTCString() }, 4_000)).toBe(0);
  });

  it('travels with the error of a 429, as the retry waits for it', () => {
    const answer = { ...frappeError(429, 'RateLimitExceededError'), headers: { 'retry-after': '7' } };
    expect(errorFromAnswer(answer, context).retryAfterMs).toBe(7000);
  });
});
