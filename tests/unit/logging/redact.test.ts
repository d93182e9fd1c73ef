import { describe, expect, it } from 'vitest';
import { REDACTED, TOO_DEEP, containsSecret, createRedactor, secretForms } from '../../../electron/logging/redact';
import { leaksIn } from '../../support/secrets';

// The one redaction boundary: whatever shape the secret arrives in, none of it survives.

const key = 'c0ffee1234abcd5';
const secret = '9bf87e2d177187c';
const redact = createRedactor(() => [{ secret, key }]);
const survives = (value: unknown) => leaksIn(JSON.stringify(redact(value)), secret, key);

describe('redaction', () => {
  it('removes the secret from a log message and from nested JSON data', () => {
    expect(survives(`calling with ${secret} now`)).toEqual([]);
    expect(survives({ data: { nested: [{ value: `x${secret}y` }], count: 3 } })).toEqual([]);
    expect(redact({ data: { count: 3, ok: true } })).toEqual({ data: { count: 3, ok: true } });
  });

  it('removes it from an Error, its message and its stack', () => {
    const error = new Error(`ERPNext said: bad token ${key}:${secret}`);
    const out = redact(error) as { message: string; stack: string };
    expect(out.message).toContain(REDACTED);
    expect(out.stack).toContain(REDACTED);
    expect(survives(error)).toEqual([]);
  });

  it('blanks request headers, even with an unknown secret', () => {
    const headers = { Authorization: `token ${key}:${secret}`, 'Proxy-Authorization': 'Basic Zm9vOmJhcg==', Accept: 'application/json' };
    expect(redact(headers)).toEqual({ Authorization: REDACTED, 'Proxy-Authorization': REDACTED, Accept: 'application/json' });
    expect(createRedactor(() => [])(`curl -H "Authorization: token ${key}:${secret}"`)).not.toContain(secret);
  });

  it('removes it from a URL, plain or encoded', () => {
    expect(survives(`https://erp.example/api/method/x?api_secret=${encodeURIComponent(secret)}&a=1`)).toEqual([]);
    expect(survives(`https://erp.example/api?q=${encodeURIComponent(`${key}:${secret}`)}`)).toEqual([]);
  });

  it('removes base64 of key:secret (a Basic header) and of the secret alone, wherever the encoding starts', () => {
    const basic = Buffer.from(`${key}:${secret}`).toString('base64');
    expect(survives(`Authorization header was ${basic}`)).toEqual([]);
    for (const prefix of ['', 'a', 'ab', 'abc:']) {
      const wrapped = Buffer.from(`${prefix}${secret}-tail`).toString('base64');
      expect(redact(`blob=${wrapped}`)).not.toContain(wrapped.slice(4, -4));
    }
  });

  it('removes it from an ERPNext traceback', () => {
    const traceback = `Traceback (most recent call last):\n  File "apps/frappe/frappe/auth.py", line 612, in validate_api_key_secret\n    frappe.throw("Invalid token ${key}:${secret}")\nfrappe.exceptions.AuthenticationError`;
    expect(survives({ exc: traceback })).toEqual([]);
    expect(survives({ _server_messages: JSON.stringify([JSON.stringify({ message: `token ${secret}` })]) })).toEqual([]);
  });

  it('secret-named fields are blanked whatever they hold', () => {
    expect(redact({ api_secret: 'anything', password: 'pw', token: 't', nested: { apiSecret: 'x' } })).toEqual({ api_secret: REDACTED, password: REDACTED, token: REDACTED, nested: { apiSecret: REDACTED } });
  });

  it('knows every form it removes, and finds them for the bundle check', () => {
    expect(secretForms([{ secret, key }])).toEqual(expect.arrayContaining([secret, `${key}:${secret}`, Buffer.from(`${key}:${secret}`).toString('base64')]));
    expect(containsSecret(`x ${Buffer.from(`${key}:${secret}`).toString('base64')} y`, [{ secret, key }])).toBe(true);
    expect(containsSecret('nothing here', [{ secret, key }])).toBe(false);
    expect(secretForms(['abc'])).toEqual([]);
  });

  it('marks the spot where a secret was with the literal [REDACTED]', () => {
    expect(redact(`bad secret ${secret} given`)).toBe('bad secret [REDACTED] given');
    expect(redact({ password: 'pw' })).toEqual({ password: '[REDACTED]' });
  });

  it('removes a key:secret pair whole, so the key does not remain beside the cut', () => {
    expect(redact(`credentials ${key}:${secret} were refused`)).toBe(`credentials ${REDACTED} were refused`);
    expect(redact(`encoded ${encodeURIComponent(`${key}:${secret}`)} end`)).toBe(`encoded ${REDACTED} end`);
  });

  it('finds a secret given as a plain string as well as with its key', () => {
    const plain = createRedactor(() => [secret]);
    expect(plain(`secret was ${secret}`)).toBe(`secret was ${REDACTED}`);
    expect(containsSecret(`x${secret}x`, [secret])).toBe(true);
  });

  it('treats 4 characters as a secret and 3 as too short to hunt; short secrets are matched as text and whole base64 only', () => {
    // Base64 fragments shorter than 8 characters would match ordinary text, so a short secret's are not hunted.
    expect(secretForms(['abcd'])).toEqual(['YWJjZA==', 'abcd']);
    expect(createRedactor(() => ['abcd'])('pin abcd set')).toBe(`pin ${REDACTED} set`);
    expect(createRedactor(() => ['abc'])('pin abc set')).toBe('pin abc set');
    // 7 characters: its two 8-character cores are hunted, its 4-character fragment is not.
    expect(secretForms(['abcdefg'])).toEqual(['YWJjZGVmZw==', 'YWJjZGVm', 'YmNkZWZn', 'abcdefg']);
  });

  it('finds a 7-character secret inside a base64 Basic header by its 8-character core', () => {
    const header = Buffer.from('k:abcdefg').toString('base64');
    expect(containsSecret(`Authorization: Basic ${header}`, ['abcdefg'])).toBe(true);
    expect(createRedactor(() => ['abcdefg'])(`blob ${header}`)).not.toContain('YmNkZWZn');
  });

  it('removes a secret holding a quote or a backslash where it appears JSON-escaped inside a longer message', () => {
    const odd = 'p"q\\r-s3cr3t';
    const escaped = JSON.stringify({ message: `Invalid secret ${odd} for user` });
    const out = createRedactor(() => [odd])(escaped) as string;
    expect(out).toBe(JSON.stringify({ message: `Invalid secret ${REDACTED} for user` }));
    expect(JSON.parse(out)).toEqual({ message: `Invalid secret ${REDACTED} for user` });
  });

  it('masks an authorization value even when the scheme is followed by several spaces', () => {
    const out = createRedactor(() => [])(`curl -H "Authorization: token   ${key}:${secret}"`);
    expect(out).toBe(`curl -H "Authorization: token   ${REDACTED}"`);
  });

  it('blanks secret-named fields in camelCase and snake_case alike', () => {
    expect(redact({ accessToken: 'a', access_token: 'b', refreshToken: 'c', refresh_token: 'd', privateKey: 'e', private_key: 'f', api_key: 'c0ffee' })).toEqual({
      accessToken: REDACTED,
      access_token: REDACTED,
      refreshToken: REDACTED,
      refresh_token: REDACTED,
      privateKey: REDACTED,
      private_key: REDACTED,
      api_key: 'c0ffee',
    });
  });

  it('keeps the shape of what it redacts: nulls, numbers, booleans and arrays stay as they were', () => {
    expect(redact({ customer: null, total: 12.5, paid: false, items: ['a', 2, null, [`x${secret}`]] })).toEqual({ customer: null, total: 12.5, paid: false, items: ['a', 2, null, [`x${REDACTED}`]] });
    expect(redact([secret, 'ok'])).toEqual([REDACTED, 'ok']);
  });

  it('turns bytes (a Buffer or a Uint8Array body) into redacted text', () => {
    expect(redact(Buffer.from(`{"api_secret_echo":"${secret}"}`))).toBe(`{"api_secret_echo":"${REDACTED}"}`);
    expect(redact({ body: new TextEncoder().encode(`échec ${secret}`) })).toEqual({ body: `échec ${REDACTED}` });
  });

  it('shows a structure that refers to itself as [circular] instead of walking it again', () => {
    const request: Record<string, unknown> = { url: `/api?k=${secret}` };
    request.self = request;
    expect(redact(request)).toEqual({ url: `/api?k=${REDACTED}`, self: '[circular]' });
  });

  it('still removes a secret twelve levels down in a response', () => {
    let nested: unknown = { message: `echo ${secret}` };
    for (let level = 0; level < 12; level++) nested = { data: nested };
    expect(survives(nested)).toEqual([]);
  });

  it('never passes on what is too deep to walk: it is replaced, not returned as it was', () => {
    let nested: unknown = { message: `echo ${secret}` };
    for (let level = 0; level < 40; level++) nested = { data: nested };
    expect(survives(nested)).toEqual([]);
    expect(JSON.stringify(redact(nested))).toContain(TOO_DEEP);
  });

  it('shows the same object twice as itself, not as [circular] (only a loop back is a cycle)', () => {
    const account = { name: 'Cash - CC', note: `x ${secret}` };
    expect(redact({ debit: account, credit: account })).toEqual({ debit: { name: 'Cash - CC', note: `x ${REDACTED}` }, credit: { name: 'Cash - CC', note: `x ${REDACTED}` } });
  });

  it("keeps an Error's cause chain, redacted", () => {
    const error = new Error('outer', { cause: new Error(`inner ${secret}`) });
    expect(redact(error)).toMatchObject({ message: 'outer', cause: { message: `inner ${REDACTED}` } });
  });

  it('blanks secret-named fields by the end of their name too, but keeps flags about secrets', () => {
    expect(redact({ new_password: 'pw1', csrf_token: 't', apiSecret: 'x', db_password: 'p', hasSecret: true, secretsPersist: false, tokenCount: 3 })).toEqual({ new_password: REDACTED, csrf_token: REDACTED, apiSecret: REDACTED, db_password: REDACTED, hasSecret: true, secretsPersist: false, tokenCount: 3 });
  });

  it('does not crash on pathologically deep objects, arrays or error chains (a log call must never throw)', () => {
    const depth = 20_000;
    let object: unknown = 'leaf';
    let array: unknown = 'leaf';
    let error = new Error('root');
    for (let level = 0; level < depth; level++) {
      object = { inner: object };
      array = [array];
      error = Object.assign(new Error('wrapped'), { inner: error });
    }
    expect(() => redact(object)).not.toThrow();
    expect(() => redact(array)).not.toThrow();
    expect(() => redact(error)).not.toThrow();
  });
});
