import path from 'node:path';
import { DB_FILE_NAME, defaultDataDir, legacyDataDirs } from '../cli/paths';

export interface DataLocation {
  /** The data folder shared with the CLI: the database, the secrets key, settings.json. */
  dataDir: string;
  dbFile: string;
  legacyDataDirs: string[];
  /** Electron's own profile folder, only when a development run overrides it. */
  userData?: string;
}

/**
 * Where the app keeps its data: the folder the CLI uses too (../cli/paths.ts). In development and
 * tests, POS_PROVISIONER_USER_DATA moves everything (data and Electron's profile) to one folder; an
 * installed app ignores it, so nothing in the environment can point it at another database or profile.
 */
export function dataLocation(options: { isPackaged: boolean; env?: NodeJS.ProcessEnv; platform?: NodeJS.Platform }): DataLocation {
  const env = options.env ?? process.env;
  const override = options.isPackaged ? undefined : env.POS_PROVISIONER_USER_DATA || undefined;
  const dataDir = override ?? defaultDataDir(env, options.platform);
  return { dataDir, dbFile: path.join(dataDir, DB_FILE_NAME), legacyDataDirs: override ? [] : legacyDataDirs(env, options.platform), userData: override };
}
