import type { PosCommand, RunUpdate, SavedDocument, UpdateStatus } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import type { LogEntry } from '../../shared/model';

// The messages between the main process and the engine process (an Electron utilityProcess in the
// app; a Node child process in tests). Plain data only: they cross a MessagePort (structured clone)
// or Node's IPC channel.

export interface EngineConfig {
  dbFile: string;
  /** Folders an older version kept its database in: moved into dbFile's folder before it opens. */
  legacyDataDirs: string[];
  appVersion: string;
  /** better-sqlite3 built for Electron's ABI (development), else the installed one. */
  nativeBinding?: string;
  /** The key API secrets are encrypted with in SQLite (base64, 32 bytes), and whether it outlives this session. */
  secrets: { key: string; persistent: boolean; description: string };
  /** Ask main for each site's proxy (the OS's settings and PAC script). */
  systemProxy: boolean;
}

export interface SaveDialogOptions {
  title: string;
  defaultName: string;
  extensions: string[];
}

/** What the engine asks main for: things only main can do (dialogs, the OS's proxy, the keychain). */
export type Question =
  | { kind: 'chooseSavePath'; options: SaveDialogOptions }
  | { kind: 'resolveProxy'; url: string }
  | { kind: 'updateStatus' }
  | { kind: 'decryptLegacySecrets'; ciphertexts: string[] }
  /** Print a document (the handover sheet) to PDF where the installer chooses: only main has windows. */
  | { kind: 'printToPdf'; options: { title: string; defaultName: string; html: string } };

export interface Answers {
  chooseSavePath: string | null;
  resolveProxy: string;
  updateStatus: UpdateStatus;
  /** Plain text per ciphertext, null where it cannot be decrypted. */
  decryptLegacySecrets: (string | null)[];
  printToPdf: SavedDocument | null;
}

export type MainToEngine =
  | { type: 'init'; config: EngineConfig }
  | { type: 'call'; id: number; command: PosCommand; payload: unknown }
  | { type: 'answer'; id: number; ok: true; value: unknown }
  | { type: 'answer'; id: number; ok: false; message: string }
  | { type: 'shutdown' };

export type EngineToMain =
  | { type: 'ready' }
  /** The engine cannot open its data (damaged, newer, unwritable database): restarting would not help. */
  | { type: 'failed'; message: string; hint: string }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'run-update'; update: RunUpdate }
  | { type: 'log-entries'; entries: LogEntry[] }
  | { type: 'notify'; title: string; body: string }
  | { type: 'ask'; id: number; question: Question }
  | { type: 'closed' };

/** One side of the channel. */
export interface Channel<Out, In> {
  post(message: Out): void;
  onMessage(listener: (message: In) => void): void;
}
