/** Fields whose values are secrets whatever they contain. */
const SECRET_KEYS = /^(api_?secret|secret|password|passwd|pwd|authorization|cookie|set-cookie|token|access_?token|refresh_?token|private_?key)$/i;
/** "token key:secret" and "Basic xxx" as they would appear in a copied header. */
const AUTH_VALUE = /\b(token|basic|bearer)\s+[A-Za-z0-9+/=._:-]{6,}/gi;

export const REDACTED = '[REDACTED]';

export type Redactor = (value: unknown) => unknown;

/**
 * Builds the one redaction used at every sink (log store, events, exports). Known secret values are
 * replaced wherever they appear (also base64-encoded, as in a Basic header), secret-named fields are
 * blanked, and authorization header values are masked even when we do not know the secret.
 */
export function createRedactor(knownSecrets: () => readonly string[]): Redactor {
  const redactText = (text: string, forms: readonly string[]): string => {
    let out = text.replace(AUTH_VALUE, (_m, scheme: string) => `${scheme} ${REDACTED}`);
    for (const form of forms) if (out.includes(form)) out = out.split(form).join(REDACTED);
    return out;
  };
  const visit = (value: unknown, forms: readonly string[], depth: number): unknown => {
    if (typeof value === 'string') return redactText(value, forms);
    if (value === null || typeof value !== 'object' || depth > 12) return value;
    if (Array.isArray(value)) return value.map((item) => visit(item, forms, depth + 1));
    if (value instanceof Error) return { name: value.name, message: redactText(value.message, forms) };
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, SECRET_KEYS.test(key) ? REDACTED : visit(inner, forms, depth + 1)]));
  };
  // The secrets' forms are computed once per redacted value, not once per string inside it.
  return (value) => visit(value, secretForms(knownSecrets()), 0);
}

/** Each secret as it may appear: as is, base64 (a Basic header) and URL-encoded. */
export function secretForms(secrets: readonly string[]): string[] {
  return secrets.filter((secret) => secret.length >= 4).flatMap((secret) => [secret, Buffer.from(secret).toString('base64'), encodeURIComponent(secret)]);
}
