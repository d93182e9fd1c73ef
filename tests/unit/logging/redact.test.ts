import { describe, expect, it } from 'vitest';
import { REDACTED, containsSecret, createRedactor, secretForms } from '../../../electron/logging/redact';
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
});
