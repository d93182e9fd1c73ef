import { connectToMain } from './link';
import { runEngine } from './engine';

// The engine process's entry, bundled to dist/engine/engine.cjs: Electron starts it as a
// utilityProcess; the integration tests start the same file with child_process.fork.

connectToMain().then(
  (channel) => runEngine(channel),
  (error: unknown) => {
    process.stderr.write(`engine: ${(error as Error).message}\n`);
    process.exit(1);
  },
);
