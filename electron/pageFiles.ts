import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json', '.woff2': 'font/woff2' };

export const contentType = (file: string) => TYPES[path.extname(file)] ?? 'application/octet-stream';

/** A malformed escape (`/%E0%A4%A`) or a NUL byte: the request is bad, not the server. */
export class BadPathError extends Error {}

/**
 * The built page's file for a URL path, or null. Escapes are decoded once, and the result must stay
 * inside `rootDir`. Shared by the app:// protocol of the desktop app and the browser host.
 */
export function staticFile(rootDir: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    throw new BadPathError(`malformed escape in ${pathname}`);
  }
  if (decoded.includes('\0')) throw new BadPathError('NUL in path');
  const root = path.resolve(rootDir);
  const file = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  if (!file.startsWith(`${root}${path.sep}`)) return null;
  if (!existsSync(file) || !statSync(file).isFile()) return null;
  return file;
}

export function readPage(rootDir: string): string {
  const file = path.join(rootDir, 'index.html');
  return existsSync(file) ? readFileSync(file, 'utf8') : '<!doctype html><p>The renderer is not built: run <code>npm run build:renderer</code>.</p>';
}
