// Frappe exception classes as they reach the HTTP client: status from the class's `http_status_code`
// (frappe/exceptions.py), Python module for the `exception` line, and whether the error went through
// frappe.throw / msgprint(raise_exception=cls) — only those carry `exc_type` on v14 (CONTRACT §3.3).
const CLASSES: Record<string, [status: number, module: string]> = {
  ValidationError: [417, 'frappe.exceptions'],
  MandatoryError: [417, 'frappe.exceptions'],
  LinkValidationError: [417, 'frappe.exceptions'],
  CancelledLinkError: [417, 'frappe.exceptions'],
  TimestampMismatchError: [417, 'frappe.exceptions'],
  DocstatusTransitionError: [417, 'frappe.exceptions'],
  UpdateAfterSubmitError: [417, 'frappe.exceptions'],
  CannotChangeConstantError: [417, 'frappe.exceptions'],
  UniqueValidationError: [417, 'frappe.exceptions'],
  CharacterLengthExceededError: [417, 'frappe.exceptions'],
  DataError: [417, 'frappe.exceptions'],
  LinkExistsError: [417, 'frappe.exceptions'],
  InvalidDates: [417, 'frappe.exceptions'],
  DoesNotExistError: [404, 'frappe.exceptions'],
  PermissionError: [403, 'frappe.exceptions'],
  AuthenticationError: [401, 'frappe.exceptions'],
  NameError: [409, 'frappe.exceptions'],
  DuplicateEntryError: [409, 'frappe.exceptions'],
  CSRFTokenError: [400, 'frappe.exceptions'],
  InvalidAuthorizationToken: [400, 'frappe.exceptions'],
  TooManyRequestsError: [429, 'frappe.exceptions'],
  SessionStopped: [503, 'frappe.exceptions'],
  ItemPriceDuplicateItem: [417, 'erpnext.stock.doctype.item_price.item_price'],
  InvalidBarcode: [417, 'erpnext.stock.doctype.item.item'],
  FiscalYearError: [417, 'erpnext.accounts.utils'],
  RootNotEditable: [417, 'erpnext.accounts.doctype.account.account'],
  NestedSetChildExistsError: [417, 'frappe.utils.nestedset'],
  InvalidWarehouseCompany: [417, 'erpnext.stock.utils'],
  PartialPaymentValidationError: [417, 'erpnext.accounts.doctype.pos_invoice.pos_invoice'],
  AttributeError: [500, ''],
  IndexError: [500, ''],
  KeyError: [500, ''],
  TypeError: [500, ''],
  ProgrammingError: [500, 'pymysql.err'],
  OperationalError: [500, 'pymysql.err'],
  JSONDecodeError: [500, 'json.decoder'],
};

export interface ServerMessage {
  message: string;
  title?: string;
  indicator?: string;
  raise_exception?: number;
  __frappe_exc_id?: string;
  alert?: number;
}

export interface FrappeErrorOptions {
  /** text after "Class: " in `exception`; defaults to the message */
  exceptionText?: string;
  /** raised through frappe.throw / msgprint(raise_exception): the message is logged with raise_exception
   * when the response is built (and v14 then reports exc_type) */
  viaThrow?: boolean;
  /** msgprint(raise_exception=1) without an exception class: v14 then reports no exc_type */
  noClass?: boolean;
  /** msgprint title of the raising message (default "Message") */
  title?: string;
  /** raised from ERPNext code: adds `_exc_source` */
  fromErpnext?: boolean;
  /** plain `_error_message` (permission failures) */
  errorMessage?: string;
  /** false: Frappe answered without `exception`/`exc` for this path */
  traceback?: boolean;
}

export class FrappeError extends Error {
  readonly excType: string;
  readonly status: number;
  readonly module: string;
  readonly options: FrappeErrorOptions;
  constructor(excType: string, message = '', options: FrappeErrorOptions = {}) {
    super(message);
    const known = CLASSES[excType];
    this.excType = excType;
    this.status = known?.[0] ?? 500;
    this.module = known?.[1] ?? 'frappe.exceptions';
    this.options = options;
  }

  /** The last traceback line, e.g. "frappe.exceptions.ValidationError: Abbreviation already used…" */
  exceptionLine(): string {
    const cls = this.module ? `${this.module}.${this.excType}` : this.excType;
    const text = this.options.exceptionText ?? this.message;
    return text ? `${cls}: ${text}` : cls;
  }
}

export function statusOf(excType: string): number {
  return CLASSES[excType]?.[0] ?? 500;
}

/** frappe.throw(message, exc): the usual way controllers fail. */
export function frappeThrow(message: string, excType = 'ValidationError', options: Omit<FrappeErrorOptions, 'viaThrow'> = {}): never {
  throw new FrappeError(excType, message, { ...options, viaThrow: true });
}

/** Same, from ERPNext code (the response then names `_exc_source: "erpnext (app)"`). */
export function erpnextThrow(message: string, excType = 'ValidationError', options: Omit<FrappeErrorOptions, 'viaThrow'> = {}): never {
  throw new FrappeError(excType, message, { ...options, viaThrow: true, fromErpnext: true });
}
