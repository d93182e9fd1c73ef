import { unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';

/**
 * The ways a credential travels, computed here independently of the redactor under test: as is,
 * URL-encoded, base64 of the secret and of `key:secret` (a Basic header), and the token header value.
 */
export function leakForms(secret: string, key?: string): string[] {
  const forms = [secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64')];
  if (key) forms.push(Buffer.from(`${key}:${secret}`).toString('base64'), `${key}:${secret}`);
  return forms;
}

/** The forms of `secret` found in `bytes` (empty when it holds none). */
export function leaksIn(bytes: Buffer | string, secret: string, key?: string): string[] {
  const haystack = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  return leakForms(secret, key).filter((form) => haystack.includes(Buffer.from(form)));
}

/** Every file of a zip, unzipped. */
export function unzipFile(file: string): Record<string, Buffer> {
  return Object.fromEntries(Object.entries(unzipSync(readFileSync(file))).map(([name, data]) => [name, Buffer.from(data)]));
}

/** A file that may not exist (an SQLite -wal next to its database). */
export function bytesOf(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch {
    return Buffer.alloc(0);
  }
}
