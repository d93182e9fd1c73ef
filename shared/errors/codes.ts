/**
 * Every way a call to ERPNext can fail, as one closed list. The client maps each failure to exactly
 * one code; the engine and the UI decide what to do from the code's category, never from raw
 * status numbers or message text.
 */
export const ErrorCategory = {
  /** The site may answer if we try again later: network, timeouts, 429, 502/503/504, DB deadlocks. */
  Transient: 'transient',
  /** Key/secret wrong, or the request was treated as a browser session (CSRF). */
  Auth: 'auth',
  /** The API user lacks a role or the method is not allowed. */
  Permission: 'permission',
  /** ERPNext refused the data (417): mandatory fields, bad links, business rules. */
  Validation: 'validation',
  NotFound: 'not_found',
  /** 409 DuplicateEntryError: the record already exists. */
  Conflict: 'conflict',
  /** The server crashed (500) or answered something we cannot use. */
  Server: 'server',
  /** The URL does not lead to an ERPNext API (HTML page, another JSON API, captive portal). */
  NotErpnext: 'not_erpnext',
  /** The TLS certificate is not trusted. */
  Tls: 'tls',
  /** Our own configuration is unusable (bad URL, unreadable CA file). */
  Config: 'config',
  Cancelled: 'cancelled',
} as const;
export type ErrorCategory = (typeof ErrorCategory)[keyof typeof ErrorCategory];

export const ErrorCode = {
  InvalidUrl: 'invalid_url',
  NetworkRefused: 'network_refused',
  NetworkDns: 'network_dns',
  NetworkUnreachable: 'network_unreachable',
  NetworkReset: 'network_reset',
  Timeout: 'timeout',
  TlsSelfSigned: 'tls_self_signed',
  TlsExpired: 'tls_expired',
  TlsHostMismatch: 'tls_host_mismatch',
  TlsUntrusted: 'tls_untrusted',
  TlsPinMismatch: 'tls_pin_mismatch',
  TlsConfig: 'tls_config',
  NotErpnextHtml: 'not_erpnext_html',
  NotErpnextLoginPage: 'not_erpnext_login_page',
  NotErpnextJson: 'not_erpnext_json',
  ProxyError: 'proxy_error',
  AuthFailed: 'auth_failed',
  CsrfRejected: 'csrf_rejected',
  PermissionDenied: 'permission_denied',
  ValidationFailed: 'validation_failed',
  MandatoryMissing: 'mandatory_missing',
  LinkMissing: 'link_missing',
  TimestampMismatch: 'timestamp_mismatch',
  NotFound: 'not_found',
  Duplicate: 'duplicate',
  InvalidName: 'invalid_name',
  RateLimited: 'rate_limited',
  ServiceUnavailable: 'service_unavailable',
  DbBusy: 'db_busy',
  ServerError: 'server_error',
  Cancelled: 'cancelled',
  /** Another computer (or process) is provisioning this shop right now. */
  ShopBusy: 'shop_busy',
  /** A bug in POS Provisioner itself. */
  Internal: 'internal_error',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const CATEGORY_OF: Record<ErrorCode, ErrorCategory> = {
  invalid_url: ErrorCategory.Config,
  network_refused: ErrorCategory.Transient,
  network_dns: ErrorCategory.Transient,
  network_unreachable: ErrorCategory.Transient,
  network_reset: ErrorCategory.Transient,
  timeout: ErrorCategory.Transient,
  tls_self_signed: ErrorCategory.Tls,
  tls_expired: ErrorCategory.Tls,
  tls_host_mismatch: ErrorCategory.Tls,
  tls_untrusted: ErrorCategory.Tls,
  tls_pin_mismatch: ErrorCategory.Tls,
  tls_config: ErrorCategory.Config,
  not_erpnext_html: ErrorCategory.NotErpnext,
  not_erpnext_login_page: ErrorCategory.NotErpnext,
  not_erpnext_json: ErrorCategory.NotErpnext,
  proxy_error: ErrorCategory.Transient,
  auth_failed: ErrorCategory.Auth,
  csrf_rejected: ErrorCategory.Auth,
  permission_denied: ErrorCategory.Permission,
  validation_failed: ErrorCategory.Validation,
  mandatory_missing: ErrorCategory.Validation,
  link_missing: ErrorCategory.Validation,
  timestamp_mismatch: ErrorCategory.Validation,
  not_found: ErrorCategory.NotFound,
  duplicate: ErrorCategory.Conflict,
  invalid_name: ErrorCategory.Validation,
  rate_limited: ErrorCategory.Transient,
  service_unavailable: ErrorCategory.Transient,
  db_busy: ErrorCategory.Transient,
  server_error: ErrorCategory.Server,
  cancelled: ErrorCategory.Cancelled,
  shop_busy: ErrorCategory.Conflict,
  internal_error: ErrorCategory.Server,
};

/**
 * Failures after which the request may have reached ERPNext and been committed even though no
 * ERPNext answer came back. A write that fails this way must be looked up before it is sent again.
 * A page that is not ERPNext's (captive portal, proxy error page) is never taken as a write's answer:
 * something in between answered, and ERPNext may have got the request all the same.
 */
export const OUTCOME_UNKNOWN: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  ErrorCode.Timeout,
  ErrorCode.NetworkReset,
  ErrorCode.ProxyError,
  ErrorCode.NotErpnextHtml,
  ErrorCode.NotErpnextLoginPage,
  ErrorCode.NotErpnextJson,
]);

/** What crosses process and IPC boundaries: no stack, no secret, only what a person can act on. */
export interface ErrorInfo {
  code: ErrorCode;
  category: ErrorCategory;
  /** Our friendly sentence: what happened and what it means for the shop. */
  message: string;
  /** What the installer can do next. */
  hint: string;
  /** ERPNext's own text (HTML stripped), shown in an expandable detail. */
  serverMessage?: string;
  excType?: string;
  status?: number;
  correlationId?: string;
  /** The request that failed, e.g. "POST /api/resource/POS Profile" (never its body or headers). */
  endpoint?: string;
  /** How many times it was tried before giving up. */
  attempts?: number;
  /** No HTTP answer came back at all (refused, DNS, reset, timeout): the connection, not the site, failed. */
  noAnswer?: boolean;
}
