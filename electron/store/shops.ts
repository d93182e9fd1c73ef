import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ShopRecord } from '../../shared/model';
import type { ShopConfig } from '../../shared/shop/schema';
import { now } from './json';

interface ShopRow {
  id: string;
  site_id: string;
  name: string;
  config: string;
  created_at: string;
  updated_at: string;
}

const toRecord = (row: ShopRow): ShopRecord => ({
  id: row.id,
  siteId: row.site_id,
  name: row.name,
  config: JSON.parse(row.config) as ShopConfig,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export class ShopsRepository {
  constructor(private readonly db: Database.Database) {}

  /** A shop is identified on its site by the company it provisions. */
  upsert(siteId: string, config: ShopConfig): ShopRecord {
    // IMMEDIATE: two processes saving the same shop file at once must not both see it missing.
    return this.db.transaction(() => this.upsertLocked(siteId, config)).immediate();
  }

  private upsertLocked(siteId: string, config: ShopConfig): ShopRecord {
    const name = config.company.name;
    const existing = this.findByName(siteId, name);
    if (existing) {
      this.db.prepare('UPDATE shops SET config = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(config), now(), existing.id);
      return this.get(existing.id)!;
    }
    const id = randomUUID();
    const at = now();
    this.db.prepare('INSERT INTO shops (id, site_id, name, config, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(id, siteId, name, JSON.stringify(config), at, at);
    return this.get(id)!;
  }

  /** Replaces the config of a known shop (the company name may change before its first run). */
  update(id: string, config: ShopConfig): ShopRecord | null {
    this.db.prepare('UPDATE shops SET name = ?, config = ?, updated_at = ? WHERE id = ?').run(config.company.name, JSON.stringify(config), now(), id);
    return this.get(id);
  }

  /** The shop now lives at another site record (the same ERPNext, reached at a new address). */
  moveToSite(id: string, siteId: string): ShopRecord | null {
    this.db.prepare('UPDATE shops SET site_id = ?, updated_at = ? WHERE id = ?').run(siteId, now(), id);
    return this.get(id);
  }

  get(id: string): ShopRecord | null {
    const row = this.db.prepare('SELECT * FROM shops WHERE id = ?').get(id) as ShopRow | undefined;
    return row ? toRecord(row) : null;
  }

  findByName(siteId: string, name: string): ShopRecord | null {
    const row = this.db.prepare('SELECT * FROM shops WHERE site_id = ? AND name = ?').get(siteId, name) as ShopRow | undefined;
    return row ? toRecord(row) : null;
  }

  list(siteId?: string): ShopRecord[] {
    const rows = siteId
      ? (this.db.prepare('SELECT * FROM shops WHERE site_id = ? ORDER BY name').all(siteId) as ShopRow[])
      : (this.db.prepare('SELECT * FROM shops ORDER BY name').all() as ShopRow[]);
    return rows.map(toRecord);
  }

  remove(id: string): void {
    this.db.prepare('DELETE FROM shops WHERE id = ?').run(id);
  }
}
