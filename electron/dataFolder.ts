import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DB_FILE_NAME } from './cli/paths';
import { StoreError } from './store';

export type LegacyMove =
  | { moved: false; reason: 'none' }
  /** Both folders have a database: neither is touched; the shared one is used. */
  | { moved: false; reason: 'both-exist'; legacyFile: string }
  | { moved: true; from: string; to: string; keptAs: string };

export const MOVED_SUFFIX = '.moved-to-shared-folder';

/** SQLite's own consistency check of a copy, before it replaces anything. */
function verifyCopy(file: string, nativeBinding?: string): void {
  const db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
  try {
    const result = db.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new Error(`integrity check of the copy: ${String(result)}`);
  } finally {
    db.close();
  }
}

/**
 * Moves the desktop app's database from its old folder into the shared data folder, once, without ever
 * losing it: SQLite's online backup copies it (including what is still in its WAL) to a temporary file,
 * the copy is integrity-checked, then renamed into place; the old file is kept beside a note saying
 * where it went. Any failure leaves the old database exactly as it was and says what to do.
 */
export async function adoptLegacyDatabase(targetFile: string, legacyDirs: readonly string[], options: { nativeBinding?: string } = {}): Promise<LegacyMove> {
  const legacyFile = legacyDirs.map((dir) => path.join(dir, DB_FILE_NAME)).find((file) => existsSync(file) && path.resolve(file) !== path.resolve(targetFile));
  if (!legacyFile) return { moved: false, reason: 'none' };
  if (existsSync(targetFile)) return { moved: false, reason: 'both-exist', legacyFile };
  mkdirSync(path.dirname(targetFile), { recursive: true });
  const partial = `${targetFile}.moving`;
  rmSync(partial, { force: true });
  let source: Database.Database | undefined;
  try {
    source = new Database(legacyFile, { fileMustExist: true, timeout: 0, nativeBinding: options.nativeBinding });
    // A writer still working on the old file (an older version of the app) would lose what it writes next.
    source.exec('BEGIN IMMEDIATE; ROLLBACK;');
    await source.backup(partial);
    verifyCopy(partial, options.nativeBinding);
    source.pragma('wal_checkpoint(TRUNCATE)');
    source.close();
    source = undefined;
    renameSync(partial, targetFile);
  } catch (error) {
    source?.close();
    rmSync(partial, { force: true });
    const busy = /SQLITE_BUSY|locked/i.test(String((error as { code?: string }).code ?? (error as Error).message));
    throw new StoreError(
      busy ? 'db_busy' : 'db_unwritable',
      `The app's database could not be moved from ${legacyFile} to ${targetFile}: ${(error as Error).message}.`,
      busy ? 'Close every POS Provisioner window and command, then start again: the move is retried and nothing is lost.' : 'The old database was left exactly as it was. Check that the shared data folder is writable, or set POS_PROVISIONER_HOME to the old folder.',
      legacyFile,
      { cause: error },
    );
  }
  const keptAs = `${legacyFile}${MOVED_SUFFIX}`;
  renameSync(legacyFile, keptAs);
  writeFileSync(path.join(path.dirname(legacyFile), 'MOVED.txt'), `POS Provisioner now keeps its database in ${path.dirname(targetFile)} (shared by the app and the pos-provisioner command).\nThe file ${path.basename(keptAs)} is the copy it was moved from, kept as a backup: delete it once the app works.\n`);
  return { moved: true, from: legacyFile, to: targetFile, keptAs };
}
