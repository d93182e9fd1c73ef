import { type BrowserWindow, dialog } from 'electron';

export interface RunningShops {
  runningShops(): string[];
  cancel(shopId: string): void;
}

/**
 * Closing the window during a run asks first; if the installer confirms, the run is paused (steps
 * stop, everything done so far is saved) and reopening the app offers Continue.
 */
export function guardClose(window: BrowserWindow, runs: RunningShops): void {
  let confirmed = false;
  window.on('close', (event) => {
    const running = runs.runningShops();
    if (confirmed || running.length === 0) return;
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      buttons: ['Pause and close', 'Keep running'],
      defaultId: 1,
      cancelId: 1,
      title: 'A run is in progress',
      message: 'A shop is being set up right now.',
      detail: 'If you close, the run pauses safely. Open the app again and choose Continue to finish it: nothing already done is repeated.',
    });
    if (choice !== 0) {
      event.preventDefault();
      return;
    }
    for (const shopId of running) runs.cancel(shopId);
    confirmed = true;
  });
}
