import type { ClientTuning } from '../service/siteClient';

/**
 * Fault injection in our own process, for the crash tests: `POS_PROVISIONER_CHAOS_KILL_AFTER_WRITES=N`
 * kills the CLI (SIGKILL, no cleanup) the moment the N-th answer to a write arrives — after ERPNext
 * committed it, before the run could persist that it did. Unset in normal use: then this does nothing.
 */
export function chaosHooks(env: NodeJS.ProcessEnv = process.env): Pick<ClientTuning, 'onAnswer'> {
  const killAfter = Number(env.POS_PROVISIONER_CHAOS_KILL_AFTER_WRITES);
  if (!Number.isInteger(killAfter) || killAfter < 1) return {};
  let writes = 0;
  return {
    onAnswer: ({ method }) => {
      if (method === 'GET') return;
      writes += 1;
      if (writes === killAfter) process.kill(process.pid, 'SIGKILL');
    },
  };
}
