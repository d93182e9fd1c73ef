import { describe, expect, it } from 'vitest';
import { readablePaths } from '../../../electron/logging/readablePaths';

describe('request paths in log messages read as typed', () => {
  it('decodes escaped paths', () => {
    expect(readablePaths('POST /api/resource/POS%20Profile → 200')).toBe('POST /api/resource/POS Profile → 200');
    expect(readablePaths('DELETE /api/resource/Tag/POS%20Provisioner%20lease%3A%20Corner%20Cafe → 202')).toBe('DELETE /api/resource/Tag/POS Provisioner lease: Corner Cafe → 202');
  });

  it('leaves text without escapes, broken escapes and escaped control characters as they were', () => {
    expect(readablePaths('Company "Corner Cafe" created (100% done)')).toBe('Company "Corner Cafe" created (100% done)');
    expect(readablePaths('GET /api/resource/Item/50%off')).toBe('GET /api/resource/Item/50%off');
    expect(readablePaths('GET /api/resource/Item/a%0Ab')).toBe('GET /api/resource/Item/a%0Ab');
  });
});
