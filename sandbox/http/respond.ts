import type { ServerMessage } from '../core/errors';
import { FrappeError } from '../core/errors';
import { pyDumps } from '../core/util';

// Response bodies as frappe/utils/response.py builds them: {"data"|"message": …} on success, and on
// error exc_type / exception / exc / _exc_source / _server_messages / _error_message (CONTRACT §3.3).

export interface ShapeOptions {
  errorShape: 'v15' | 'v14';
  allowTraceback: boolean;
  random: () => number;
}

export interface ApiResult {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string | string[]>;
}

const excId = (random: () => number) =>
  Array.from({ length: 56 }, () => Math.floor(random() * 16).toString(16)).join('');

function serverMessages(log: ServerMessage[], opts: ShapeOptions): string {
  const entries = log.map((m) => {
    const out = { ...m };
    if (opts.errorShape === 'v14') delete out.__frappe_exc_id;
    return pyDumps(out);
  });
  return pyDumps(entries);
}

export function successResult(key: 'data' | 'message', value: unknown, log: ServerMessage[], opts: ShapeOptions, status = 200): ApiResult {
  const body: Record<string, unknown> = value === undefined ? {} : { [key]: value };
  if (log.length) body._server_messages = serverMessages(log, opts);
  return { status, body };
}

function traceback(err: FrappeError): string {
  const origin = err.options.fromErpnext ? 'apps/erpnext/erpnext' : 'apps/frappe/frappe';
  return `Traceback (most recent call last):\n  File "apps/frappe/frappe/app.py", line 115, in application\n    response = frappe.api.handle(request)\n  File "${origin}/sandbox.py", line 1, in handler\n    raise exc\n${err.exceptionLine()}\n`;
}

export function errorResult(err: FrappeError, log: ServerMessage[], opts: ShapeOptions): ApiResult {
  const v14 = opts.errorShape === 'v14';
  const messages = [...log];
  if (err.options.viaThrow && err.message) {
    const msg: ServerMessage = { message: err.message, title: err.options.title ?? 'Message', indicator: 'red', raise_exception: 1 };
    messages.push(msg);
  }
  if (!v14) for (const m of messages) if (m.raise_exception && !m.__frappe_exc_id) m.__frappe_exc_id = excId(opts.random);
  const body: Record<string, unknown> = {};
  const withTrace = opts.allowTraceback && err.status !== 404 && err.options.traceback !== false;
  if (withTrace) body.exception = err.exceptionLine();
  const hasExcType = !v14 || (err.options.viaThrow && !err.options.noClass);
  if (hasExcType) body.exc_type = err.excType;
  if (withTrace) {
    if (err.options.fromErpnext && !v14) body._exc_source = 'erpnext (app)';
    body.exc = JSON.stringify([traceback(err)]);
  }
  if (messages.length) body._server_messages = serverMessages(messages, opts);
  if (err.options.errorMessage) body._error_message = err.options.errorMessage;
  return { status: err.status, body };
}

/** Anything that is not a FrappeError is an unexpected server error, reported like Python's 500s. */
export function toFrappeError(error: unknown): FrappeError {
  if (error instanceof FrappeError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new FrappeError('InternalServerError', message);
}
