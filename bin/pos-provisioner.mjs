#!/usr/bin/env node
// The installed command runs the bundled CLI (dist/cli, built by `npm run build`): plain Node, no dev
// tools. A source checkout that was never built falls back to running the TypeScript through tsx.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/cli/pos-provisioner.mjs', import.meta.url));

if (existsSync(bundle)) {
  await import(pathToFileURL(bundle).href);
} else {
  let register;
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch {
    process.stderr.write('pos-provisioner is not built: run `npm run build:cli` in its folder (or reinstall the package).\n');
    process.exit(70);
  }
  register();
  await import('../electron/cli/entry.ts');
}
