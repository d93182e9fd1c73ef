import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { ENGINE_EVENT_CHANNEL, type EngineEvent, LOG_ENTRIES_CHANNEL, type PosApi, type PosCommand, RUN_UPDATE_CHANNEL, type RunUpdate, channelOf } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import type { LogEntry } from '../../shared/model';

// The page's only door to main: one function per use case (never a generic invoke), each on its own
// channel, payloads validated again in main. Sandboxed preload: bundled to one CommonJS file.

const invoke =
  (command: PosCommand) =>
  (payload?: unknown): Promise<Result<never>> =>
    ipcRenderer.invoke(channelOf(command), payload) as Promise<Result<never>>;

function subscribe<T>(channel: string, listener: (value: T) => void): () => void {
  const handler = (_event: IpcRendererEvent, value: T) => listener(value);
  ipcRenderer.on(channel, handler);
  return () => ipcRenderer.removeListener(channel, handler);
}

const posApi = {
  appInfo: invoke('appInfo'),
  listSites: invoke('listSites'),
  saveSite: invoke('saveSite'),
  removeSite: invoke('removeSite'),
  testConnection: invoke('testConnection'),
  checkSiteUrl: invoke('checkSiteUrl'),
  modesOfPayment: invoke('modesOfPayment'),
  chartsForCountry: invoke('chartsForCountry'),
  listShops: invoke('listShops'),
  saveShop: invoke('saveShop'),
  removeShop: invoke('removeShop'),
  previewUndo: invoke('previewUndo'),
  undoShop: invoke('undoShop'),
  checkShopFile: invoke('checkShopFile'),
  planShop: invoke('planShop'),
  checkShopOnSite: invoke('checkShopOnSite'),
  exportShopFile: invoke('exportShopFile'),
  getRun: invoke('getRun'),
  startRun: invoke('startRun'),
  continueRun: invoke('continueRun'),
  retryAll: invoke('retryAll'),
  skipStep: invoke('skipStep'),
  cancelRun: invoke('cancelRun'),
  checkFleetFile: invoke('checkFleetFile'),
  importFleet: invoke('importFleet'),
  fleetStatus: invoke('fleetStatus'),
  startFleet: invoke('startFleet'),
  pauseFleet: invoke('pauseFleet'),
  listRuns: invoke('listRuns'),
  runTimeline: invoke('runTimeline'),
  insights: invoke('insights'),
  saveHandoverSheet: invoke('saveHandoverSheet'),
  unskipStep: invoke('unskipStep'),
  tryNow: invoke('tryNow'),
  activeRuns: invoke('activeRuns'),
  checkShop: invoke('checkShop'),
  repairPlan: invoke('repairPlan'),
  repairShop: invoke('repairShop'),
  queryLogs: invoke('queryLogs'),
  countLogs: invoke('countLogs'),
  exportSupportBundle: invoke('exportSupportBundle'),
  onRunUpdate: (listener: (update: RunUpdate) => void) => subscribe(RUN_UPDATE_CHANNEL, listener),
  onLogEntries: (listener: (entries: LogEntry[]) => void) => subscribe(LOG_ENTRIES_CHANNEL, listener),
  onEngineEvent: (listener: (event: EngineEvent) => void) => subscribe(ENGINE_EVENT_CHANNEL, listener),
} satisfies PosApi;

contextBridge.exposeInMainWorld('posApi', posApi);
