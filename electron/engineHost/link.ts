import type { Channel, EngineToMain, MainToEngine } from './protocol';

export type EngineSide = Channel<EngineToMain, MainToEngine>;

/** The parts of Electron's ParentPort / MessagePortMain the engine uses (no `electron` import here). */
interface PortEvent {
  data: unknown;
  ports: MessagePortLike[];
}
interface MessagePortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: PortEvent) => void): void;
  start(): void;
}
interface ParentPortLike {
  once(event: 'message', listener: (event: PortEvent) => void): void;
}

/**
 * The engine's end of the channel to main. In Electron's utility process, main first sends a
 * MessagePort over `process.parentPort` and everything else travels on that port; under Node (tests,
 * `child_process.fork`) the process's own IPC channel is used.
 */
export function connectToMain(): Promise<EngineSide> {
  const parentPort = (process as unknown as { parentPort?: ParentPortLike }).parentPort;
  if (parentPort) {
    return new Promise((resolve) => {
      parentPort.once('message', ({ ports }) => {
        const port = ports[0]!;
        const listeners: ((message: MainToEngine) => void)[] = [];
        port.on('message', (event) => listeners.forEach((listener) => listener(event.data as MainToEngine)));
        port.start();
        resolve({ post: (message) => port.postMessage(message), onMessage: (listener) => void listeners.push(listener) });
      });
    });
  }
  if (process.send) {
    return Promise.resolve({
      post: (message) => void process.send?.(message),
      onMessage: (listener) => void process.on('message', (message) => listener(message as MainToEngine)),
    });
  }
  return Promise.reject(new Error('The engine process was started without a channel to the app (run it from the app, or with child_process.fork).'));
}
