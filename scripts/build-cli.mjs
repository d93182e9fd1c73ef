// Bundles the `pos-provisioner` CLI into dist/cli/ (ES modules, code-split): it starts with plain Node,
// no tsx or other dev tool at run time. `--help` loads only the entry and the usage text; the engine,
// the store and the sandbox are separate chunks loaded when a command needs them. better-sqlite3 stays
// external (a native module, installed as a dependency).
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist', 'cli');
const quiet = process.argv.includes('--quiet');

// Only a full build (`npm run build:cli -- --clean`) empties the folder: a rebuild by `npm run provision`
// or the tests must not delete chunks that a CLI still running from here may load later.
if (process.argv.includes('--clean')) rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { 'pos-provisioner': 'electron/cli/entry.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  external: ['better-sqlite3'],
  // Bundled CommonJS dependencies may call require(): give the ES module a real one.
  banner: { js: "import { createRequire as __posCreateRequire } from 'node:module'; const require = __posCreateRequire(import.meta.url);" },
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
});
if (!quiet) console.log('built dist/cli/pos-provisioner.mjs');
