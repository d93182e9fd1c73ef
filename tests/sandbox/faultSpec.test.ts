import { describe, expect, it } from 'vitest';
import { parseFaultSpec } from '../../sandbox/index';

// The compact --faults grammar of sandbox/README.md.

describe('parseFaultSpec', () => {
  it('reads the compact form', () => {
    expect(parseFaultSpec('POST /api/resource/Company => status 503 x2; * /api/* => latency 200')).toEqual([
      { method: 'POST', path: '/api/resource/Company', kind: 'status', status: 503, times: 2 },
      { method: '*', path: '/api/*', kind: 'latency', delayMs: 200 },
    ]);
  });

  it('keeps spaces in paths and reads every kind and modifier', () => {
    const rules = parseFaultSpec([
      'WRITE /api/resource/POS Profile* => reset first',
      '/api/* => rate_limit 30 skip=2 p=0.5 id=rl',
      'GET /api/method/* => hang 5000',
      'POST /api/resource/Item => commit_then_drop x1',
      '/api/* => html',
      'PUT /api/resource/* => error 417 ValidationError "Company is frozen" title="Frozen"',
      '/api/* => status 500 25%',
    ].join('\n'));
    expect(rules).toEqual([
      { method: 'WRITE', path: '/api/resource/POS Profile*', kind: 'reset', firstPerRequest: true },
      { method: '*', path: '/api/*', kind: 'rate_limit', retryAfterS: 30, skip: 2, probability: 0.5, id: 'rl' },
      { method: 'GET', path: '/api/method/*', kind: 'hang', delayMs: 5000 },
      { method: 'POST', path: '/api/resource/Item', kind: 'commit_then_drop', times: 1 },
      { method: '*', path: '/api/*', kind: 'html' },
      { method: 'PUT', path: '/api/resource/*', kind: 'error', status: 417, excType: 'ValidationError', message: 'Company is frozen', title: 'Frozen' },
      { method: '*', path: '/api/*', kind: 'status', status: 500, probability: 0.25 },
    ]);
  });

  it('reads commit-late and fail-endpoint, with "-" or "_"', () => {
    expect(parseFaultSpec('POST /api/resource/Customer => commit-late 2500 x1; POST /api/resource/POS Profile => fail_endpoint 417')).toEqual([
      { method: 'POST', path: '/api/resource/Customer', kind: 'commit_late', delayMs: 2500, times: 1 },
      { method: 'POST', path: '/api/resource/POS Profile', kind: 'fail_endpoint', status: 417 },
    ]);
    expect(parseFaultSpec('GET /api/resource/Company => fail-endpoint')).toEqual([{ method: 'GET', path: '/api/resource/Company', kind: 'fail_endpoint', status: 503 }]);
    expect(() => parseFaultSpec('/api/resource/Company => fail_endpoint 503')).toThrow(/one METHOD and an exact PATH/);
    expect(() => parseFaultSpec('POST /api/resource/* => fail_endpoint 503')).toThrow(/one METHOD and an exact PATH/);
    expect(() => parseFaultSpec('POST /api/resource/Company => fail_endpoint 404')).toThrow(/one of 417, 500, 503/);
    expect(() => parseFaultSpec('{"method":"POST","path":"/api/*","kind":"fail-endpoint"}')).toThrow(/one METHOD and an exact PATH/);
    expect(() => parseFaultSpec('POST /api/resource/Customer => commit-late')).toThrow(/delay must be a non-negative number/);
  });

  it('accepts JSON, one rule or an array', () => {
    expect(parseFaultSpec('{"path":"/api/*","kind":"reset"}')).toEqual([{ path: '/api/*', kind: 'reset' }]);
    expect(parseFaultSpec('[{"path":"/a","kind":"html"},{"path":"/b","kind":"hang"}]')).toHaveLength(2);
  });

  it('explains what is wrong', () => {
    expect(() => parseFaultSpec('/api/*')).toThrow(/expected "\[METHOD\] PATH => KIND/);
    expect(() => parseFaultSpec('/api/* => explode')).toThrow(/unknown kind 'explode'/);
    expect(() => parseFaultSpec('api => reset')).toThrow(/path must start with/);
    expect(() => parseFaultSpec('/api/* => latency soon')).toThrow(/delay must be a non-negative number/);
    expect(() => parseFaultSpec('/api/* => reset now')).toThrow(/takes no argument/);
    expect(() => parseFaultSpec('/api/* => status 503 p=2')).toThrow(/probability must be between 0 and 1/);
    expect(() => parseFaultSpec('{"kind":"reset"}')).toThrow(/needs a "path"/);
    expect(() => parseFaultSpec('[oops')).toThrow(/not valid JSON/);
  });
});
