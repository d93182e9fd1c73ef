// A sandbox in a process of its own, like a real server: the client's and the server's work do not share
// one event loop, so a round trip measures the network and ERPNext's own time, not our process.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { SandboxOptions, SandboxStats, SandboxUser } from '../sandbox/types';

export interface RemoteSandbox {
  url: string;
  users: { administrator: SandboxUser; provisioner: SandboxUser };
  stats(): Promise<SandboxStats>;
  resetStats(): Promise<void>;
  stop(): Promise<void>;
}

interface Ready {
  url: string;
  users: RemoteSandbox['users'];
}

async function control(url: string, admin: SandboxUser, method: string, path: string): Promise<unknown> {
  const response = await fetch(`${url}/__sandbox/${path}`, { method, headers: { Authorization: `token ${admin.apiKey}:${admin.apiSecret}` } });
  return response.json();
}

export async function startRemoteSandbox(options: SandboxOptions): Promise<RemoteSandbox> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ['--child', JSON.stringify(options)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.once('message', (message) => resolve(message as Ready));
    child.once('exit', (code) => reject(new Error(`sandbox process exited with ${code}`)));
  });
  const admin = ready.users.administrator;
  return {
    ...ready,
    stats: async () => (await control(ready.url, admin, 'GET', 'stats')) as SandboxStats,
    resetStats: async () => void (await control(ready.url, admin, 'DELETE', 'stats')),
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

if (process.argv[2] === '--child') {
  const { startSandbox } = await import('../sandbox');
  const sandbox = await startSandbox(JSON.parse(process.argv[3] ?? '{}') as SandboxOptions);
  process.send?.({ url: sandbox.url, users: { administrator: sandbox.users.administrator, provisioner: sandbox.users.provisioner } } satisfies Ready);
  const stop = () => void sandbox.stop().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  // The parent went away (crashed, killed): never outlive it.
  process.on('disconnect', stop);
}
