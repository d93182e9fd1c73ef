import { MessageChannelMain, utilityProcess } from 'electron';
import type { SpawnedEngine } from '../engineHost/supervisor';
import type { EngineToMain } from '../engineHost/protocol';

/**
 * Starts the engine (dist/engine/engine.cjs) as an Electron utilityProcess — plain Node, no window,
 * no `electron` module in its code — and hands it one end of a MessagePort, which carries everything.
 */
export function forkEngine(entry: string): SpawnedEngine {
  const child = utilityProcess.fork(entry, [], { serviceName: 'POS Provisioner engine', stdio: 'inherit' });
  const { port1, port2 } = new MessageChannelMain();
  child.postMessage({ type: 'connect' }, [port2]);
  port1.start();
  return {
    post: (message) => port1.postMessage(message),
    onMessage: (listener) => void port1.on('message', (event) => listener(event.data as EngineToMain)),
    onExit: (listener) => void child.once('exit', (code) => listener(code)),
    kill: () => void child.kill(),
  };
}
