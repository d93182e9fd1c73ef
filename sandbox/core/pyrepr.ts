import type { Field } from './meta';
import { NUMERIC_TYPES } from './meta';

// Frappe builds many messages with Python's str.format, so a missing value prints "None", a Float
// prints "100.0", a dict prints "{'abbr': 'X'}" (issue 8: "messages that interpolate a missing value
// print Python's None"). These helpers render a JSON value the way Python's str() would.

const FLOAT_TYPES = new Set(['Float', 'Currency', 'Percent']);

/** Python repr of a float: 100 → "100.0", 0.5 → "0.5". */
export function pyFloat(n: number): string {
  return Number.isInteger(n) ? `${n}.0` : String(n);
}

/** str(value) for a value as Python holds it after loading a document (floats stay floats). */
export function pyStr(value: unknown, df?: Pick<Field, 'fieldtype'>): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return df && FLOAT_TYPES.has(df.fieldtype) ? pyFloat(value) : String(value);
  if (typeof value === 'string') return value;
  return pyRepr(value);
}

/** repr(value): strings quoted with single quotes, dicts and lists like Python prints them. */
export function pyRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  return `{${entries.map(([k, v]) => `${pyRepr(k)}: ${pyRepr(v)}`).join(', ')}}`;
}

/** Whether a field holds numbers (MariaDB compares them numerically). */
export const isNumericField = (df: Pick<Field, 'fieldtype'> | undefined): boolean => !!df && NUMERIC_TYPES.has(df.fieldtype);
