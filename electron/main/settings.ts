import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const SETTINGS_FILE = 'settings.json';

export interface AppSettings {
  /** The generic update feed (electron-builder's latest*.yml files), https only. */
  updateFeedUrl: string | null;
  /** Why updates are off, when they are: shown in About. */
  updatesOff: string | null;
}

/**
 * settings.json in the data folder, written by whoever deploys the app (IT, the installer's company).
 * Only an https:// feed is accepted: an update is code the app will run.
 */
export function readSettings(dataDir: string): AppSettings {
  const file = path.join(dataDir, SETTINGS_FILE);
  const off = (reason: string): AppSettings => ({ updateFeedUrl: null, updatesOff: reason });
  if (!existsSync(file)) return off(`Automatic updates are off: no update feed is configured (set "updateFeedUrl" in ${file}).`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return off(`Automatic updates are off: ${file} is not valid JSON (${(error as Error).message}).`);
  }
  const feed = (parsed as { updateFeedUrl?: unknown } | null)?.updateFeedUrl;
  if (feed === undefined || feed === null || feed === '') return off(`Automatic updates are off: no update feed is configured (set "updateFeedUrl" in ${file}).`);
  if (typeof feed !== 'string' || !/^https:\/\/[^\s/]+/i.test(feed)) return off(`Automatic updates are off: "updateFeedUrl" in ${file} must be an https:// address.`);
  return { updateFeedUrl: feed, updatesOff: null };
}
