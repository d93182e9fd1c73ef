import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { invalidInput } from '../ipc/validate';
import { POS_COMMANDS, type PosCommand, channelOf } from '../../shared/ipc/contract';
import { COMMAND_INPUTS } from '../../shared/ipc/schemas';
import { type Result, fail } from '../../shared/ipc/result';
import { isTrustedSender } from './hardening';

/** Runs a validated command (in the app: relayed to the engine process). */
export type Invoke = (command: PosCommand, payload: unknown) => Promise<Result<unknown>>;

/**
 * One `ipcMain.handle` per use case. Each checks that the call comes from our window's main frame on
 * our page and validates the payload here, at the edge, before anything reaches the engine process
 * (which validates again in `dispatch`): nothing throws across IPC.
 */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, invoke: Invoke, window: () => { webContents: Pick<WebContents, 'mainFrame'> } | null, appUrl: string): () => void {
  for (const command of POS_COMMANDS) {
    ipcMain.handle(channelOf(command), (event: IpcMainInvokeEvent, payload: unknown) => {
      if (!isTrustedSender(event.senderFrame, window()?.webContents.mainFrame, appUrl)) {
        return fail({ code: 'forbidden', message: 'This request did not come from the POS Provisioner window.', hint: 'Only the app window may use the app.' });
      }
      const input = COMMAND_INPUTS[command].safeParse(payload);
      return input.success ? invoke(command, input.data) : fail(invalidInput(input.error));
    });
  }
  return () => POS_COMMANDS.forEach((command) => ipcMain.removeHandler(channelOf(command)));
}
