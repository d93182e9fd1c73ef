import { describe, expect, it } from 'vitest';
import { ErpNextError } from '../../../electron/erpnext/errors';
import { normalizeSiteUrl } from '../../../electron/erpnext/siteUrl';

describe('site URL normalisation', () => {
  it.each([
    ['https://erp.example.com', 'https://erp.example.com'],
    ['https://erp.example.com///', 'https://erp.example.com'],
    ['  http://erp.example.com:8000/ ', 'http://erp.example.com:8000'],
    ['erp.example.com', 'https://erp.example.com'],
    ['localhost:8000', 'https://localhost:8000'],
    ['HTTPS://ERP.Example.com/', 'https://erp.example.com'],
    ['https://example.com/erp/', 'https://example.com/erp'],
    ['https://example.com/erp/app/point-of-sale', 'https://example.com/erp'],
    ['https://erp.example.com/app/home?x=1#top', 'https://erp.example.com'],
    ['https://erp.example.com/api/method/ping', 'https://erp.example.com'],
    ['http://127.0.0.1:8000', 'http://127.0.0.1:8000'],
    ['http://[::1]:8000/', 'http://[::1]:8000'],
  ])('%s → %s', (input, baseUrl) => {
    expect(normalizeSiteUrl(input).baseUrl).toBe(baseUrl);
  });

  it('turns an international host into punycode for requests and keeps it readable for people', () => {
    const site = normalizeSiteUrl('https://bücher-laden.de/');
    expect(site.baseUrl).toBe('https://xn--bcher-laden-thb.de');
    expect(site.displayUrl).toBe('https://bücher-laden.de');
  });

  it.each([
    ['', /Enter the ERPNext site address/],
    ['   ', /Enter the ERPNext site address/],
    ['file:///etc/passwd', /"file:" addresses cannot reach ERPNext/],
    ['javascript:alert(1)', /"javascript:" addresses cannot reach ERPNext/],
    ['ftp://erp.example.com', /"ftp:" addresses/],
    ['https://', /not a web address/],
    ['http://exa mple.com', /cannot contain spaces/],
    ['https://user:pass@erp.example.com', /Do not put a user name or password/],
    ['https://[not-an-ip]', /not a web address/],
  ])('refuses %j with a clear message', (input, message) => {
    let caught: unknown;
    try {
      normalizeSiteUrl(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ErpNextError);
    expect((caught as ErpNextError).code).toBe('invalid_url');
    expect((caught as ErpNextError).message).toMatch(message);
    expect((caught as ErpNextError).hint).toMatch(/http/);
  });
});
