import { safeStorage } from 'electron';
import type { KeyWrapper } from '../engineHost/dataKey';

/**
 * The OS keychain through Electron's safeStorage. On Linux without a keyring it falls back to
 * "basic_text", which is no encryption at all: that counts as no keychain.
 */
export function osKeychain(): KeyWrapper {
  const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os';
  return {
    available: safeStorage.isEncryptionAvailable() && backend !== 'basic_text' && backend !== 'unknown',
    wrap: (text) => safeStorage.encryptString(text),
    unwrap: (blob) => safeStorage.decryptString(blob),
  };
}

/** Secrets earlier versions encrypted with safeStorage one by one; null where the keychain cannot. */
export function decryptLegacySecrets(ciphertexts: string[]): (string | null)[] {
  return ciphertexts.map((blob) => {
    try {
      return safeStorage.decryptString(Buffer.from(blob, 'base64'));
    } catch {
      return null;
    }
  });
}
