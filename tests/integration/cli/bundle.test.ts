import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../sandbox';
import { SHOP_FILE } from '../../support/engineHarness';
import { cliWorld } from '../../support/cli';

// The shipped CLI is the bundle in dist/cli (built by `npm run build`, and before the tests by the
// global setup). Copied away from the repository, with no node_modules but better-sqlite3 (a native
// dependency), it must still work: no tsx, TypeScript or other dev tool at run time.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

let sandbox: Sandbox | undefined;
afterEach(async () => sandbox?.stop());

/** dist/cli copied to a temp folder; node_modules there holds only better-sqlite3 (when asked). */
function isolatedCli(withSqlite: boolean): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cli-bundle-'));
  cpSync(path.join(ROOT, 'dist', 'cli'), path.join(dir, 'cli'), { recursive: true });
  if (withSqlite) {
    mkdirSync(path.join(dir, 'node_modules'));
    symlinkSync(path.join(ROOT, 'node_modules', 'better-sqlite3'), path.join(dir, 'node_modules', 'better-sqlite3'), 'dir');
  }
  return path.join(dir, 'cli', 'pos-provisioner.mjs');
}

/** Runs the copy without blocking this process (the sandbox answers from here). */
const run = (entry: string, args: string[], env: Record<string, string> = {}) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = execFile(process.execPath, [entry, ...args], { cwd: path.dirname(entry), encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, timeout: 60_000 }, (_error, stdout, stderr) =>
      resolve({ status: child.exitCode, stdout, stderr }),
    );
  });

describe('the bundled CLI', () => {
  it('prints its help with nothing installed beside it', async () => {
    const result = await run(isolatedCli(false), ['--help']);
    expect([result.status, result.stderr]).toEqual([0, '']);
    expect(result.stdout).toMatch(/^usage: pos-provisioner <command>/);
  });

  it('provisions a shop with only better-sqlite3 installed, and never loads the sandbox for a real site', async () => {
    const entry = isolatedCli(true);
    // Remove the sandbox's code from the copy: a command against a real site must not need it.
    const chunks = path.join(path.dirname(entry), 'chunks');
    const sandboxChunks = readdirSync(chunks).filter((name) => name.endsWith('.mjs') && readFileSync(path.join(chunks, name), 'utf8').includes('registerDoctypes'));
    expect(sandboxChunks.length).toBeGreaterThan(0);
    sandboxChunks.forEach((name) => rmSync(path.join(chunks, name)));

    sandbox = await startSandbox();
    const world = cliWorld(sandbox, SHOP_FILE);
    const result = await run(entry, world.args('run', '--json'), world.env);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n').at(-1)).toMatch(/"type":"result","status":"COMPLETED"/);

    const withoutSite = await run(entry, ['run', '--shop', world.shopFile, '--db', world.db]);
    expect(withoutSite.status).not.toBe(0);
    expect(withoutSite.stderr).toMatch(/Cannot find module|ERR_MODULE_NOT_FOUND/);
  });
});
