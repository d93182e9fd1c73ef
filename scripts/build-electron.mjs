// Bundles the Electron side into dist/ (CommonJS): the main process, the preload (a sandboxed preload
// must be one CommonJS file) and the engine process (a utilityProcess entry: plain Node, no `electron`).
// better-sqlite3 stays external: it is a native module.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const quiet = process.argv.includes('--quiet');
const common = { absWorkingDir: root, bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: true, logLevel: 'warning' };

await Promise.all([
  build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/main/main.cjs', external: ['electron', 'electron-updater'] }),
  build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/preload/preload.cjs', external: ['electron'] }),
  build({ ...common, entryPoints: ['electron/engineHost/entry.ts'], outfile: 'dist/engine/engine.cjs', external: ['better-sqlite3'] }),
]);
if (!quiet) console.log('built dist/main/main.cjs, dist/preload/preload.cjs and dist/engine/engine.cjs');
