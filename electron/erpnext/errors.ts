import { htmlToText } from './htmlText';
import { CATEGORY_OF, ErrorCategory, OUTCOME_UNKNOWN, describeError, type ErrorCode, type ErrorInfo } from '../../shared/errors';

export interface ServerMessage {
  message: string;
  title?: string;
  indicator?: string;
  raiseException?: boolean;
}

export interface ErpNextErrorInit {
  code: ErrorCode;
  /** Overrides the catalog sentence when we know something more precise (e.g. which URL part is wrong). */
  message?: string;
  hint?: string;
  status?: number;
  excType?: string;
  serverMessage?: string;
  serverMessages?: ServerMessage[];
  links?: { text: string; href: string }[];
  method?: string;
  path?: string;
  correlationId?: string;
  retryAfterMs?: number;
  attempts?: number;
  cause?: unknown;
}

/** [E15:erpnext/stock/doctype/item_price/item_price.py check_duplicates] */
const ALREADY_EXISTS_EXC_TYPES = new Set(['DuplicateEntryError', 'ItemPriceDuplicateItem']);
/** [E15:erpnext/accounts/doctype/mode_of_payment/mode_of_payment.py validate_repeating_companies] (a ValidationError) */
const ALREADY_EXISTS_MESSAGES = [/Same Company is entered more than once/i];
function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

const NO_ANSWER = new Set<ErrorCode>(['network_refused', 'network_dns', 'network_unreachable', 'network_reset', 'timeout']);

/**
 * The one error type the client throws. It is classified (code → category), carries ERPNext's own
 * text separately from our friendly sentence, and never holds the API secret: requests are
 * described by method and path only.
 */
export class ErpNextError extends Error {
  readonly code: ErrorCode;
  readonly category: ErrorCategory;
  readonly hint: string;
  readonly status?: number;
  readonly excType?: string;
  readonly serverMessage?: string;
  readonly serverMessages: ServerMessage[];
  readonly links: { text: string; href: string }[];
  readonly method?: string;
  readonly path?: string;
  readonly correlationId?: string;
  readonly retryAfterMs?: number;
  attempts: number;
  /** False when the failure happened before this request left (a write guard refused it): nothing can have been saved. */
  requestSent = true;

  constructor(init: ErpNextErrorInit) {
    const otherTexts = (init.serverMessages ?? []).map((m) => htmlToText(m.message).text);
    const friendly = describeError(init.code, [init.serverMessage ?? '', ...otherTexts].filter(Boolean));
    super(init.message ?? friendly.message, { cause: init.cause });
    this.name = 'ErpNextError';
    this.code = init.code;
    this.category = CATEGORY_OF[init.code];
    this.hint = init.hint ?? friendly.hint;
    this.status = init.status;
    this.excType = init.excType;
    this.serverMessage = init.serverMessage;
    this.serverMessages = init.serverMessages ?? [];
    this.links = init.links ?? [];
    this.method = init.method;
    this.path = init.path;
    this.correlationId = init.correlationId;
    this.retryAfterMs = init.retryAfterMs;
    this.attempts = init.attempts ?? 1;
  }

  get transient(): boolean {
    return this.category === ErrorCategory.Transient;
  }

  /** True when the request may have been committed although no answer arrived: look before resending. */
  get outcomeUnknown(): boolean {
    return this.requestSent && OUTCOME_UNKNOWN.has(this.code);
  }

  /**
   * ERPNext's ways of saying "that record is already there": 409 DuplicateEntryError (any other 409 is a
   * naming problem), a second price for the same item/list/unit, a second account row for one company.
   */
  get alreadyExists(): boolean {
    if (this.code === 'duplicate') return true;
    if (this.excType && ALREADY_EXISTS_EXC_TYPES.has(this.excType)) return true;
    return this.status === 417 && ALREADY_EXISTS_MESSAGES.some((pattern) => pattern.test(this.serverMessage ?? ''));
  }

  /** No HTTP answer came back at all (refused, DNS, unreachable, reset, timeout): the connection, not the site, failed. */
  get noAnswer(): boolean {
    return NO_ANSWER.has(this.code);
  }

  toInfo(): ErrorInfo {
    return {
      code: this.code,
      category: this.category,
      message: this.message,
      hint: this.hint,
      serverMessage: this.serverMessage,
      excType: this.excType,
      status: this.status,
      correlationId: this.correlationId,
      ...(this.method && this.path ? { endpoint: `${this.method} ${decodePath(this.path)}` } : {}),
      attempts: this.attempts,
      ...(this.noAnswer ? { noAnswer: true } : {}),
    };
  }

  toJSON(): ErrorInfo & { method?: string; path?: string } {
    return { ...this.toInfo(), method: this.method, path: this.path };
  }
}
