import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { StoreError } from './errors';
import type { Migration } from './migrations';

interface AppliedRow {
  version: number;
  name: string;
  checksum: string;
}

const checksum = (migration: Migration) => createHash('sha256').update(migration.sql).digest('hex');

/**
 * Brings the schema up to date. Refuses (and leaves the file untouched) a database written by a newer
 * app, or one whose applied history differs from this code's: guessing there would lose data.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[], file: string): number {
  // One IMMEDIATE transaction from the first look to the last migration: two processes opening a new
  // database at the same moment (the app and the CLI, two CLI runs) would otherwise both see it empty
  // and the second would fail on "table sites already exists". The second one waits, then finds it done.
  return db.transaction(() => migrateLocked(db, migrations, file)).immediate();
}

function migrateLocked(db: Database.Database, migrations: readonly Migration[], file: string): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL
  ) STRICT`);
  const applied = db.prepare('SELECT version, name, checksum FROM schema_migrations ORDER BY version').all() as AppliedRow[];
  const latest = migrations.at(-1)?.version ?? 0;
  const newest = applied.at(-1)?.version ?? 0;
  if (newest > latest) {
    throw new StoreError('db_newer', `The local database ${file} was written by a newer version of POS Provisioner (schema ${newest}, this app knows ${latest}).`, 'Install the newer version of the app, or choose another data folder. The file was not changed.', file);
  }
  applied.forEach((row, index) => {
    const expected = migrations[index];
    if (!expected || expected.version !== row.version || checksum(expected) !== row.checksum) {
      throw new StoreError('db_history_mismatch', `The local database ${file} has a schema history this version does not recognise (at step ${row.version} "${row.name}").`, 'The file was not changed. Use the app version that created it, or send the file to the helpdesk.', file);
    }
  });
  const record = db.prepare('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)');
  for (const migration of migrations.slice(applied.length)) {
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, checksum(migration), new Date().toISOString());
    })();
  }
  return latest;
}
