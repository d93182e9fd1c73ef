import Database from 'better-sqlite3';
import { collate } from './util';

export type Doc = Record<string, unknown> & { doctype: string; name: string };

// Documents are kept whole as JSON (child rows inline) in one STRICT table; names compare
// case-insensitively like MariaDB's utf8mb4_unicode_ci primary keys on a real site.
const SCHEMA = `
CREATE TABLE IF NOT EXISTS doc (doctype TEXT NOT NULL, name TEXT NOT NULL COLLATE NOCASE, data TEXT NOT NULL,
  PRIMARY KEY (doctype, name)) STRICT;
CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
CREATE TABLE IF NOT EXISTS series (name TEXT PRIMARY KEY, current INTEGER NOT NULL) STRICT;
CREATE TABLE IF NOT EXISTS defaults (parent TEXT NOT NULL, defkey TEXT NOT NULL, defvalue TEXT,
  PRIMARY KEY (parent, defkey)) STRICT;
`;

export class Store {
  readonly db: Database.Database;
  readonly isNew: boolean;

  constructor(file?: string) {
    this.db = new Database(file ?? ':memory:');
    this.db.pragma('journal_mode = WAL');
    this.isNew = !this.db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'kv'").get();
    this.db.exec(SCHEMA);
  }

  get(doctype: string, name: string): Doc | null {
    const row = this.db.prepare('SELECT data FROM doc WHERE doctype = ? AND name = ?').get(doctype, name) as
      | { data: string }
      | undefined;
    return row ? (JSON.parse(row.data) as Doc) : null;
  }

  exists(doctype: string, name: string): boolean {
    return !!this.db.prepare('SELECT 1 FROM doc WHERE doctype = ? AND name = ?').get(doctype, name);
  }

  /** All documents of a doctype in primary-key order (what MariaDB returns without ORDER BY). */
  all(doctype: string): Doc[] {
    const rows = this.db.prepare('SELECT data FROM doc WHERE doctype = ? ORDER BY name COLLATE NOCASE').all(doctype) as {
      data: string;
    }[];
    return rows.map((r) => JSON.parse(r.data) as Doc).sort((a, b) => collate(a.name, b.name));
  }

  put(doc: Doc): void {
    this.db
      .prepare('INSERT INTO doc (doctype, name, data) VALUES (?, ?, ?) ON CONFLICT(doctype, name) DO UPDATE SET data = excluded.data')
      .run(doc.doctype, doc.name, JSON.stringify(doc));
  }

  remove(doctype: string, name: string): void {
    this.db.prepare('DELETE FROM doc WHERE doctype = ? AND name = ?').run(doctype, name);
  }

  kvGet(key: string): string | null {
    const row = this.db.prepare('SELECT value FROM kv WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  kvSet(key: string, value: string): void {
    this.db.prepare('INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  nextSeries(prefix: string): number {
    const row = this.db.prepare('SELECT current FROM series WHERE name = ?').get(prefix) as { current: number } | undefined;
    const next = (row?.current ?? 0) + 1;
    this.db.prepare('INSERT INTO series (name, current) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET current = excluded.current').run(prefix, next);
    return next;
  }

  seriesCurrent(prefix: string): number | null {
    const row = this.db.prepare('SELECT current FROM series WHERE name = ?').get(prefix) as { current: number } | undefined;
    return row?.current ?? null;
  }

  setSeries(prefix: string, current: number): void {
    this.db.prepare('UPDATE series SET current = ? WHERE name = ?').run(current, prefix);
  }

  getDefault(parent: string, key: string): string | null {
    const row = this.db.prepare('SELECT defvalue FROM defaults WHERE parent = ? AND defkey = ?').get(parent, key) as
      | { defvalue: string | null }
      | undefined;
    return row?.defvalue ?? null;
  }

  allDefaults(parent: string): Record<string, string> {
    const rows = this.db.prepare('SELECT defkey, defvalue FROM defaults WHERE parent = ?').all(parent) as {
      defkey: string;
      defvalue: string | null;
    }[];
    return Object.fromEntries(rows.filter((r) => r.defvalue !== null).map((r) => [r.defkey, r.defvalue as string]));
  }

  setDefault(parent: string, key: string, value: string | null): void {
    if (value === null || value === '') {
      this.db.prepare('DELETE FROM defaults WHERE parent = ? AND defkey = ?').run(parent, key);
      return;
    }
    this.db
      .prepare('INSERT INTO defaults (parent, defkey, defvalue) VALUES (?, ?, ?) ON CONFLICT(parent, defkey) DO UPDATE SET defvalue = excluded.defvalue')
      .run(parent, key, value);
  }

  /** Runs fn in one transaction: commit when it returns, roll back when it throws (frappe/app.py sync_database). */
  transaction<T>(fn: () => T, commit = true): T {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = fn();
      this.db.exec(commit ? 'COMMIT' : 'ROLLBACK');
      return result;
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
