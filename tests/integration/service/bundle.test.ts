import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../../electron/logging/redact';
import { writeSupportBundle } from '../../../electron/service/bundle';
import { Store } from '../../../electron/store';
import { validateShop } from '../../../shared/shop';
import { SHOP_FILE } from '../../support/engineHarness';

// The support bundle streams its logs page by page into the zip: every line of every page is in it, in
// order, redacted; and a secret the redaction missed stops the export before anything is written.

function world(lines: number, message: (i: number) => string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'bundle-'));
  const store = Store.open(path.join(dir, 'pos.sqlite'));
  const shop = validateShop(SHOP_FILE);
  if (!shop.ok) throw new Error('shop');
  const site = store.sites.add({ url: 'https://erp.example.com', displayUrl: 'https://erp.example.com', apiKey: 'key-1234567' });
  const record = store.shops.upsert(site.id, shop.value);
  store.logs.append(Array.from({ length: lines }, (_, i) => ({ runId: null, shopId: record.id, time: new Date().toISOString(), level: 'info' as const, stepId: null, correlationId: `c-${i}`, message: message(i), data: { i } })));
  return { dir, store, site, shop: record };
}

describe('support bundle', () => {
  it('holds every log line across pages, in order, with known secrets redacted', async () => {
    const { dir, store, site, shop } = world(12_345, (i) => (i === 7_000 ? 'echo secret-value-xyz' : `line ${i}`));
    const secrets = [{ secret: 'secret-value-xyz', key: 'key-1234567' }];
    const out = path.join(dir, 'bundle.zip');
    const result = await writeSupportBundle({ store, shop, site, redact: createRedactor(() => secrets), secrets, appVersion: 'test' }, out);
    const files = unzipSync(readFileSync(out));
    expect(Object.keys(files).sort()).toEqual([...result.files].sort());
    const lines = strFromU8(files['logs.jsonl']!).trimEnd().split('\n').map((line) => JSON.parse(line) as { message: string; data: { i: number } });
    expect(lines).toHaveLength(12_345);
    expect(lines.map((line) => line.data.i)).toEqual(Array.from({ length: 12_345 }, (_, i) => i));
    expect(lines[7_000]!.message).toBe('echo [REDACTED]');
    store.close();
  });

  it('refuses, and writes nothing, when a secret is still there after redaction', async () => {
    const { dir, store, site, shop } = world(6_000, (i) => (i === 5_500 ? 'secret-value-xyz' : `line ${i}`));
    const out = path.join(dir, 'bundle.zip');
    const blind = (value: unknown) => value;
    await expect(writeSupportBundle({ store, shop, site, redact: blind, secrets: [{ secret: 'secret-value-xyz' }], appVersion: 'test' }, out)).rejects.toThrow('Refusing to export: logs.jsonl still contains a secret after redaction.');
    expect(existsSync(out)).toBe(false);
    store.close();
  });
});
