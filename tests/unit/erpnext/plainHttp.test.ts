import { describe, expect, it } from 'vitest';
import { addressClass, plainHttpVerdict } from '../../../electron/erpnext/siteUrl';

describe('address classes for the plain-HTTP policy', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.10.0.3', 'loopback'],
    ['[::1]', 'loopback'],
    ['localhost', 'loopback'],
    ['erp.localhost', 'loopback'],
    ['10.0.0.5', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.254', 'private'],
    ['192.168.1.20', 'private'],
    ['169.254.10.10', 'private'],
    ['[fd12:3456::1]', 'private'],
    ['[fe80::1]', 'private'],
    ['[::ffff:192.168.1.2]', 'private'],
    ['erpnext', 'private'],
    ['erp.local', 'private'],
    ['erp.home.arpa', 'private'],
    ['erp.internal', 'private'],
    ['erp.lan', 'private'],
    ['172.32.0.1', 'remote'],
    ['172.15.0.1', 'remote'],
    ['192.169.1.1', 'remote'],
    ['100.64.0.1', 'remote'],
    ['8.8.8.8', 'remote'],
    ['[2001:db8::1]', 'remote'],
    ['[::ffff:8.8.8.8]', 'remote'],
    ['erp.example.com', 'remote'],
    ['local.example.com', 'remote'],
    ['localhost.example.com', 'remote'],
  ])('%s is %s', (host, expected) => {
    expect(addressClass(host)).toBe(expected);
  });
});

describe('plain HTTP verdict', () => {
  it('lets https through without a warning, whatever the address', () => {
    expect(plainHttpVerdict('https://erp.example.com', false)).toEqual({ ok: true, warning: null });
  });

  it('refuses plain HTTP to a remote host with the reason and the way out', () => {
    const verdict = plainHttpVerdict('http://erp.example.com:8000', false);
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    expect(verdict.error.code).toBe('invalid_url');
    expect(verdict.error.message).toBe('Plain HTTP to erp.example.com:8000 is refused: this would send the API secret unencrypted over the network.');
    expect(verdict.error.hint).toMatch(/https:\/\/.*Allow plain HTTP.*ERPNEXT_ALLOW_PLAIN_HTTP=1/);
  });

  it('allows this computer and private networks, each with a warning that says where the secret goes', () => {
    expect(plainHttpVerdict('http://127.0.0.1:8000', false)).toEqual({ ok: true, warning: expect.stringMatching(/this computer/) });
    expect(plainHttpVerdict('http://192.168.1.20', false)).toEqual({ ok: true, warning: expect.stringMatching(/private network.*unencrypted/) });
  });

  it('allows a remote host only when plain HTTP was allowed for the site, still warning', () => {
    expect(plainHttpVerdict('http://erp.example.com', true)).toEqual({ ok: true, warning: expect.stringMatching(/allowed for erp.example.com.*unencrypted/) });
  });
});
