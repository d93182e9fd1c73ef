import { main } from './main';

// `pos-provisioner logs | head`: the reader went away; stop quietly instead of crashing on EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

// Exits with the run's code once output is flushed; the sandbox command keeps the process serving.
main().then(
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
