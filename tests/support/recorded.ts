import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** ../shared/erpnext/recorded, read-only reference exchanges from a real ERPNext 15.70.2 site. */
export const RECORDED_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/erpnext/recorded');

export interface RecordedExchange {
  file: string;
  name: string;
  note?: string;
  request: {
    method: string;
    path: string;
    query: Record<string, string | number> | null;
    headers: Record<string, string>;
    json: unknown;
    data: unknown;
  };
  response: {
    status: number;
    /** the server's answer time in seconds */
    elapsed_s: number;
    headers: Record<string, string>;
    body: unknown;
    raw_text: string | null;
    decoded_server_messages?: { message: string; raise_exception?: number }[] | null;
  };
}

/** The exchanges of one folder (''=top level) in recording order, named relative to RECORDED_DIR. */
export function loadSuite(subdir: string): RecordedExchange[] {
  const dir = path.join(RECORDED_DIR, subdir);
  return readdirSync(dir)
    .filter((entry) => entry.endsWith('.json'))
    .sort()
    .map((entry) => ({
      ...(JSON.parse(readFileSync(path.join(dir, entry), 'utf8')) as Omit<RecordedExchange, 'file'>),
      file: subdir ? `${subdir}/${entry}` : entry,
    }));
}

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const full = path.join(dir, entry);
      return statSync(full).isDirectory() ? walk(full) : entry.endsWith('.json') ? [full] : [];
    });
}

export function loadRecorded(): RecordedExchange[] {
  return walk(RECORDED_DIR).map((full) => ({
    ...(JSON.parse(readFileSync(full, 'utf8')) as Omit<RecordedExchange, 'file'>),
    file: path.relative(RECORDED_DIR, full),
  }));
}
