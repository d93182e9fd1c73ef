import { FrappeError } from '../core/errors';
import type { FaultRule } from '../types';
import { errorResult, type ApiResult, type ShapeOptions } from './respond';

// What a client sees when a fault answers instead of the site: nginx pages for gateway errors, Frappe
// JSON for application errors and the site-wide rate limiter (CONTRACT §3.1, §3.6).

export interface RawResponse { status: number; headers: Record<string, string | string[]>; body: string }

const STATUS_TEXT: Record<number, string> = {
  500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Temporarily Unavailable', 504: 'Gateway Time-out', 429: 'Too Many Requests',
};

function nginxPage(status: number): RawResponse {
  const title = `${status} ${STATUS_TEXT[status] ?? 'Error'}`;
  const body = `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
  return { status, headers: { 'Content-Type': 'text/html' }, body };
}

const json = (result: ApiResult, extra: Record<string, string> = {}): RawResponse => ({
  status: result.status, headers: { 'Content-Type': 'application/json', ...extra }, body: JSON.stringify(result.body),
});

export function faultResponse(rule: FaultRule, shape: ShapeOptions): RawResponse {
  switch (rule.kind) {
    case 'status': {
      const status = rule.status ?? 503;
      if (status === 500) {
        const err = new FrappeError(rule.excType ?? 'OperationalError', rule.message ?? "(2013, 'Lost connection to MySQL server during query')");
        return json({ ...errorResult(err, [], shape), status });
      }
      if (status >= 502 && status <= 504 && !rule.message) return nginxPage(status);
      const err = new FrappeError(rule.excType ?? 'SessionStopped', rule.message ?? '', { viaThrow: !!rule.message });
      return json({ ...errorResult(err, [], shape), status });
    }
    case 'rate_limit': {
      const retry = rule.retryAfterS ?? 1;
      const err = new FrappeError('TooManyRequestsError', rule.message ?? '', { viaThrow: !!rule.message });
      return json({ ...errorResult(err, [], shape), status: 429 }, {
        'Retry-After': String(retry), 'X-RateLimit-Reset': String(retry), 'X-RateLimit-Limit': '60000000', 'X-RateLimit-Remaining': '0',
      });
    }
    case 'html':
      return {
        status: rule.status ?? 200,
        headers: { 'Content-Type': 'text/html; charset=utf-8' },
        body: `<!DOCTYPE html><html><head><title>${rule.title ?? 'Network Login'}</title></head><body><h1>${rule.title ?? 'Network Login'}</h1>` +
          `<p>${rule.message ?? 'You must log in to this network before you can access the Internet.'}</p><form method="post"><input name="accept" type="submit" value="Accept"></form></body></html>`,
      };
    case 'fail_endpoint': {
      const status = rule.status ?? 503;
      if (status === 417) return faultResponse({ ...rule, kind: 'error', status, excType: rule.excType ?? 'ValidationError', message: rule.message ?? 'Injected failure of this endpoint' }, shape);
      return faultResponse({ ...rule, kind: 'status', status }, shape);
    }
    case 'error': {
      const err = new FrappeError(rule.excType ?? 'ValidationError', rule.message ?? 'Injected error', { viaThrow: true, title: rule.title });
      return json({ ...errorResult(err, [], shape), status: rule.status ?? err.status });
    }
    default:
      return nginxPage(502);
  }
}
