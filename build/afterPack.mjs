// electron-builder afterPack hook (build/electron-builder.yml): flips Electron's fuses in the packaged
// binary with @electron/fuses, after packing and before signing (a signature covers the flipped bytes).
import { flipFuses } from '@electron/fuses';
import { electronBinary, fuseConfig } from './fuses.mjs';

// electron-builder's Arch enum: 0 ia32, 1 x64, 2 armv7l, 3 arm64, 4 universal.
const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

export default async function afterPack(context) {
  const binary = electronBinary(context);
  await flipFuses(binary, fuseConfig(context.electronPlatformName, ARCH_NAMES[context.arch] ?? String(context.arch)));
  console.log(`  • fuses flipped in ${binary}`);
}
