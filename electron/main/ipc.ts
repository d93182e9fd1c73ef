import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { dispatch } from '../ipc/dispatch';
import type { Handlers } from '../ipc/handlers';
import { POS_COMMANDS, channelOf } from '../../shared/ipc/contract';
import { fail } from '../../shared/ipc/result';
import { isTrustedSender } from './hardening';

/**
 * One `ipcMain.handle` per use case. Each checks that the call comes from our window's main frame on
 * our page, validates the payload (in dispatch) and answers with a Result: nothing throws across IPC.
 */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, handlers: Handlers, window: () => { webContents: Pick<WebContents, 'mainFrame'> } | null, appUrl: string): () => void {
  for (const command of POS_COMMANDS) {
    ipcMain.handle(channelOf(command), (event: IpcMainInvokeEvent, payload: unknown) => {
      if (!isTrustedSender(event.senderFrame, window()?.webContents.mainFrame, appUrl)) {
        return fail({ code: 'forbidden', message: 'This request did not come from the POS Provisioner window.', hint: 'Only the app window may use the app.' });
      }
      return dispatch(handlers, command, payload);
    });
  }
  return () => POS_COMMANDS.forEach((command) => ipcMain.removeHandler(channelOf(command)));
}
