/**
 * Fields whose text values are secrets whatever they contain, also as the end of a longer name
 * (`new_password`, `csrf_token`, `apiSecret`, `Proxy-Authorization`). Flags such as `hasSecret: true`
 * are not text and stay as they are.
 */
const SECRET_KEYS = /(secret|password|passwd|pwd|authorization|cookie|token|private_?key)$/i;
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

/** Deeper than this, a value is replaced by a marker: never passed on unredacted, never a stack overflow. */
const MAX_DEPTH = 32;
export const TOO_DEEP = '[too deep]';
export const CIRCULAR = '[circular]';

/** An Error as plain data: its own fields, name, message, stack and cause (which are not enumerable). */
function errorFields(error: Error): Record<string, unknown> {
  return { ...Object.fromEntries(Object.entries(error)), name: error.name, message: error.message, ...(error.stack ? { stack: error.stack } : {}), ...(error.cause !== undefined ? { cause: error.cause } : {}) };
}

function visit(value: unknown, forms: readonly string[], depth: number, ancestors: Set<object>): unknown {
  if (typeof value === 'string') return redactText(value, forms);
  if (value === null || typeof value !== 'object') return value;
  if (depth > MAX_DEPTH) return TOO_DEEP;
  // Only a reference back to an object being walked is a cycle; the same object twice side by side is not.
  if (ancestors.has(value)) return CIRCULAR;
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return redactText(Buffer.from(value).toString('utf8'), forms);
  ancestors.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => visit(item, forms, depth + 1, ancestors));
    const fields = value instanceof Error ? errorFields(value) : value;
    return Object.fromEntries(Object.entries(fields).map(([key, inner]) => [key, SECRET_KEYS.test(key) && typeof inner === 'string' ? REDACTED : visit(inner, forms, depth + 1, ancestors)]));
  } finally {
    ancestors.delete(value);
  }
}

/**
 * The one redaction used at every sink (log rows, run and step rows, views and events, IPC answers, CLI
 * output, the support bundle). Known secrets are replaced wherever and however they appear, secret-named
 * fields are blanked, and authorization header values are masked even when the secret is not known.
 */
export function createRedactor(knownSecrets: () => readonly (string | KnownSecret)[]): Redactor {
  // The secrets' forms are computed once per redacted value, not once per string inside it.
  return (value) => visit(value, secretForms(knownSecrets()), 0, new Set());
}

/** Whether any form of a secret is still in `text` (the support bundle's last check before writing). */
export function containsSecret(text: string, secrets: readonly (string | KnownSecret)[]): boolean {
  return secretForms(secrets).some((form) => text.includes(form));
}
