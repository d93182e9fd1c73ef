export function toJson(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

export function fromJson<T>(text: unknown): T | null {
  if (typeof text !== 'string' || text === '') return null;
  return JSON.parse(text) as T;
}

export const now = (): string => new Date().toISOString();
