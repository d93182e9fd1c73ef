import { describe, expect, it } from 'vitest';
import { type HttpAnswer, codeForStatus, errorFromAnswer, isForeignAnswer } from '../../../electron/erpnext/classify';
import { decodeServerMessages } from '../../../electron/erpnext/frappeBody';
import { CATEGORY_OF } from '../../../shared/errors';
import { loadRecorded } from '../../support/recorded';

const exchanges = loadRecorded();

function answerOf(response: (typeof exchanges)[number]['response']): HttpAnswer {
  const headers = Object.fromEntries(Object.entries(response.headers).map(([k, v]) => [k.toLowerCase(), v]));
  const text = response.raw_text ?? JSON.stringify(response.body);
  return { status: response.status, headers, json: response.body, text };
}

/** Independent of the code under test: tags out, entities of the recordings decoded, spaces folded. */
function plain(html: string): string {
  return html
    .replace(/<\/summary>/g, ': ')
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const context = { method: 'GET', path: '/x', correlationId: 'test' };

describe('every recorded ERPNext error parses into one classified error', () => {
  const errors = exchanges.filter((e) => e.response.status >= 400);
  it('covers the recorded error set', () => expect(errors.length).toBeGreaterThanOrEqual(50));

  it.each(errors.map((e) => [e.file, e] as const))('%s', (_file, exchange) => {
    const body = exchange.response.body as Record<string, unknown>;
    const error = errorFromAnswer(answerOf(exchange.response), context);
    expect(error.status).toBe(exchange.response.status);
    expect(error.excType).toBe(body.exc_type);
    expect(error.code).toBe(codeForStatus(exchange.response.status, body.exc_type as string));
    expect(error.category).toBe(CATEGORY_OF[error.code]);
    const decoded = exchange.response.decoded_server_messages ?? [];
    const raised = decoded.filter((m) => m.raise_exception);
    const expected = raised.at(-1)?.message ?? (body._error_message as string | undefined) ?? (decoded.length ? decoded.map((m) => m.message).join(' | ') : undefined);
    if (expected === undefined) expect(error.serverMessage).toBeUndefined();
    else expect(plain(error.serverMessage ?? '')).toBe(plain(expected));
    expect(error.serverMessage ?? '').not.toMatch(/<\/?(strong|a|details|summary)\b/);
    expect(error.message.length).toBeGreaterThan(10);
    expect(error.hint.length).toBeGreaterThan(10);
  });
});

describe('every recorded success is recognised as an ERPNext answer', () => {
  const successes = exchanges.filter((e) => e.response.status < 400);
  it.each(successes.map((e) => [e.file, e] as const))('%s', (_file, exchange) => {
    const answer = answerOf(exchange.response);
    expect(isForeignAnswer(answer)).toBe(false);
    const body = exchange.response.body as Record<string, unknown>;
    expect('data' in body || 'message' in body).toBe(true);
    expect(decodeServerMessages(body._server_messages)).toHaveLength(exchange.response.decoded_server_messages?.length ?? 0);
  });
});

describe('links in ERPNext messages', () => {
  it('keeps the link text in the message and the target aside', () => {
    const exchange = exchanges.find((e) => e.file.startsWith('65_'))!;
    const error = errorFromAnswer(answerOf(exchange.response), context);
    expect(error.serverMessage).toBe('Please set default Cash or Bank account in Mode of Payments Wire Transfer');
    expect(error.links).toEqual([{ text: 'Wire Transfer', href: 'http://127.0.0.1:8000/app/mode-of-payment/Wire%20Transfer' }]);
  });
});
