import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { SecretStore } from '../secrets';
import type { Store } from '../store';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * API secrets encrypted (AES-256-GCM) with a key the main process keeps wrapped by the OS keychain
 * (Electron safeStorage) — the envelope scheme Signal Desktop uses for its database key. The engine
 * runs outside main and safeStorage exists only there; with the key handed over at start the engine
 * encrypts and decrypts by itself, synchronously. SQLite holds only ciphertext, tagged with the key's
 * id: a row written with another key (a session key from an earlier start) reads as "no secret".
 */
export class KeyedSecretStore implements SecretStore {
  private readonly cache = new Map<string, string>();
  private readonly scheme: string;

  constructor(
    private readonly store: Store,
    private readonly key: Buffer,
    readonly persistent: boolean,
    readonly description: string,
  ) {
    if (key.length !== 32) throw new Error('The secret key must be 32 bytes.');
    this.scheme = `aes-256-gcm:${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;
  }

  get(siteId: string): string | undefined {
    const cached = this.cache.get(siteId);
    if (cached !== undefined) return cached;
    const saved = this.store.sites.loadCiphertext(siteId);
    if (!saved || saved.scheme !== this.scheme) return undefined;
    try {
      const secret = this.decrypt(saved.ciphertext);
      this.cache.set(siteId, secret);
      return secret;
    } catch {
      return undefined;
    }
  }

  set(siteId: string, secret: string): void {
    this.cache.set(siteId, secret);
    this.store.sites.saveCiphertext(siteId, this.scheme, this.encrypt(secret));
  }

  remove(siteId: string): void {
    this.cache.delete(siteId);
    this.store.sites.deleteCiphertext(siteId);
  }

  private encrypt(secret: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  private decrypt(blob: Buffer): string {
    const decipher = createDecipheriv('aes-256-gcm', this.key, blob.subarray(0, IV_BYTES));
    decipher.setAuthTag(blob.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(blob.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  }
}

/** Scheme of secrets written by earlier versions, where main encrypted each secret with safeStorage itself. */
export const LEGACY_SAFE_STORAGE_SCHEME = 'safeStorage';
