// Electron's fuses, flipped in the packaged binary by build/afterPack.mjs (before signing). Each one
// removes a way to make the installed app run code that is not ours:
import path from 'node:path';
import { FuseV1Options, FuseVersion } from '@electron/fuses';

export const FUSES = {
  // ELECTRON_RUN_AS_NODE=1 would turn the signed binary into a general-purpose Node.
  [FuseV1Options.RunAsNode]: false,
  // Chromium's cookie store encrypted with the OS keychain (the browser profile holds session state).
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS=--require … would inject code into main and the engine process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect / --inspect-brk would let anyone attach a debugger to main.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // app.asar is checked against the hash embedded at build time (macOS, Windows).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Only the (integrity-checked) app.asar is loaded, never a loose app folder placed beside it.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // The page is served from app://, so file:// needs none of its historical extra privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/** The @electron/fuses config for one packaged app (arm64 macOS needs its ad-hoc signature reset). */
export function fuseConfig(platform, arch) {
  return { version: FuseVersion.V1, resetAdHocDarwinSignature: platform === 'darwin' && arch === 'arm64', ...FUSES };
}

/** The Electron binary electron-builder produced, as @electron/fuses wants it (the .app on macOS). */
export function electronBinary({ appOutDir, electronPlatformName, packager }) {
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  return path.join(appOutDir, packager.executableName);
}
