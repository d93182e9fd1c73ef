import { safeStorage } from 'electron';
import type { SecretStore } from '../secrets';
import { MemorySecretStore } from '../secrets';
import type { Store } from '../store';

/**
 * API secrets encrypted with the OS keychain (Electron safeStorage) and kept as ciphertext in SQLite.
 * Where the OS offers no real encryption (Linux without a keyring falls back to "basic_text"), the
 * secret is kept for this session only, and the app says so.
 */
export class SafeStorageSecretStore implements SecretStore {
  readonly persistent: boolean;
  readonly description: string;
  private readonly cache = new MemorySecretStore();

  constructor(private readonly store: Store) {
    const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os';
    this.persistent = safeStorage.isEncryptionAvailable() && backend !== 'basic_text' && backend !== 'unknown';
    this.description = this.persistent ? 'the system keychain (encrypted)' : 'this session only: no system keychain is available, so the secret is not saved';
  }

  get(siteId: string): string | undefined {
    const cached = this.cache.get(siteId);
    if (cached || !this.persistent) return cached;
    const saved = this.store.sites.loadCiphertext(siteId);
    if (!saved) return undefined;
    try {
      const secret = safeStorage.decryptString(saved.ciphertext);
      this.cache.set(siteId, secret);
      return secret;
    } catch {
      return undefined;
    }
  }

  set(siteId: string, secret: string): void {
    this.cache.set(siteId, secret);
    if (this.persistent) this.store.sites.saveCiphertext(siteId, 'safeStorage', safeStorage.encryptString(secret));
  }

  remove(siteId: string): void {
    this.cache.remove(siteId);
    this.store.sites.deleteCiphertext(siteId);
  }
}
