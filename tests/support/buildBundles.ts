import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// vitest globalSetup: the CLI tests spawn bin/pos-provisioner.mjs, which runs the bundle in dist/cli, and
// the engine-process tests fork dist/engine/engine.cjs, the file Electron starts. Building both once
// per test run (about a second) means the tests always exercise the current sources as shipped.
export default function buildBundles(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  for (const script of ['build-cli.mjs', 'build-electron.mjs']) {
    execFileSync(process.execPath, [path.join(root, 'scripts', script), '--quiet'], { cwd: root, stdio: 'inherit' });
  }
}
