import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { BrowserWindow, app, dialog, session } from 'electron';
import type { SavedDocument } from '../../shared/ipc/contract';

/** A session of its own: nothing of the app's (cookies, the CSP header hook, permissions) reaches the print window. */
const PRINT_PARTITION = 'handover-print';

/**
 * Prints an HTML document the engine made (the handover sheet) to a PDF where the installer chooses.
 * The document is rendered in a hidden window with no script, no preload and no network: it is data
 * from a shop file and ERPNext, shown as a page and nothing more.
 */
export async function printToPdf(parent: BrowserWindow | null, options: { title: string; defaultName: string; html: string }): Promise<SavedDocument | null> {
  const dialogOptions = { title: options.title, defaultPath: path.join(app.getPath('documents'), options.defaultName), filters: [{ name: 'PDF', extensions: ['pdf'] }] };
  const chosen = parent ? await dialog.showSaveDialog(parent, dialogOptions) : await dialog.showSaveDialog(dialogOptions);
  if (chosen.canceled || !chosen.filePath) return null;
  const printSession = session.fromPartition(PRINT_PARTITION);
  printSession.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  // The sheet needs no resource at all: any request it would make (an image, a font, a link) is refused.
  printSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !details.url.startsWith('data:') }));
  const window = new BrowserWindow({ show: false, webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, session: printSession, spellcheck: false } });
  try {
    window.webContents.on('will-navigate', (event) => event.preventDefault());
    window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    await window.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(options.html, 'utf8').toString('base64')}`);
    // The sheet's own @page rule sets A4 and its margins; a tagged PDF keeps headings and lists for screen readers.
    const pdf = await window.webContents.printToPDF({ pageSize: 'A4', preferCSSPageSize: true, printBackground: true, generateTaggedPDF: true });
    writeFileSync(chosen.filePath, pdf);
    return { path: chosen.filePath, format: 'pdf' };
  } finally {
    window.destroy();
  }
}
