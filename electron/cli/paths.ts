import os from 'node:os';
import path from 'node:path';

export const DB_FILE_NAME = 'pos-provisioner.sqlite';

/**
 * The one per-user data folder of the desktop app and the CLI, so both see the same sites, runs and
 * run locks: Linux `$XDG_DATA_HOME/pos-provisioner` (~/.local/share/pos-provisioner: a database is
 * data, not configuration), macOS `~/Library/Application Support/POS Provisioner`, Windows
 * `%APPDATA%\POS Provisioner`. POS_PROVISIONER_HOME overrides it (tests, side-by-side installs).
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.POS_PROVISIONER_HOME) return env.POS_PROVISIONER_HOME;
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), 'POS Provisioner');
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'POS Provisioner');
  return path.join(env.XDG_DATA_HOME || path.join(os.homedir(), '.local', 'share'), 'pos-provisioner');
}

export function defaultDbFile(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  return path.join(defaultDataDir(env, platform), DB_FILE_NAME);
}

/**
 * Where the desktop app kept its database before it used the shared folder: Electron's userData, which
 * on Linux is `$XDG_CONFIG_HOME/POS Provisioner` (macOS and Windows already used the shared folder).
 * A database found there is moved once (see ../dataFolder.ts).
 */
export function legacyDataDirs(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string[] {
  if (env.POS_PROVISIONER_HOME || platform === 'win32' || platform === 'darwin') return [];
  return [path.join(env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config'), 'POS Provisioner')];
}
