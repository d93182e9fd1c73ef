import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDbFile } from '../../../electron/cli/paths';
import { dataLocation } from '../../../electron/main/dataLocation';

describe('where the desktop app keeps its data', () => {
  it.each(['linux', 'darwin', 'win32'] as const)('uses the database the CLI uses on %s', (platform) => {
    const env = { HOME: '/home/ana', APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' };
    expect(dataLocation({ isPackaged: true, env, platform }).dbFile).toBe(defaultDbFile(env, platform));
  });

  it('ignores POS_PROVISIONER_USER_DATA in an installed app', () => {
    const env = { HOME: '/home/ana', POS_PROVISIONER_USER_DATA: '/tmp/elsewhere' };
    const installed = dataLocation({ isPackaged: true, env, platform: 'linux' });
    expect(installed).toEqual({ dataDir: path.dirname(defaultDbFile(env, 'linux')), dbFile: defaultDbFile(env, 'linux'), legacyDataDirs: [expect.stringMatching(/POS Provisioner$/)], userData: undefined });
  });

  it('lets a development run or a test put data and profile in one folder of its own', () => {
    const dev = dataLocation({ isPackaged: false, env: { POS_PROVISIONER_USER_DATA: '/tmp/e2e-1' }, platform: 'linux' });
    expect(dev).toEqual({ dataDir: '/tmp/e2e-1', dbFile: path.join('/tmp/e2e-1', 'pos-provisioner.sqlite'), legacyDataDirs: [], userData: '/tmp/e2e-1' });
  });
});
