import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { NewLogEntry } from '../../electron/store';
import { STEP_IDS } from '../../shared/steps/catalog';
import { type E2eWorld, ROOT } from './world';

/** The README's example shop (Corner Cafe, demo items on), with changes. */
export function cornerCafe(changes: Record<string, unknown> = {}): Record<string, unknown> {
  const file = JSON.parse(readFileSync(path.join(ROOT, 'examples', 'corner-cafe.shop.json'), 'utf8')) as Record<string, unknown>;
  delete file.$schema;
  return { ...file, ...changes };
}

/**
 * A site and a shop saved through the service, for tests about the run or the log rather than the
 * forms (the forms have their own tests). Returns the ids for the page's routes.
 */
export function seedSiteAndShop(world: E2eWorld, shop: Record<string, unknown> = cornerCafe()): { siteId: string; shopId: string } {
  const siteId = seedSite(world);
  const saved = world.service.saveShop(siteId, shop);
  if (!saved.ok) throw new Error(`seed shop invalid: ${JSON.stringify(saved.issues)}`);
  return { siteId, shopId: saved.shop.id };
}

/** The sandbox saved as a site (with the provisioning user's key and secret); returns its id. */
export function seedSite(world: E2eWorld): string {
  return world.service.saveSite({ url: world.credentials.url, apiKey: world.credentials.apiKey, apiSecret: world.credentials.apiSecret }).id;
}

/**
 * `count` log entries for the shop, written straight to the store in batches (one transaction each).
 * Entry i: message "Entry 00000i …", level cycling debug/info/info/warn with an error every 1000th,
 * step i mod 11, correlation id "corr-<i div 10>" (ten entries each).
 */
export function seedLogEntries(world: E2eWorld, shopId: string, count: number, batch = 10_000): void {
  const start = Date.parse('2026-01-05T09:00:00Z');
  for (let from = 0; from < count; from += batch) {
    const entries: NewLogEntry[] = [];
    for (let i = from; i < Math.min(count, from + batch); i++) {
      entries.push({
        runId: null,
        shopId,
        time: new Date(start + i * 10).toISOString(),
        level: i % 1000 === 999 ? 'error' : (['debug', 'info', 'info', 'warn'] as const)[i % 4]!,
        stepId: STEP_IDS[i % STEP_IDS.length]!,
        correlationId: `corr-${Math.floor(i / 10)}`,
        message: `Entry ${String(i).padStart(6, '0')} of the bulk log`,
        data: i % 7 === 0 ? { index: i, note: 'seventh' } : null,
      });
    }
    world.service.store.logs.append(entries);
  }
}

