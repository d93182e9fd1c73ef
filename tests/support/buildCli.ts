import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// vitest globalSetup: the CLI tests spawn bin/pos-provisioner.mjs, which runs the bundle in dist/cli.
// Building it once per test run (≈0.5 s) means they always exercise the current sources as shipped.
export default function buildCli(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build-cli.mjs'), '--quiet'], { cwd: root, stdio: 'inherit' });
}
