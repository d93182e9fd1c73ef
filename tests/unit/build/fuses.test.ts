import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import afterPack from '../../../build/afterPack.mjs';
import { FUSES, fuseConfig } from '../../../build/fuses.mjs';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ON = 49;
const OFF = 48;

describe('the fuses the packaged app gets', () => {
  it.each([
    ['RunAsNode', false],
    ['EnableCookieEncryption', true],
    ['EnableNodeOptionsEnvironmentVariable', false],
    ['EnableNodeCliInspectArguments', false],
    ['EnableEmbeddedAsarIntegrityValidation', true],
    ['OnlyLoadAppFromAsar', true],
    ['GrantFileProtocolExtraPrivileges', false],
  ] as const)('%s is %s', (fuse, value) => {
    expect(FUSES[FuseV1Options[fuse]]).toBe(value);
    expect(fuseConfig('linux', 'x64')[FuseV1Options[fuse]]).toBe(value);
  });

  it('uses fuse wire V1 and resets the ad-hoc signature only on arm64 macOS', () => {
    expect(fuseConfig('linux', 'x64')).toMatchObject({ version: FuseVersion.V1, resetAdHocDarwinSignature: false });
    expect(fuseConfig('darwin', 'arm64').resetAdHocDarwinSignature).toBe(true);
  });

  it('are flipped in the binary by the afterPack hook electron-builder runs', async () => {
    const appOutDir = mkdtempSync(path.join(tmpdir(), 'after-pack-'));
    mkdirSync(appOutDir, { recursive: true });
    const binary = path.join(appOutDir, 'pos-provisioner');
    // An Electron-like binary: the fuse wire (version 1, 8 fuses) with Electron's defaults, in the middle of other bytes.
    writeFileSync(binary, Buffer.concat([Buffer.alloc(64, 7), Buffer.from(SENTINEL), Buffer.from([1, 8]), Buffer.from('10110001'), Buffer.alloc(64, 7)]));
    await afterPack({ appOutDir, electronPlatformName: 'linux', arch: 1, packager: { executableName: 'pos-provisioner', appInfo: { productFilename: 'POS Provisioner' } } });
    const wire = await getCurrentFuseWire(binary);
    expect(wire).toMatchObject({
      [FuseV1Options.RunAsNode]: OFF,
      [FuseV1Options.EnableCookieEncryption]: ON,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: OFF,
      [FuseV1Options.EnableNodeCliInspectArguments]: OFF,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: ON,
      [FuseV1Options.OnlyLoadAppFromAsar]: ON,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: OFF,
    });
    expect(readFileSync(binary).length).toBe(64 + SENTINEL.length + 2 + 8 + 64);
  });

  it('are wired as electron-builder afterPack', () => {
    expect(readFileSync(path.join(__dirname, '../../../build/electron-builder.yml'), 'utf8')).toMatch(/^afterPack: \.\/build\/afterPack\.mjs$/m);
  });
});
