export type StoreErrorCode = 'db_newer' | 'db_history_mismatch' | 'db_damaged' | 'db_unwritable' | 'db_busy';

/** A problem with the local database file. The file is never deleted or rewritten to "fix" it. */
export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    readonly hint: string,
    readonly file: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreError';
  }
}

/** Turns SQLite's own failures on open into messages an installer can act on. */
export function storeErrorFrom(error: unknown, file: string): StoreError {
  if (error instanceof StoreError) return error;
  const code = (error as { code?: string })?.code ?? '';
  const text = error instanceof Error ? error.message : String(error);
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT') || /malformed|not a database/i.test(text)) {
    return new StoreError('db_damaged', `The local database ${file} is damaged (${text}).`, 'The file was left as it is. Quit the app, move the file aside (keep it for the helpdesk) and start again; runs already pushed to ERPNext are safe there and a new run adopts them.', file, { cause: error });
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new StoreError('db_busy', `The local database ${file} is in use by another program.`, 'Close other copies of POS Provisioner and try again.', file, { cause: error });
  }
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' || code === 'SQLITE_PERM' || code === 'EACCES' || code === 'ENOENT' || code === 'ENOTDIR' || code === 'EROFS' || code === 'SQLITE_IOERR') {
    return new StoreError('db_unwritable', `The local database ${file} cannot be opened for writing (${text}).`, 'Check the folder exists and that you may write to it, or choose another data folder.', file, { cause: error });
  }
  return new StoreError('db_damaged', `The local database ${file} could not be opened (${text}).`, 'The file was left as it is; send it with the support bundle to the helpdesk.', file, { cause: error });
}
