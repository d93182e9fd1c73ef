// The CLI as shipped: how fast it starts (bundled vs through tsx), and how much memory the process that
// runs the engine holds while it provisions a shop.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RemoteSandbox } from './sandboxProcess';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLE = path.join(ROOT, 'dist', 'cli', 'pos-provisioner.mjs');

export function ensureBundle(): void {
  if (!existsSync(BUNDLE)) spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-cli.mjs'), '--quiet'], { cwd: ROOT, stdio: 'inherit' });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Median wall time of `--help`, over a few starts (the first warms the disk cache). */
export function startTime(args: string[], runs = 5): number {
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const started = performance.now();
    const result = spawnSync(process.execPath, [...args, '--help'], { cwd: ROOT, stdio: 'ignore' });
    if (result.status !== 0) throw new Error(`${args.join(' ')} --help exited with ${result.status}`);
    if (i > 0) times.push(performance.now() - started);
  }
  return median(times);
}

export const BUNDLED = [path.join(ROOT, 'bin', 'pos-provisioner.mjs')];
export const THROUGH_TSX = ['--import', 'tsx', path.join(ROOT, 'electron', 'cli', 'entry.ts')];

function rssKb(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** The bundled CLI provisions a shop; its resident memory is sampled every 10 ms. Linux (/proc) only. */
export async function peakRssDuringRun(sandbox: RemoteSandbox, shop: unknown): Promise<{ peakMb: number; code: number | null }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-cli-'));
  const shopFile = path.join(dir, 'shop.json');
  writeFileSync(shopFile, JSON.stringify(shop));
  const { apiKey, apiSecret } = sandbox.users.provisioner;
  const child = spawn(process.execPath, [...BUNDLED, 'run', '--shop', shopFile, '--site', sandbox.url, '--db', path.join(dir, 'pos.sqlite'), '--json'], {
    cwd: ROOT,
    env: { ...process.env, ERPNEXT_API_KEY: apiKey, ERPNEXT_API_SECRET: apiSecret, POS_PROVISIONER_HOME: dir },
    stdio: 'ignore',
  });
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssKb(child.pid!))), 10);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(sampler);
  return { peakMb: peak / 1024, code };
}
