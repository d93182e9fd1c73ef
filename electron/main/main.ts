import { existsSync } from 'node:fs';
import path from 'node:path';
import { type BrowserWindow, Notification, app, dialog, ipcMain, session } from 'electron';
import { loadDataKey } from '../engineHost/dataKey';
import type { Question } from '../engineHost/protocol';
import { type EngineStatus, EngineSupervisor } from '../engineHost/supervisor';
import { ENGINE_EVENT_CHANNEL, LOG_ENTRIES_CHANNEL, RUN_UPDATE_CHANNEL } from '../../shared/ipc/contract';
import { registerAppScheme, serveAppProtocol } from './appProtocol';
import { APP_URL } from './appUrl';
import { guardClose } from './closeGuard';
import { dataLocation } from './dataLocation';
import { forkEngine } from './engineProcess';
import { registerIpc } from './ipc';
import { decryptLegacySecrets, osKeychain } from './keychain';
import { installMenu } from './menu';
import { printToPdf } from './printPdf';
import { startUpdates } from './updates';
import type { UpdatePolicy } from './updatePolicy';
import { createMainWindow } from './window';

// Main is a coordinator: the window, dialogs, the keychain, the OS's proxy settings, updates and the
// IPC edge. The provisioning engine (runs, ERPNext client, SQLite) lives in a utility process.
// Bundled to dist/main/main.cjs; the preload to dist/preload; the engine to dist/engine; the page to dist/renderer.
const DIST = path.resolve(__dirname, '..');

/** In development better-sqlite3 is compiled for Node; `npm start` prepares an Electron build beside it. */
function nativeBinding(): string | undefined {
  const prepared = path.join(app.getAppPath(), '.electron-native', 'better_sqlite3.node');
  return !app.isPackaged && existsSync(prepared) ? prepared : undefined;
}

const location = dataLocation({ isPackaged: app.isPackaged });
if (location.userData) app.setPath('userData', location.userData);
registerAppScheme();

let window: BrowserWindow | null = null;
let updates: UpdatePolicy | undefined;

function notify(title: string, body: string): void {
  if (Notification.isSupported()) new Notification({ title, body }).show();
}

async function answer(question: Question) {
  switch (question.kind) {
    case 'chooseSavePath': {
      const { title, defaultName, extensions } = question.options;
      const options = { title, defaultPath: path.join(app.getPath('documents'), defaultName), filters: [{ name: extensions.join(', ').toUpperCase(), extensions }] };
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    }
    case 'resolveProxy':
      return session.defaultSession.resolveProxy(question.url);
    case 'updateStatus':
      return updates?.status() ?? { enabled: false, detail: 'Automatic updates are starting.' };
    case 'decryptLegacySecrets':
      return decryptLegacySecrets(question.ciphertexts);
    case 'printToPdf':
      return printToPdf(window, question.options);
  }
}

function onEngineStatus(status: EngineStatus): void {
  if (status.state === 'restarting') notify('POS Provisioner', `${status.message} A run that was going resumes where it stopped.`);
  if (status.state === 'failed' && window) dialog.showErrorBox('POS Provisioner: the engine stopped', `${status.message}${status.hint ? `\n\n${status.hint}` : ''}`);
}

function createSupervisor(): EngineSupervisor {
  const key = loadDataKey(location.dataDir, osKeychain());
  if (key.notice) notify('POS Provisioner', key.notice);
  return new EngineSupervisor({
    spawn: () => forkEngine(path.join(DIST, 'engine', 'engine.cjs')),
    config: () => ({
      dbFile: location.dbFile,
      legacyDataDirs: location.legacyDataDirs,
      appVersion: app.getVersion(),
      nativeBinding: nativeBinding(),
      secrets: { key: key.key.toString('base64'), persistent: key.persistent, description: key.description },
      systemProxy: true,
    }),
    answer,
    onRunUpdate: (update) => {
      window?.webContents.send(RUN_UPDATE_CHANNEL, update);
      updates?.runsChanged();
    },
    onLogEntries: (entries) => window?.webContents.send(LOG_ENTRIES_CHANNEL, entries),
    onNotify: notify,
    onStatus: onEngineStatus,
    // The window's banner ("The engine stopped; restarting…", then "Engine restarted; runs resumed").
    onEngineEvent: (event) => window?.webContents.send(ENGINE_EVENT_CHANNEL, event),
  });
}

async function start(): Promise<void> {
  const devTools = !app.isPackaged;
  const engine = createSupervisor();
  const started = engine.start();
  serveAppProtocol(path.join(DIST, 'renderer'));
  registerIpc(ipcMain, (command, payload) => engine.call(command, payload), () => window, APP_URL);
  installMenu(devTools);
  window = createMainWindow({ preload: path.join(DIST, 'preload', 'preload.cjs'), appUrl: APP_URL }, devTools);
  guardClose(window, { runningShops: () => engine.runningShops(), cancel: (shopId) => void engine.call('cancelRun', shopId) });
  window.on('closed', () => (window = null));
  updates = startUpdates(location.dataDir, () => window, () => engine.runningShops().length > 0);
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    // The engine closes its database first (logs flushed, WAL checkpointed); then the app quits.
    event.preventDefault();
    closed = true;
    void engine.shutdown().finally(() => app.quit());
  });
  try {
    await started;
  } catch (error) {
    dialog.showErrorBox('POS Provisioner cannot open its data', `${(error as Error).message}\n\n${(error as { hint?: string }).hint ?? ''}`.trim());
    app.exit(1);
  }
}

// One instance: a second launch focuses the first window (two writers on one run would be refused anyway).
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.whenReady().then(start, (error: unknown) => {
    dialog.showErrorBox('POS Provisioner could not start', String(error));
    app.exit(1);
  });
}
