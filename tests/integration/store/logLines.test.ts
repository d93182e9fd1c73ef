import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../../../electron/store';

// The support bundle's log lines come straight from SQLite rows (no parse, no re-serialisation): they must
// be exactly what JSON.stringify makes of the entries `list` returns, whatever the text holds.

describe('log entries as JSON lines', () => {
  it('equal JSON.stringify of the listed entries, page by page, with escapes, unicode and missing fields', () => {
    const store = Store.open(path.join(mkdtempSync(path.join(tmpdir(), 'lines-')), 'pos.sqlite'));
    const odd = ['quote " and backslash \\', 'tab\tnew\nline\r', 'control \u0001\u001f', 'arrow → é 日本 😀', 'separators \u2028 \u2029', ''];
    store.logs.append(
      Array.from({ length: 25 }, (_, i) => ({
        runId: i % 3 ? 'run-1' : null,
        shopId: 'shop-1',
        time: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
        level: i % 2 ? ('warn' as const) : ('info' as const),
        stepId: i % 4 ? ('step_2_company' as const) : null,
        correlationId: i % 5 ? `s2-${i}` : null,
        message: odd[i % odd.length]!,
        data: i % 6 ? { text: odd[(i + 1) % odd.length], nested: { n: i, list: [1, null, "x"] } } : null,
      })),
    );
    const expected = store.logs.list({ shopId: 'shop-1', limit: 100 }).map((entry) => JSON.stringify(entry));
    const pages: string[] = [];
    for (let afterId: number | undefined; ; ) {
      const page = store.logs.jsonLines({ shopId: 'shop-1', afterId, limit: 10 });
      if (page.count) pages.push(page.text);
      if (page.count < 10) break;
      afterId = page.lastId!;
    }
    expect(pages.join('\n').split('\n')).toEqual(expected);
    expect(store.logs.jsonLines({ shopId: 'nobody' })).toEqual({ lastId: null, count: 0, text: '' });
    store.close();
  });
});
