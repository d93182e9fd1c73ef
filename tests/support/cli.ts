import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Sandbox } from '../../sandbox';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin', 'pos-provisioner.mjs');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Parsed `--json` lines. */
  events: Record<string, unknown>[];
}

export interface CliOptions {
  env?: Record<string, string | undefined>;
  /** Called for each JSON line as it arrives (e.g. to kill the process inside a step). */
  onEvent?: (event: Record<string, unknown>, child: ChildProcess) => void;
}

/** Runs the real CLI (bin/pos-provisioner.mjs) as a child process; `.child` is the process itself. */
export function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> & { child: ChildProcess } {
  let started: ChildProcess | undefined;
  const done = new Promise<CliResult>((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, ERPNEXT_URL: undefined, ERPNEXT_API_KEY: undefined, ERPNEXT_API_SECRET: undefined, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let pending = '';
    const events: Record<string, unknown>[] = [];
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.startsWith('{')) continue;
        const event = JSON.parse(line) as Record<string, unknown>;
        events.push(event);
        options.onEvent?.(event, child);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, events }));
    started = child;
  });
  return Object.assign(done, { child: started! });
}

export interface CliWorld {
  dir: string;
  db: string;
  shopFile: string;
  /** Common arguments: this world's db and site, short network probes, a 3 s server request timeout. */
  args(...more: string[]): string[];
  env: Record<string, string>;
}

/** A temp folder with a db path and a shop file, aimed at a sandbox with the provisioning user. */
export function cliWorld(sandbox: Sandbox, shop: unknown): CliWorld {
  const dir = mkdtempSync(path.join(tmpdir(), 'cli-'));
  const shopFile = path.join(dir, 'shop.json');
  writeFileSync(shopFile, JSON.stringify(shop, null, 2));
  const db = path.join(dir, 'pos.sqlite');
  const { apiKey, apiSecret } = sandbox.users.provisioner;
  return {
    dir,
    db,
    shopFile,
    env: { ERPNEXT_API_KEY: apiKey, ERPNEXT_API_SECRET: apiSecret },
    args: (...more) => [...more, '--db', db, '--site', sandbox.url, '--shop', shopFile, '--probe-interval', '300', '--server-timeout', '3'],
  };
}
