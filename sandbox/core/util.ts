// Small value helpers mirroring frappe.utils (cint, flt, cstr, bold) and Python's json.dumps layout.

export const cint = (v: unknown): number => {
  if (typeof v === 'boolean') return v ? 1 : 0;
  const n = typeof v === 'number' ? v : parseInt(String(v ?? ''), 10);
  return Number.isFinite(n) ? Math.trunc(n) : 0;
};

export const flt = (v: unknown): number => {
  const n = typeof v === 'number' ? v : parseFloat(String(v ?? ''));
  return Number.isFinite(n) ? n : 0;
};

/** frappe.utils.sbool: "0"/"false" → false, "1"/"true" → true, anything else unchanged. */
export function sbool(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const lower = v.toLowerCase();
  if (['true', '1'].includes(lower)) return true;
  if (['false', '0'].includes(lower)) return false;
  return v;
}

export const cstr = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

export const isEmpty = (v: unknown): boolean =>
  v === null || v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

export const bold = (s: string): string => `<strong>${s}</strong>`;

/** Python's json.dumps defaults (", " and ": " separators, ensure_ascii) — Frappe builds _server_messages with it. */
export function pyDumps(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (typeof value === 'number' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(pyDumps).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  return `{${entries.map(([k, v]) => `${pyDumps(k)}: ${pyDumps(v)}`).join(', ')}}`;
}

/** Parses a JSON parameter that may already be decoded (JSON body) or still a string (query string). */
export function parseJsonParam(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return JSON.parse(value);
}

export const stripHtml = (s: string): string => s.replace(/<[^>]*>/g, '');

const collator = new Intl.Collator('en', { sensitivity: 'base' });
/** MariaDB utf8mb4_unicode_ci ordering (UCA: case-insensitive, punctuation before digits and letters). */
export const collate = (a: string, b: string): number => collator.compare(a, b);
