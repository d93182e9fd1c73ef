import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KEY_FILE, type KeyWrapper, loadDataKey } from '../../../electron/engineHost/dataKey';
import { KeyedSecretStore } from '../../../electron/engineHost/secretStore';
import { Store } from '../../../electron/store';

const SECRET = 'c0ffee-secret-4d3f2a1b';
const stores: Store[] = [];
afterEach(() => stores.splice(0).forEach((store) => store.close()));

function storeWithSite(): { store: Store; siteId: string; file: string } {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'keyed-')), 'pos.sqlite');
  const store = Store.open(file);
  stores.push(store);
  return { store, siteId: store.sites.add({ url: 'https://erp.example.com', displayUrl: 'https://erp.example.com', apiKey: 'key' }).id, file };
}

/** A stand-in keychain: reversible, and visibly not the identity. */
const keychain = (available = true): KeyWrapper & { wrapped: number } => {
  const wrapper = {
    available,
    wrapped: 0,
    wrap: (text: string) => (wrapper.wrapped++, Buffer.from(`wrapped:${Buffer.from(text).toString('hex')}`)),
    unwrap: (blob: Buffer) => {
      const text = blob.toString();
      if (!text.startsWith('wrapped:')) throw new Error('not ours');
      return Buffer.from(text.slice('wrapped:'.length), 'hex').toString();
    },
  };
  return wrapper;
};

describe('API secrets encrypted with the data key', () => {
  it('are stored only as ciphertext and read back by a new engine holding the same key', () => {
    const { store, siteId, file } = storeWithSite();
    const key = randomBytes(32);
    new KeyedSecretStore(store, key, true, 'keychain').set(siteId, SECRET);
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(readFileSync(file).includes(Buffer.from(SECRET))).toBe(false);
    expect(store.sites.loadCiphertext(siteId)!.ciphertext.includes(Buffer.from(SECRET))).toBe(false);
    expect(new KeyedSecretStore(store, key, true, 'keychain').get(siteId)).toBe(SECRET);
  });

  it('read as "no secret" under another key (a session key of an earlier start), and a tampered blob too', () => {
    const { store, siteId } = storeWithSite();
    const key = randomBytes(32);
    new KeyedSecretStore(store, key, false, 'session').set(siteId, SECRET);
    expect(new KeyedSecretStore(store, randomBytes(32), false, 'session').get(siteId)).toBeUndefined();
    const saved = store.sites.loadCiphertext(siteId)!;
    saved.ciphertext[saved.ciphertext.length - 1]! ^= 1;
    store.sites.saveCiphertext(siteId, saved.scheme, saved.ciphertext);
    expect(new KeyedSecretStore(store, key, false, 'session').get(siteId)).toBeUndefined();
  });

  it('are removed with the site', () => {
    const { store, siteId } = storeWithSite();
    const secrets = new KeyedSecretStore(store, randomBytes(32), true, 'keychain');
    secrets.set(siteId, SECRET);
    secrets.remove(siteId);
    expect([secrets.get(siteId), store.sites.loadCiphertext(siteId)]).toEqual([undefined, null]);
  });
});

describe('the data key', () => {
  it('is created once, wrapped by the keychain, and the same key is found at the next start', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'data-key-'));
    const wrapper = keychain();
    const first = loadDataKey(dir, wrapper);
    expect(first).toMatchObject({ persistent: true, description: 'the system keychain (encrypted)' });
    expect(readFileSync(path.join(dir, KEY_FILE)).includes(first.key.toString('base64'))).toBe(false);
    expect(loadDataKey(dir, wrapper).key.equals(first.key)).toBe(true);
    expect(wrapper.wrapped).toBe(1);
  });

  it('lives for this session only, and is never written, when the OS has no keychain', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'data-key-'));
    const key = loadDataKey(dir, keychain(false));
    expect(key).toMatchObject({ persistent: false, description: expect.stringMatching(/this session only/) });
    expect(existsSync(path.join(dir, KEY_FILE))).toBe(false);
  });

  it('sets aside a key file the keychain cannot read, makes a new one and says so', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'data-key-'));
    writeFileSync(path.join(dir, KEY_FILE), 'from another keychain');
    const key = loadDataKey(dir, keychain());
    expect(key.notice).toMatch(/enter the API secrets again/);
    expect(readdirSync(dir).sort()).toEqual([KEY_FILE, expect.stringMatching(/^secrets\.key\.unreadable-\d+$/)]);
  });
});
