import { BrowserWindow, session, shell } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';
import { denyAllPermissionChecks, denyAllPermissions, shouldBlockNavigation, windowOpenHandler } from './hardening';
import { mainWindowOptions } from './windowConfig';

/** The app's single window, hardened before any page loads. */
export function createMainWindow(paths: { preload: string; appUrl: string }, devTools: boolean): BrowserWindow {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler(denyAllPermissions);
  ses.setPermissionCheckHandler(denyAllPermissionChecks);
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  const window = new BrowserWindow(mainWindowOptions(paths.preload, { devTools }));
  window.webContents.setWindowOpenHandler(windowOpenHandler((url) => void shell.openExternal(url)));
  const refuse = (event: { preventDefault(): void }, url: string) => {
    if (!shouldBlockNavigation(url, paths.appUrl)) return;
    event.preventDefault();
    if (/^https?:/.test(url)) void shell.openExternal(url);
  };
  window.webContents.on('will-navigate', refuse);
  window.webContents.on('will-redirect', refuse);
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  void window.loadURL(paths.appUrl);
  return window;
}
