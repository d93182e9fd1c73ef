import type { PosApi } from '../../shared/ipc/contract';
import { createHttpApi } from './httpApi';

declare global {
  interface Window {
    /** Exposed by the Electron preload (contextBridge). Absent in the browser host. */
    posApi?: PosApi;
  }
}

/** The one way the page reaches main: the preload's API in Electron, the HTTP twin in the browser host. */
export const api: PosApi = window.posApi ?? createHttpApi();
