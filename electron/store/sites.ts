import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ConnectionCheck, SiteRecord } from '../../shared/model';
import { fromJson, now, toJson } from './json';

interface SiteRow {
  id: string;
  url: string;
  display_url: string;
  api_key: string;
  tls_ca_file: string | null;
  tls_pin: string | null;
  allow_plain_http: number;
  last_check: string | null;
  created_at: string;
  updated_at: string;
}

const toRecord = (row: SiteRow): SiteRecord => ({
  id: row.id,
  url: row.url,
  displayUrl: row.display_url,
  apiKey: row.api_key,
  tlsCaFile: row.tls_ca_file,
  tlsPin: row.tls_pin,
  allowPlainHttp: row.allow_plain_http === 1,
  lastCheck: fromJson<ConnectionCheck>(row.last_check),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export interface NewSite {
  url: string;
  displayUrl: string;
  apiKey: string;
  tlsCaFile?: string | null;
  tlsPin?: string | null;
  allowPlainHttp?: boolean;
}

export class SitesRepository {
  constructor(private readonly db: Database.Database) {}

  add(site: NewSite): SiteRecord {
    const id = randomUUID();
    const at = now();
    this.db
      .prepare('INSERT INTO sites (id, url, display_url, api_key, tls_ca_file, tls_pin, allow_plain_http, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(id, site.url, site.displayUrl, site.apiKey, site.tlsCaFile ?? null, site.tlsPin ?? null, site.allowPlainHttp ? 1 : 0, at, at);
    return this.get(id)!;
  }

  get(id: string): SiteRecord | null {
    const row = this.db.prepare('SELECT * FROM sites WHERE id = ?').get(id) as SiteRow | undefined;
    return row ? toRecord(row) : null;
  }

  findByUrl(url: string): SiteRecord | null {
    const row = this.db.prepare('SELECT * FROM sites WHERE url = ?').get(url) as SiteRow | undefined;
    return row ? toRecord(row) : null;
  }

  list(): SiteRecord[] {
    return (this.db.prepare('SELECT * FROM sites ORDER BY display_url').all() as SiteRow[]).map(toRecord);
  }

  update(id: string, patch: Partial<NewSite>): SiteRecord | null {
    const current = this.get(id);
    if (!current) return null;
    const next = { ...current, ...patch };
    this.db
      .prepare('UPDATE sites SET url = ?, display_url = ?, api_key = ?, tls_ca_file = ?, tls_pin = ?, allow_plain_http = ?, updated_at = ? WHERE id = ?')
      .run(next.url, next.displayUrl, next.apiKey, next.tlsCaFile ?? null, next.tlsPin ?? null, next.allowPlainHttp ? 1 : 0, now(), id);
    return this.get(id);
  }

  /** The last connection test's result; null forgets it (the address, key or secret changed). */
  recordCheck(id: string, check: ConnectionCheck | null): void {
    this.db.prepare('UPDATE sites SET last_check = ?, updated_at = ? WHERE id = ?').run(toJson(check), now(), id);
  }

  remove(id: string): void {
    this.db.prepare('DELETE FROM sites WHERE id = ?').run(id);
  }

  /** Encrypted secret blobs (the app's safeStorage store writes here; plain text never does). */
  saveCiphertext(siteId: string, scheme: string, ciphertext: Buffer): void {
    this.db
      .prepare('INSERT INTO site_secrets (site_id, scheme, ciphertext) VALUES (?, ?, ?) ON CONFLICT (site_id) DO UPDATE SET scheme = excluded.scheme, ciphertext = excluded.ciphertext')
      .run(siteId, scheme, ciphertext);
  }

  loadCiphertext(siteId: string): { scheme: string; ciphertext: Buffer } | null {
    return (this.db.prepare('SELECT scheme, ciphertext FROM site_secrets WHERE site_id = ?').get(siteId) as { scheme: string; ciphertext: Buffer } | undefined) ?? null;
  }

  /** Every saved secret blob written with `scheme` (to re-encrypt secrets an older version saved). */
  listCiphertexts(scheme: string): { siteId: string; ciphertext: Buffer }[] {
    return this.db.prepare('SELECT site_id AS siteId, ciphertext FROM site_secrets WHERE scheme = ?').all(scheme) as { siteId: string; ciphertext: Buffer }[];
  }

  deleteCiphertext(siteId: string): void {
    this.db.prepare('DELETE FROM site_secrets WHERE site_id = ?').run(siteId);
  }
}
