import { parseArgs } from 'node:util';
import { adoptLegacyDatabase } from '../dataFolder';
import { ErpNextError } from '../erpnext/errors';
import { EnvSecretStore } from '../secrets';
import { ProvisioningService, RunLockedError } from '../service';
import { StoreError } from '../store';
import { type CommandEnv, type CommandOptions, exportLogsCommand, logsCommand, resumeCommand, runCommand, skipCommand, statusCommand } from './commands';
import { ExitCode, UsageError } from './exitCodes';
import { fleetCommand } from './fleet';
import { doctorCommand } from './doctor';
import { handoverCommand } from './handover';
import { planCommand } from './plan';
import { undoCommand } from './undo';
import { chaosHooks } from './chaos';
import { HumanOutput, JsonOutput } from './output';
import { defaultDbFile, legacyDataDirs } from './paths';
import { USAGE } from './usage';

export const APP_VERSION = '0.1.0';

const OPTIONS = {
  shop: { type: 'string' },
  site: { type: 'string' },
  db: { type: 'string' },
  json: { type: 'boolean' },
  step: { type: 'string' },
  level: { type: 'string' },
  out: { type: 'string' },
  file: { type: 'string' },
  run: { type: 'string' },
  rps: { type: 'string' },
  concurrency: { type: 'string' },
  'probe-interval': { type: 'string' },
  'server-timeout': { type: 'string' },
  repair: { type: 'boolean' },
  yes: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function positiveNumber(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--${name} must be a positive number, got "${value}"`);
  return n;
}

const seconds = (value: number | undefined) => (value === undefined ? undefined : value * 1000);

async function dispatch(command: string, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: false });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return ExitCode.Completed;
  }
  // The desktop app's database from before the shared data folder moves in first (Linux only).
  if (!values.db) await adoptLegacyDatabase(defaultDbFile(), legacyDataDirs());
  const options: CommandOptions = { db: values.db ?? defaultDbFile(), site: values.site, shop: values.shop, json: Boolean(values.json), step: values.step, level: values.level, out: values.out, file: values.file, run: values.run, repair: values.repair, yes: Boolean(values.yes) };
  // For `fleet`, --concurrency is how many shops run at once; the site's request limit keeps its default.
  const fleetConcurrency = command === 'fleet' ? positiveNumber(values.concurrency, 'concurrency') : undefined;
  if (fleetConcurrency !== undefined && !Number.isInteger(fleetConcurrency)) throw new UsageError(`--concurrency is a number of shops for fleet: a whole number, got "${values.concurrency}"`);
  const requestConcurrency = command === 'fleet' ? undefined : positiveNumber(values.concurrency, 'concurrency');
  const service = new ProvisioningService({
    dbFile: options.db,
    secrets: new EnvSecretStore(),
    appVersion: APP_VERSION,
    client: { limits: { requestsPerSecond: positiveNumber(values.rps, 'rps'), maxConcurrent: requestConcurrency }, ...chaosHooks() },
    run: { networkWait: { baseDelayMs: positiveNumber(values['probe-interval'], 'probe-interval') }, serverTimeoutMs: seconds(positiveNumber(values['server-timeout'], 'server-timeout')) },
  });
  const interrupts: (() => void)[] = [];
  const onSignal = () => interrupts.forEach((handler) => handler());
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const env: CommandEnv = { service, output: options.json ? new JsonOutput() : new HumanOutput(), options, onInterrupt: (handler) => interrupts.push(handler) };
  try {
    switch (command) {
      case 'run':
        return await runCommand(env);
      case 'plan':
        return await planCommand(env);
      case 'continue':
        return await resumeCommand(env, 'continue');
      case 'retry':
        return await resumeCommand(env, 'retry');
      case 'skip':
        return skipCommand(env);
      case 'status':
        return statusCommand(env);
      case 'logs':
        return logsCommand(env);
      case 'export-logs':
        return await exportLogsCommand(env);
      case 'fleet':
        return await fleetCommand(env, fleetConcurrency);
      case 'handover':
        return handoverCommand(env);
      case 'doctor':
        return await doctorCommand(env);
      case 'undo':
        return await undoCommand(env);
      default:
        throw new UsageError(`unknown command "${command}"`, [], true);
    }
  } catch (error) {
    // Whatever we print passes the same redaction as the logs (an error may quote what ERPNext echoed).
    return report(error, (text) => String(service.redactor(text)));
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    service.close();
  }
}

function report(error: unknown, redact: (text: string) => string = (text) => text): number {
  const write = (text: string) => process.stderr.write(redact(text));
  if (error instanceof UsageError) {
    write(`pos-provisioner: ${error.message}\n${error.details.map((d) => `  - ${d}\n`).join('')}`);
    if (error.showUsage) write(`\n${USAGE}\n`);
    return ExitCode.Usage;
  }
  if (error instanceof Error && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    write(`pos-provisioner: ${error.message}\n\n${USAGE}\n`);
    return ExitCode.Usage;
  }
  if (error instanceof RunLockedError) {
    write(`pos-provisioner: ${error.message}\n  ${error.hint}\n`);
    return ExitCode.Locked;
  }
  if (error instanceof ErpNextError && error.code === 'invalid_url') {
    write(`pos-provisioner: ${error.message}\n  ${error.hint}\n`);
    return ExitCode.Usage;
  }
  if (error instanceof StoreError || error instanceof ErpNextError) {
    write(`pos-provisioner: ${error.message}\n  ${error.hint}\n`);
    return ExitCode.Failed;
  }
  write(`pos-provisioner: unexpected error: ${error instanceof Error ? error.message : String(error)}\n  Nothing done in ERPNext is lost; run \`pos-provisioner export-logs --out bundle.zip\` and send it to the helpdesk.\n`);
  return ExitCode.Failed;
}

export async function main(argv: string[] = process.argv.slice(2)): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return command ? ExitCode.Completed : ExitCode.Usage;
  }
  if (command === 'sandbox') {
    // Loaded only when used: the sandbox is a whole ERPNext-like server the other commands never need.
    const { sandboxCommand } = await import('../../sandbox/cli');
    await sandboxCommand(args);
    return -1;
  }
  try {
    return await dispatch(command, args);
  } catch (error) {
    return report(error);
  }
}
