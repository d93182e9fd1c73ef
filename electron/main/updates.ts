import { type BrowserWindow, app, dialog } from 'electron';
import { autoUpdater } from 'electron-updater';
import { readSettings } from './settings';
import { UpdatePolicy } from './updatePolicy';

/**
 * electron-updater on the generic feed from settings.json; off (and About says why) without one, and
 * in development builds. autoDownload is off: the policy asks first, and never during a run.
 */
export function startUpdates(dataDir: string, window: () => BrowserWindow | null, isRunActive: () => boolean): UpdatePolicy {
  const settings = readSettings(dataDir);
  const feedUrl = app.isPackaged ? settings.updateFeedUrl : null;
  const offReason = app.isPackaged ? settings.updatesOff : 'Automatic updates apply to the installed app only (this is a development build).';
  if (feedUrl) {
    autoUpdater.autoDownload = false;
    // Installing on quit only ever follows the installer's yes to the download.
    autoUpdater.autoInstallOnAppQuit = true;
    autoUpdater.setFeedURL({ provider: 'generic', url: feedUrl });
  }
  const ask = async (message: string, detail: string, yes: string) => {
    const parent = window();
    const options = { type: 'question' as const, buttons: [yes, 'Later'], defaultId: 0, cancelId: 1, message, detail };
    const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
    return response === 0;
  };
  const policy = new UpdatePolicy({
    feedUrl,
    offReason,
    updater: feedUrl ? autoUpdater : undefined,
    isRunActive,
    askToDownload: (version) => ask(`POS Provisioner ${version} is available.`, 'Download it now? It installs when you quit or restart the app.', 'Download'),
    askToRestart: (version) => ask(`POS Provisioner ${version} is ready to install.`, 'Restart the app now to install it?', 'Restart now'),
  });
  policy.check();
  return policy;
}
