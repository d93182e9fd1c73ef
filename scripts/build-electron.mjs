// Bundles the Electron main process and the preload into dist/ (CommonJS: a sandboxed preload must be
// one CommonJS file; better-sqlite3 stays external because it is a native module).
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: true, logLevel: 'warning' };

await build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/main/main.cjs', external: ['electron', 'better-sqlite3'] });
await build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/preload/preload.cjs', external: ['electron'] });
console.log('built dist/main/main.cjs and dist/preload/preload.cjs');
