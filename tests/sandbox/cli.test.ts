import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// npm run sandbox: prints the URL and keys, serves until interrupted; bad arguments exit 64.

const run = (args: string[]) => spawn(process.execPath, ['--import', 'tsx', 'sandbox/cli.ts', ...args], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });

function exitOf(child: ReturnType<typeof run>): Promise<{ code: number | null; stderr: string }> {
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => { stderr += d.toString(); });
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
}

describe('sandbox CLI', () => {
  it('refuses a bad fault spec with exit code 64 and a clear message', async () => {
    const { code, stderr } = await exitOf(run(['--faults', 'POST /api/* => status']));
    expect(code).toBe(64);
    expect(stderr).toContain("bad --faults: rule 1 ('POST /api/* => status'): status must be a non-negative number");
  });

  it('refuses an unknown --timing profile with exit code 64', async () => {
    const { code, stderr } = await exitOf(run(['--timing', 'fast']));
    expect(code).toBe(64);
    expect(stderr).toContain("--timing must be one of off, erpnext15, got 'fast'");
  });

  it('serves, prints URL and keys, and stops cleanly on SIGINT', async () => {
    const child = run(['--port', '0', '--state', 'bare', '--faults', '* /api/* => latency 1', '--timing', 'erpnext15']);
    const exited = exitOf(child);
    const out = await new Promise<string>((resolve) => {
      let text = '';
      child.stdout?.on('data', (d: Buffer) => {
        text += d.toString();
        if (text.includes('Ctrl-C')) resolve(text);
      });
    });
    expect(out).toContain('timing: ERPNext 15 server times, 2 workers');
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
    const key = /Administrator\s+api key (\S+)\s+api secret (\S+)/.exec(out);
    const r = await fetch(`${url}/api/method/frappe.auth.get_logged_user`, { headers: { Authorization: `token ${key?.[1]}:${key?.[2]}` } });
    expect(await r.json()).toEqual({ message: 'Administrator' });
    child.kill('SIGINT');
    expect((await exited).code).toBe(0);
  });
});
