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
    return OUTCOME_UNKNOWN.has(this.code);
  }

  /** 409 with DuplicateEntryError: the record exists (any other 409 is a naming problem). */
  get alreadyExists(): boolean {
    return this.code === 'duplicate';
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
    };
  }

  toJSON(): ErrorInfo & { method?: string; path?: string; attempts: number } {
    return { ...this.toInfo(), method: this.method, path: this.path, attempts: this.attempts };
  }
}
