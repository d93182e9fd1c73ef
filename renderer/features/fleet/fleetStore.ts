import { create } from 'zustand';
import type { FleetStatus } from '../../../shared/fleet';
import type { FleetCheck, FleetImported } from '../../../shared/ipc/contract';
import type { ApiError, Result } from '../../../shared/ipc/result';
import { api } from '../../api';
import { announce } from '../../state/announcer';

interface FleetState {
  /** Each site's fleet rows as main last reported them (main is the truth). */
  bySite: Record<string, FleetStatus>;
  errors: Record<string, ApiError | null>;
  /** The command in flight per site (its buttons wait for it). */
  pending: Record<string, 'start' | 'failed' | 'pause' | null>;
  load(siteId: string): Promise<void>;
  start(siteId: string, which: 'all' | 'failed'): Promise<void>;
  pause(siteId: string): Promise<void>;
  check(text: string, fileName: string): Promise<Result<FleetCheck>>;
  import(siteId: string, text: string, fileName: string): Promise<Result<FleetImported>>;
}

/** A read replica of each site's fleet plus the commands that drive it. */
export const useFleet = create<FleetState>()((set, get) => {
  const command = async (siteId: string, kind: 'start' | 'failed' | 'pause', call: () => Promise<Result<unknown>>) => {
    set((state) => ({ pending: { ...state.pending, [siteId]: kind }, errors: { ...state.errors, [siteId]: null } }));
    const result = await call();
    set((state) => ({ pending: { ...state.pending, [siteId]: null } }));
    if (!result.ok) {
      set((state) => ({ errors: { ...state.errors, [siteId]: result.error } }));
      announce(result.error.message);
    }
    await get().load(siteId);
  };
  return {
    bySite: {},
    errors: {},
    pending: {},
    load: async (siteId) => {
      const result = await api.fleetStatus(siteId);
      set((state) => (result.ok ? { bySite: { ...state.bySite, [siteId]: result.value } } : { errors: { ...state.errors, [siteId]: result.error } }));
    },
    start: (siteId, which) => command(siteId, which === 'all' ? 'start' : 'failed', () => api.startFleet({ siteId, which })),
    pause: (siteId) => command(siteId, 'pause', () => api.pauseFleet(siteId)),
    check: (text, fileName) => api.checkFleetFile({ text, fileName }),
    import: async (siteId, text, fileName) => {
      const result = await api.importFleet({ siteId, text, fileName });
      if (result.ok && result.value.saved) await get().load(siteId);
      return result;
    },
  };
});

/**
 * Keeps a site's fleet current while its view is open: every pushed run update of one of its shops asks
 * main again (a few times a second at most), and while a fleet runs a slow poll catches shops leaving
 * the queue.
 */
export function followFleet(siteId: string): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const soon = () => {
    timer ??= setTimeout(() => {
      timer = undefined;
      void useFleet.getState().load(siteId);
    }, 300);
  };
  const stopUpdates = api.onRunUpdate(({ view }) => {
    if (useFleet.getState().bySite[siteId]?.shops.some((row) => row.shopId === view.shopId)) soon();
  });
  const poll = setInterval(() => {
    if (useFleet.getState().bySite[siteId]?.active) soon();
  }, 1_500);
  return () => {
    stopUpdates();
    clearInterval(poll);
    clearTimeout(timer);
  };
}
