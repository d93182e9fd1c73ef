// What a replay compares (recorded/README.md "Replaying against the sandbox"): status, exc_type and the
// main message, normalised; plus the document name(s) of successful bodies.

type Body = Record<string, unknown> | null;

const DATETIME = /\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d+)?/g;
const DATE = /\d{4}-\d{2}-\d{2}/g;
// Frappe's hash names: 10 lowercase letters/digits with at least one digit
const HASH = /\b(?=[a-z0-9]*\d)[a-z0-9]{10}\b/g;

export function normalise(text: string): string {
  return text
    .replace(/<[^>]*>/g, '')
    .replace(DATETIME, '<datetime>')
    .replace(DATE, '<date>')
    .replace(HASH, '<hash>')
    .replace(/\s+/g, ' ')
    .trim();
}

export function serverMessages(body: Body): { message: string; raise_exception?: number }[] {
  const raw = body?._server_messages;
  if (typeof raw !== 'string') return [];
  return (JSON.parse(raw) as string[]).map((m) => JSON.parse(m) as { message: string; raise_exception?: number });
}

/** The last raising message, else _error_message, else all messages joined (MandatoryError lists). */
export function mainMessage(body: Body): string {
  const messages = serverMessages(body);
  const raising = messages.filter((m) => m.raise_exception);
  if (raising.length) return normalise(raising[raising.length - 1]?.message ?? '');
  if (typeof body?._error_message === 'string') return normalise(body._error_message);
  return normalise(messages.map((m) => m.message).join(' | '));
}

/** Names a success body carries: data/message dict name, or the names of a list. */
export function bodyNames(body: Body): string | string[] | null {
  const payload = body?.data ?? body?.message;
  if (Array.isArray(payload)) {
    return payload.every((r) => r && typeof r === 'object' && 'name' in r) ? payload.map((r) => normalise(String((r as { name: unknown }).name))) : null;
  }
  if (payload && typeof payload === 'object' && 'name' in payload) return normalise(String((payload as { name: unknown }).name));
  return null;
}

export interface Summary { status: number; excType: unknown; message: string; names: string | string[] | null }

export function summarise(status: number, body: Body): Summary {
  return { status, excType: body?.exc_type ?? null, message: mainMessage(body), names: status < 300 ? bodyNames(body) : null };
}
