// The CLI's entry (bundled to dist/cli/pos-provisioner.mjs). `--help` prints the usage without loading
// the engine, the store or better-sqlite3, so it answers at once; everything else loads main lazily.

import { ExitCode } from './exitCodes';

const HELP = new Set(['--help', '-h', 'help']);

// `pos-provisioner logs | head`: the reader went away; stop quietly instead of crashing on EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

async function start(argv: string[]): Promise<number> {
  if (argv.length === 0 || HELP.has(argv[0]!)) {
    const { USAGE } = await import('./usage');
    process.stdout.write(`${USAGE}\n`);
    return argv.length === 0 ? ExitCode.Usage : ExitCode.Completed;
  }
  const { main } = await import('./main');
  return main(argv);
}

// Exits with the run's code once output is flushed; the sandbox command keeps the process serving.
start(process.argv.slice(2)).then(
  (code) => {
    if (code < 0) return;
    process.exitCode = code;
    // Keep-alive sockets to a real site may linger; never keep the shell waiting for them.
    setTimeout(() => process.exit(code), 2_000).unref();
  },
  (error: unknown) => {
    process.stderr.write(`pos-provisioner: ${String(error)}\n`);
    process.exitCode = 1;
  },
);
