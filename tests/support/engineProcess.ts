import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EngineConfig } from '../../electron/engineHost/protocol';
import { type EngineStatus, EngineSupervisor, type SpawnedEngine, type SupervisorOptions } from '../../electron/engineHost/supervisor';
import type { EngineEvent, RunUpdate } from '../../shared/ipc/contract';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The engine process's entry as Electron runs it (built by the tests' global setup). */
export const ENGINE_BUNDLE = path.join(ROOT, 'dist', 'engine', 'engine.cjs');

/** The bundle started with Node's fork: the same entry, Node's IPC channel instead of a MessagePort. */
export function forkEngine(onChild: (child: ChildProcess) => void = () => undefined): SpawnedEngine {
  const child = fork(ENGINE_BUNDLE, [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  onChild(child);
  return {
    post: (message) => void (child.connected && child.send(message)),
    onMessage: (listener) => void child.on('message', listener as (message: unknown) => void),
    onExit: (listener) => void child.once('exit', (code) => listener(code)),
    kill: () => void child.kill('SIGKILL'),
  };
}

export interface EngineWorld {
  dir: string;
  config: EngineConfig;
  supervisor: EngineSupervisor;
  updates: RunUpdate[];
  statuses: EngineStatus[];
  /** What the window would be sent (main relays these on ENGINE_EVENT_CHANNEL unchanged). */
  engineEvents: EngineEvent[];
  notifications: string[];
  /** The engine process now running (changes after a restart). */
  child(): ChildProcess;
}

/** A supervisor over the real engine process, with its own data folder and a persistent secret key. */
export function engineWorld(answer: Partial<Pick<SupervisorOptions, 'answer' | 'maxRestarts'>> = {}): EngineWorld {
  const dir = mkdtempSync(path.join(tmpdir(), 'engine-process-'));
  const config: EngineConfig = { dbFile: path.join(dir, 'pos.sqlite'), legacyDataDirs: [], appVersion: 'test', secrets: { key: randomBytes(32).toString('base64'), persistent: true, description: 'a test key' }, systemProxy: false };
  const updates: RunUpdate[] = [];
  const statuses: EngineStatus[] = [];
  const engineEvents: EngineEvent[] = [];
  const notifications: string[] = [];
  let current: ChildProcess | undefined;
  const supervisor = new EngineSupervisor({
    spawn: () => forkEngine((child) => (current = child)),
    config: () => config,
    answer:
      answer.answer ??
      (async (question) => {
        if (question.kind === 'updateStatus') return { enabled: false, detail: 'off in tests' };
        if (question.kind === 'chooseSavePath') return path.join(dir, question.options.defaultName);
        throw new Error(`unexpected question ${question.kind}`);
      }),
    onRunUpdate: (update) => void updates.push(update),
    onLogEntries: () => undefined,
    onNotify: (title) => void notifications.push(title),
    onStatus: (status) => void statuses.push(status),
    onEngineEvent: (event) => void engineEvents.push(event),
    maxRestarts: answer.maxRestarts,
  });
  return { dir, config, supervisor, updates, statuses, engineEvents, notifications, child: () => current! };
}
