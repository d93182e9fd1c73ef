import os from 'node:os';
import path from 'node:path';

/** The per-user data folder (same place the desktop app uses), so the CLI and the app share runs. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.POS_PROVISIONER_HOME) return env.POS_PROVISIONER_HOME;
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), 'POS Provisioner');
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'POS Provisioner');
  return path.join(env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share'), 'pos-provisioner');
}

export function defaultDbFile(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(defaultDataDir(env), 'pos-provisioner.sqlite');
}
