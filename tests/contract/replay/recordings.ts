import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

// Loads the recorded ERPNext exchanges of ../shared/erpnext/recorded (see its README.md).

export interface Recording {
  file: string;
  note?: string;
  request: {
    method: string;
    path: string;
    query: Record<string, string | number> | null;
    headers: Record<string, string>;
    json: unknown;
  };
  response: { status: number; body: unknown; raw_text: string | null; decoded_server_messages?: { message: string; raise_exception?: number }[] };
}

export const RECORDED_DIR = resolve(import.meta.dirname, '../../../../shared/erpnext/recorded');

export function loadSuite(subdir: string): Recording[] {
  const dir = join(RECORDED_DIR, subdir);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ ...(JSON.parse(readFileSync(join(dir, f), 'utf8')) as Omit<Recording, 'file'>), file: subdir ? `${subdir}/${f}` : f }));
}
