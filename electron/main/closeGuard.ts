import { type BrowserWindow, dialog } from 'electron';
import type { ProvisioningService } from '../service';
import { RunPhase } from '../../shared/status';

function activeShops(service: ProvisioningService): string[] {
  return service
    .listShops()
    .filter((shop) => {
      const phase = service.store.runs.latestForShop(shop.id)?.phase;
      return phase === RunPhase.Running || phase === RunPhase.WaitingForNetwork;
    })
    .map((shop) => shop.id);
}

/**
 * Closing the window during a run asks first; if the installer confirms, the run is paused (steps
 * stop, everything done so far is saved) and reopening the app offers Continue.
 */
export function guardClose(window: BrowserWindow, service: ProvisioningService): void {
  let confirmed = false;
  window.on('close', (event) => {
    const running = activeShops(service);
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
    for (const shopId of running) service.cancelRun(shopId);
    confirmed = true;
  });
}
