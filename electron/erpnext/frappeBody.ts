import type { ServerMessage } from './errors';
import { htmlToText } from './htmlText';

/** What an ERPNext error body says, decoded from the v15 or v14 (or /api/v2) shape. */
export interface FrappeErrorFacts {
  excType?: string;
  /** The message of the exception that aborted the request, as text. */
  mainMessage?: string;
  messages: ServerMessage[];
  links: { text: string; href: string }[];
}

const FRAPPE_KEYS = ['exc_type', 'exception', 'exc', '_server_messages', '_error_message', 'message', 'data', 'errors', '_debug_messages'];

/** True when a parsed JSON body has the shape a Frappe site answers with (or is empty, as v14 errors can be). */
export function looksLikeFrappe(body: unknown): boolean {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return false;
  const keys = Object.keys(body);
  return keys.length === 0 || keys.some((key) => FRAPPE_KEYS.includes(key));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * `_server_messages` is a JSON string holding an array of JSON strings (CONTRACT §3.4). Tolerates a
 * list that was encoded only once, and plain strings inside it.
 */
export function decodeServerMessages(raw: unknown): ServerMessage[] {
  const list = typeof raw === 'string' ? parseJson(raw) : raw;
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry): ServerMessage[] => {
    const item = typeof entry === 'string' ? (parseJson(entry) ?? { message: entry }) : entry;
    if (!item || typeof item !== 'object') return [];
    const record = item as Record<string, unknown>;
    const message = typeof record.message === 'string' ? record.message : JSON.stringify(record.message ?? '');
    return [
      {
        message,
        title: typeof record.title === 'string' ? record.title : undefined,
        indicator: typeof record.indicator === 'string' ? record.indicator : undefined,
        raiseException: Boolean(record.raise_exception),
      },
    ];
  });
}

/** v14 bodies often lack exc_type: the class is the last dotted word before ':' in `exception`. */
export function excTypeFromException(exception: unknown): string | undefined {
  if (typeof exception !== 'string') return undefined;
  const match = /^\s*(?:\w+\.)*(\w+)\s*(?::|$)/.exec(exception);
  return match?.[1];
}

function fromApiV2(body: Record<string, unknown>): FrappeErrorFacts | undefined {
  if (!Array.isArray(body.errors) || body.errors.length === 0) return undefined;
  const first = body.errors[0] as Record<string, unknown>;
  const { text, links } = htmlToText(String(first.message ?? ''));
  return {
    excType: typeof first.type === 'string' ? first.type : undefined,
    mainMessage: text || undefined,
    messages: [{ message: String(first.message ?? ''), title: first.title as string | undefined, raiseException: true }],
    links,
  };
}

/**
 * The main message is the last `_server_messages` entry raised as the exception, else
 * `_error_message`, else all messages joined (MandatoryError lists one message per field without a
 * raise flag).
 */
export function parseFrappeError(body: unknown): FrappeErrorFacts {
  if (!body || typeof body !== 'object') return { messages: [], links: [] };
  const record = body as Record<string, unknown>;
  const v2 = fromApiV2(record);
  if (v2) return v2;
  const messages = decodeServerMessages(record._server_messages);
  const raised = messages.filter((m) => m.raiseException);
  const errorMessage = typeof record._error_message === 'string' ? record._error_message : undefined;
  const rawMain = raised.at(-1)?.message ?? errorMessage ?? (messages.length ? messages.map((m) => m.message).join(' | ') : undefined);
  const links = messages.flatMap((m) => htmlToText(m.message).links);
  const excType = typeof record.exc_type === 'string' && record.exc_type ? record.exc_type : excTypeFromException(record.exception);
  return {
    excType,
    mainMessage: rawMain === undefined ? undefined : htmlToText(rawMain).text || undefined,
    messages,
    links,
  };
}
