/** Fields whose values are secrets whatever they contain. */
const SECRET_KEYS = /^(api_?secret|secret|password|passwd|pwd|authorization|proxy-authorization|cookie|set-cookie|token|access_?token|refresh_?token|private_?key)$/i;
/** "token key:secret", "Basic xxx", "Bearer xxx" as they would appear in a copied header or a traceback. */
const AUTH_VALUE = /\b(token|basic|bearer)(\s+|%20)[A-Za-z0-9+/=._:%-]{6,}/gi;

export const REDACTED = '[REDACTED]';

export type Redactor = (value: unknown) => unknown;

/** A credential the redactor must remove: the secret alone, and with its key (`key:secret`, as sent). */
export interface KnownSecret {
  secret: string;
  key?: string;
}

const MIN_SECRET = 4;
/** Base64 fragments shorter than this would match ordinary text; secrets that short are matched as text only. */
const MIN_BASE64_CORE = 8;

/**
 * The part of base64(prefix + text + suffix) that depends only on `text`, for a prefix of `offset` bytes
 * (mod 3): base64 works in 3-byte groups, so whatever surrounds the secret, one of these three cores
 * appears in the encoding of anything that contains it (a Basic header, `key:secret` encoded whole…).
 */
function base64Core(text: string, offset: number): string {
  const bytes = Buffer.concat([Buffer.alloc(offset), Buffer.from(text)]);
  const firstWhole = Math.ceil(offset / 3) * 3;
  const lastWhole = Math.floor(bytes.length / 3) * 3;
  if (lastWhole <= firstWhole) return '';
  return bytes.subarray(firstWhole, lastWhole).toString('base64');
}

/** Every form in which a secret may travel: as is, URL-encoded, JSON-escaped, and inside any base64. */
export function secretForms(secrets: readonly (string | KnownSecret)[]): string[] {
  const forms = new Set<string>();
  for (const entry of secrets) {
    const { secret, key } = typeof entry === 'string' ? { secret: entry, key: undefined } : entry;
    if (!secret || secret.length < MIN_SECRET) continue;
    for (const text of [secret, ...(key ? [`${key}:${secret}`] : [])]) {
      forms.add(text);
      forms.add(encodeURIComponent(text));
      forms.add(JSON.stringify(text).slice(1, -1));
      forms.add(Buffer.from(text).toString('base64'));
      for (let offset = 0; offset < 3; offset++) {
        const core = base64Core(text, offset);
        if (core.length >= MIN_BASE64_CORE) forms.add(core);
      }
    }
  }
  // Longest first, so a `key:secret` form is removed whole before the secret inside it.
  return [...forms].sort((a, b) => b.length - a.length);
}

function redactText(text: string, forms: readonly string[]): string {
  let out = text.replace(AUTH_VALUE, (_m, scheme: string, space: string) => `${scheme}${space}${REDACTED}`);
  for (const form of forms) if (out.includes(form)) out = out.split(form).join(REDACTED);
  return out;
}

function visit(value: unknown, forms: readonly string[], depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return redactText(value, forms);
  if (value === null || typeof value !== 'object' || depth > 12) return value;
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => visit(item, forms, depth + 1, seen));
  if (value instanceof Error) {
    const own = Object.fromEntries(Object.entries(value));
    return visit({ ...own, name: value.name, message: value.message, ...(value.stack ? { stack: value.stack } : {}) }, forms, depth + 1, seen);
  }
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return redactText(Buffer.from(value).toString('utf8'), forms);
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, SECRET_KEYS.test(key) ? REDACTED : visit(inner, forms, depth + 1, seen)]));
}

/**
 * The one redaction used at every sink (log rows, run and step rows, views and events, IPC answers, CLI
 * output, the support bundle). Known secrets are replaced wherever and however they appear, secret-named
 * fields are blanked, and authorization header values are masked even when the secret is not known.
 */
export function createRedactor(knownSecrets: () => readonly (string | KnownSecret)[]): Redactor {
  // The secrets' forms are computed once per redacted value, not once per string inside it.
  return (value) => visit(value, secretForms(knownSecrets()), 0, new WeakSet());
}

/** Whether any form of a secret is still in `text` (the support bundle's last check before writing). */
export function containsSecret(text: string, secrets: readonly (string | KnownSecret)[]): boolean {
  return secretForms(secrets).some((form) => text.includes(form));
}
