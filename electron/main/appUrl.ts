import path from 'node:path';
import { BadPathError, staticFile } from '../pageFiles';

/**
 * The page is served from a custom, privileged `app://` scheme rather than file://: a file:// page
 * may read other local files and shares an opaque origin with all of them; app://pos is one origin
 * that serves the built page folder and nothing else.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'pos';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

export type AppFileAnswer = { file: string } | { status: 400 | 404 };

/** The file an app:// request is for, or the status to answer with. */
export function appFileFor(rendererDir: string, requestUrl: string): AppFileAnswer {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { status: 400 };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { status: 404 };
  try {
    const file = staticFile(rendererDir, url.pathname === '/' ? '/index.html' : url.pathname);
    return file ? { file: path.resolve(file) } : { status: 404 };
  } catch (error) {
    if (error instanceof BadPathError) return { status: 400 };
    throw error;
  }
}
