import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { FaultSpecError, parseFaultSpec, startSandbox, type FaultRule } from './index';
import { TIMING_NAMES, type TimingName } from './timing';

// npm run sandbox -- [--port N] [--db FILE] [--state setup-done|bare] [--latency MS] [--faults SPEC] [--v14] [--timing erpnext15]
// Prints the URL and the users' API keys, serves until Ctrl-C. Exit code 64 (EX_USAGE) on bad arguments.

const USAGE = 'usage: npm run sandbox -- [--port N] [--db FILE] [--state setup-done|bare] [--latency MS] [--faults SPEC] [--v14] [--seed N] [--timing erpnext15|off]';

function usage(message: string): never {
  process.stderr.write(`sandbox: ${message}\n${USAGE}\n`);
  process.exit(64);
}

function number(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) usage(`--${name} must be a non-negative integer, got '${value}'`);
  return n;
}

/** The sandbox command line; also `pos-provisioner sandbox …`. Resolves once the server listens. */
export async function sandboxCommand(args: string[] = process.argv.slice(2)): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        port: { type: 'string' }, db: { type: 'string' }, state: { type: 'string' }, latency: { type: 'string' },
        faults: { type: 'string' }, v14: { type: 'boolean' }, seed: { type: 'string' }, timing: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    usage((error as Error).message);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (values.state && values.state !== 'setup-done' && values.state !== 'bare') usage(`--state must be setup-done or bare, got '${values.state}'`);
  if (values.timing !== undefined && !TIMING_NAMES.includes(values.timing as TimingName)) {
    usage(`--timing must be one of ${TIMING_NAMES.join(', ')}, got '${values.timing}'`);
  }
  let faults: FaultRule[] = [];
  try {
    faults = values.faults ? parseFaultSpec(values.faults) : [];
  } catch (error) {
    if (error instanceof FaultSpecError) usage(`bad --faults: ${error.message}`);
    throw error;
  }
  const sandbox = await startSandbox({
    port: number(values.port, 'port') ?? 8000, dbFile: values.db, state: values.state as 'setup-done' | 'bare' | undefined,
    latencyMs: number(values.latency, 'latency'), faults, errorShape: values.v14 ? 'v14' : 'v15', seed: number(values.seed, 'seed'),
    timing: values.timing as TimingName | undefined,
  });
  const lines = [`ERPNext sandbox listening on ${sandbox.url}${values.v14 ? ' (v14 error shape)' : ''}`];
  for (const u of Object.values(sandbox.users)) lines.push(`  ${u.user.padEnd(26)} api key ${u.apiKey}  api secret ${u.apiSecret}`);
  if (values.timing === 'erpnext15') lines.push('  timing: ERPNext 15 server times, 2 workers');
  if (faults.length) lines.push(`  faults: ${faults.map((f) => `${f.method ?? '*'} ${f.path} => ${f.kind}`).join('; ')}`);
  lines.push('Ctrl-C to stop.');
  process.stdout.write(`${lines.join('\n')}\n`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    sandbox.stop().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  sandboxCommand().catch((error: unknown) => {
    process.stderr.write(`sandbox: ${(error as Error).message}\n`);
    process.exit(1);
  });
}
