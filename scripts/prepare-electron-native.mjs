// `npm start` only: better-sqlite3 in node_modules is compiled for Node (the CLI and the tests use it),
// Electron needs one built for its own ABI. This builds a copy for Electron into .electron-native/
// (once per Electron version) without touching node_modules; main loads it with `nativeBinding`.
// Packaged apps do not need this: electron-builder rebuilds native modules itself.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const electronVersion = require('electron/package.json').version;
const outDir = path.join(root, '.electron-native');
const target = path.join(outDir, 'better_sqlite3.node');
const stamp = path.join(outDir, 'electron-version');

if (existsSync(target) && existsSync(stamp) && readFileSync(stamp, 'utf8') === electronVersion) process.exit(0);

const work = path.join(outDir, 'better-sqlite3');
rmSync(work, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
cpSync(path.dirname(require.resolve('better-sqlite3/package.json')), work, { recursive: true });
console.log(`Building better-sqlite3 for Electron ${electronVersion} (once)…`);
execFileSync(process.execPath, [require.resolve('node-gyp/bin/node-gyp.js'), 'rebuild', '--release', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers', '--runtime=electron'], { cwd: work, stdio: 'inherit' });
cpSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), target);
writeFileSync(stamp, electronVersion);
console.log(`ready: ${target}`);
