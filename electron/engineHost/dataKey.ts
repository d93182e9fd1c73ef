import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The OS keychain as main sees it (Electron safeStorage), reduced to what the key needs. */
export interface KeyWrapper {
  /** False when the OS offers no real encryption (Linux without a keyring). */
  available: boolean;
  wrap(text: string): Buffer;
  unwrap(blob: Buffer): string;
}

export interface DataKey {
  key: Buffer;
  persistent: boolean;
  description: string;
  /** Set when an existing key file could not be read (secrets must be typed again). */
  notice?: string;
}

export const KEY_FILE = 'secrets.key';

const sessionOnly = (notice?: string): DataKey => ({
  key: randomBytes(32),
  persistent: false,
  description: 'this session only: no system keychain is available, so the secret is not saved',
  notice,
});

/**
 * The key that encrypts API secrets in the database, kept in the data folder wrapped by the OS keychain.
 * Without a keychain the key lives for this session only (secrets are typed again after a restart).
 * A key file the keychain cannot unwrap (another user, a reset keychain) is set aside, never deleted.
 */
export function loadDataKey(dataDir: string, wrapper: KeyWrapper): DataKey {
  if (!wrapper.available) return sessionOnly();
  const file = path.join(dataDir, KEY_FILE);
  const description = 'the system keychain (encrypted)';
  if (existsSync(file)) {
    try {
      const key = Buffer.from(wrapper.unwrap(readFileSync(file)), 'base64');
      if (key.length === 32) return { key, persistent: true, description };
      throw new Error('wrong key length');
    } catch {
      renameSync(file, `${file}.unreadable-${Date.now()}`);
      const fresh = createKey(file, wrapper);
      return { key: fresh, persistent: true, description, notice: 'The saved key for API secrets could not be read with this system keychain: enter the API secrets again.' };
    }
  }
  return { key: createKey(file, wrapper), persistent: true, description };
}

function createKey(file: string, wrapper: KeyWrapper): Buffer {
  const key = randomBytes(32);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, wrapper.wrap(key.toString('base64')), { mode: 0o600 });
  return key;
}
