import type { EngineEvent, PosApi, PosCommand, RunUpdate } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import type { LogEntry } from '../../shared/model';

/**
 * The preload-equivalent for the browser host: the same PosApi over same-origin HTTP (commands) and
 * Server-Sent Events (run updates, log entries). The host signed this browser in with an HttpOnly
 * cookie (from its one-time address), which same-origin requests carry by themselves.
 */
export function createHttpApi(): PosApi {
  const call =
    <K extends PosCommand>(command: K) =>
    async (payload?: unknown): Promise<Result<never>> => {
      try {
        const response = await fetch(`/api/${command}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Pos-Api': '1' }, body: JSON.stringify({ payload }) });
        if (!response.ok) return { ok: false, error: { code: 'host_refused', message: `The app host refused the request (${response.status}).`, hint: 'Reload the page.' } };
        return (await response.json()) as Result<never>;
      } catch {
        return { ok: false, error: { code: 'host_unreachable', message: 'The app host does not answer.', hint: 'Check that the host is still running, then reload.' } };
      }
    };
  const runListeners = new Set<(update: RunUpdate) => void>();
  const logListeners = new Set<(entries: LogEntry[]) => void>();
  const engineListeners = new Set<(event: EngineEvent) => void>();
  let source: EventSource | undefined;
  const connect = () => {
    if (source) return;
    source = new EventSource('/events');
    source.addEventListener('run-update', (event) => runListeners.forEach((l) => l(JSON.parse((event as MessageEvent<string>).data) as RunUpdate)));
    source.addEventListener('log-entries', (event) => logListeners.forEach((l) => l(JSON.parse((event as MessageEvent<string>).data) as LogEntry[])));
    source.addEventListener('engine', (event) => engineListeners.forEach((l) => l(JSON.parse((event as MessageEvent<string>).data) as EngineEvent)));
  };
  return {
    appInfo: call('appInfo'),
    listSites: call('listSites'),
    saveSite: call('saveSite'),
    removeSite: call('removeSite'),
    testConnection: call('testConnection'),
    checkSiteUrl: call('checkSiteUrl'),
    modesOfPayment: call('modesOfPayment'),
    chartsForCountry: call('chartsForCountry'),
    listShops: call('listShops'),
    saveShop: call('saveShop'),
    removeShop: call('removeShop'),
    previewUndo: call('previewUndo'),
    undoShop: call('undoShop'),
    checkShopFile: call('checkShopFile'),
    planShop: call('planShop'),
    checkShopOnSite: call('checkShopOnSite'),
    exportShopFile: call('exportShopFile'),
    getRun: call('getRun'),
    startRun: call('startRun'),
    continueRun: call('continueRun'),
    retryAll: call('retryAll'),
    skipStep: call('skipStep'),
    cancelRun: call('cancelRun'),
    checkFleetFile: call('checkFleetFile'),
    importFleet: call('importFleet'),
    fleetStatus: call('fleetStatus'),
    startFleet: call('startFleet'),
    pauseFleet: call('pauseFleet'),
    listRuns: call('listRuns'),
    runTimeline: call('runTimeline'),
    insights: call('insights'),
    saveHandoverSheet: call('saveHandoverSheet'),
    unskipStep: call('unskipStep'),
    tryNow: call('tryNow'),
    activeRuns: call('activeRuns'),
    checkShop: call('checkShop'),
    repairPlan: call('repairPlan'),
    repairShop: call('repairShop'),
    queryLogs: call('queryLogs'),
    countLogs: call('countLogs'),
    exportSupportBundle: call('exportSupportBundle'),
    onRunUpdate: (listener) => {
      connect();
      runListeners.add(listener);
      return () => runListeners.delete(listener);
    },
    onLogEntries: (listener) => {
      connect();
      logListeners.add(listener);
      return () => logListeners.delete(listener);
    },
    onEngineEvent: (listener) => {
      connect();
      engineListeners.add(listener);
      return () => engineListeners.delete(listener);
    },
  } satisfies PosApi;
}
