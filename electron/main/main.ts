import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserWindow, Notification, app, dialog, ipcMain } from 'electron';
import { forwardEvents } from '../ipc/events';
import { createHandlers } from '../ipc/handlers';
import type { HostPorts } from '../ipc/ports';
import { ProvisioningService } from '../service';
import { StoreError } from '../store';
import { LOG_ENTRIES_CHANNEL, RUN_UPDATE_CHANNEL } from '../../shared/ipc/contract';
import { guardClose } from './closeGuard';
import { registerIpc } from './ipc';
import { installMenu } from './menu';
import { SafeStorageSecretStore } from './secrets';
import { createMainWindow } from './window';

// Bundled to dist/main/main.cjs; the preload to dist/preload/preload.cjs; the page to dist/renderer.
const DIST = path.resolve(__dirname, '..');
const APP_URL = pathToFileURL(path.join(DIST, 'renderer', 'index.html')).href;

/** In development better-sqlite3 is compiled for Node; `npm start` prepares an Electron build beside it. */
function nativeBinding(): string | undefined {
  const prepared = path.join(app.getAppPath(), '.electron-native', 'better_sqlite3.node');
  return !app.isPackaged && existsSync(prepared) ? prepared : undefined;
}

let window: BrowserWindow | null = null;

async function start(): Promise<void> {
  const devTools = !app.isPackaged;
  let service: ProvisioningService;
  try {
    service = new ProvisioningService({
      dbFile: path.join(app.getPath('userData'), 'pos-provisioner.sqlite'),
      secrets: (store) => new SafeStorageSecretStore(store),
      appVersion: app.getVersion(),
      nativeBinding: nativeBinding(),
    });
  } catch (error) {
    const hint = error instanceof StoreError ? `\n\n${error.hint}` : '';
    dialog.showErrorBox('POS Provisioner cannot open its data', `${(error as Error).message}${hint}`);
    app.exit(1);
    return;
  }
  const ports: HostPorts = {
    host: 'electron',
    appVersion: app.getVersion(),
    chooseSavePath: async ({ title, defaultName, extensions }) => {
      const result = await dialog.showSaveDialog(window!, { title, defaultPath: path.join(app.getPath('documents'), defaultName), filters: [{ name: extensions.join(', ').toUpperCase(), extensions }] });
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    notify: (title, body) => {
      if (Notification.isSupported()) new Notification({ title, body }).show();
    },
  };
  registerIpc(ipcMain, createHandlers(service, ports), () => window, APP_URL);
  forwardEvents(service, {
    runUpdate: (update) => window?.webContents.send(RUN_UPDATE_CHANNEL, update),
    logEntries: (entries) => window?.webContents.send(LOG_ENTRIES_CHANNEL, entries),
  }, ports);
  installMenu(devTools);
  window = createMainWindow({ preload: path.join(DIST, 'preload', 'preload.cjs'), appUrl: APP_URL }, devTools);
  guardClose(window, service);
  window.on('closed', () => (window = null));
  app.on('before-quit', () => service.close());
}

// Tests and side-by-side installs can point the app at their own data folder.
if (process.env.POS_PROVISIONER_USER_DATA) app.setPath('userData', process.env.POS_PROVISIONER_USER_DATA);

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
