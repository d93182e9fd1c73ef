import { create } from 'zustand';
import type { ApiError, Result } from '../../shared/ipc/result';
import type { LogEntry } from '../../shared/model';
import { api } from '../api';
import { type LogFilters, NO_FILTERS, logQuery, matchesFilters } from './logQuery';
import { useRoute } from './navigation';

const FIRST_PAGE = 500;
const MAX_PAGE = 10_000;
/** `beforeId` past any id: the newest page. */
const NEWEST = Number.MAX_SAFE_INTEGER;
/**
 * Pushed entries are sent when logged, but written to SQLite by the logger within 100 ms
 * (electron/logging/logger.ts, flushMs): read them back a little after the push.
 */
const PUSH_SETTLE_MS = 150;

interface LogsState {
  shopId: string | null;
  filters: LogFilters;
  /** The newest matching entries, oldest first: a contiguous tail of the `total` the list spans. */
  entries: LogEntry[];
  /** Matching entries up to the newest loaded one (the list's length). */
  total: number;
  loading: boolean;
  loadingOlder: boolean;
  error: ApiError | null;
  open(shopId: string): void;
  close(): void;
  setFilters(patch: Partial<LogFilters>): void;
  /** Loads older pages until the list index `index` is loaded. */
  loadOlder(index: number): Promise<void>;
  /** Appends what was logged after the newest loaded entry. */
  fetchNewer(): Promise<void>;
  receive(entries: readonly Omit<LogEntry, 'id'>[]): void;
  /** Main asks where to save the support bundle (zip); null when the installer cancels. */
  exportBundle(shopId: string): Promise<Result<{ path: string; bytes: number } | null>>;
}

// Every reload (new shop, new filters) bumps the generation; answers for an older one are dropped.
let generation = 0;
let newer: { running: boolean; again: boolean; timer: ReturnType<typeof setTimeout> | undefined } = { running: false, again: false, timer: undefined };

export const useLogs = create<LogsState>()((set, get) => {
  const fail = (error: ApiError) => set({ error, loading: false, loadingOlder: false });

  const reload = async () => {
    const { shopId, filters } = get();
    if (!shopId) return;
    const mine = ++generation;
    clearTimeout(newer.timer);
    newer = { running: false, again: false, timer: undefined };
    set({ entries: [], total: 0, loading: true, loadingOlder: false, error: null });
    const query = logQuery(shopId, filters);
    const page = await api.queryLogs({ ...query, beforeId: NEWEST, limit: FIRST_PAGE });
    if (mine !== generation) return;
    if (!page.ok) return fail(page.error);
    const newest = page.value.at(-1);
    // Counted up to the newest entry read, so the list's length and its tail agree.
    const count = newest ? await api.countLogs({ ...query, beforeId: newest.id + 1 }) : { ok: true as const, value: 0 };
    if (mine !== generation) return;
    if (!count.ok) return fail(count.error);
    set({ entries: page.value, total: Math.max(count.value, page.value.length), loading: false });
    // Whatever was written between the two reads, or pushed while they ran.
    void get().fetchNewer();
  };

  const fetchSoon = () => {
    newer.timer ??= setTimeout(() => {
      newer.timer = undefined;
      void get().fetchNewer();
    }, PUSH_SETTLE_MS);
  };

  return {
    shopId: null,
    filters: NO_FILTERS,
    entries: [],
    total: 0,
    loading: false,
    loadingOlder: false,
    error: null,
    open: (shopId) => {
      if (get().shopId === shopId) return void reload();
      // Opened from a run's timeline (…/logs?step=…): filtered to that step from the start.
      const { route } = useRoute.getState();
      set({ shopId, filters: route.name === 'logs' && route.stepId ? { ...NO_FILTERS, stepId: route.stepId } : NO_FILTERS });
      void reload();
    },
    close: () => {
      generation++;
      clearTimeout(newer.timer);
      set({ shopId: null, entries: [], total: 0 });
    },
    setFilters: (patch) => {
      set((state) => ({ filters: { ...state.filters, ...patch } }));
      void reload();
    },
    loadOlder: async (index) => {
      const { shopId, filters, entries, total, loadingOlder, loading } = get();
      const firstLoaded = total - entries.length;
      const oldest = entries[0];
      if (!shopId || loading || loadingOlder || index >= firstLoaded || !oldest) return;
      const mine = generation;
      set({ loadingOlder: true });
      const limit = Math.min(MAX_PAGE, Math.max(FIRST_PAGE, firstLoaded - index + 200));
      const page = await api.queryLogs({ ...logQuery(shopId, filters), beforeId: oldest.id, limit });
      if (mine !== generation) return;
      if (!page.ok) return fail(page.error);
      set((state) => {
        const merged = [...page.value, ...state.entries];
        // Fewer than asked and still short: the list was over-counted; shrink it to what exists.
        const short = page.value.length < limit && merged.length < state.total;
        return { entries: merged, total: short ? merged.length : state.total, loadingOlder: false };
      });
    },
    fetchNewer: async () => {
      if (newer.running) return void (newer.again = true);
      const { shopId, filters, loading } = get();
      if (!shopId) return;
      if (loading) return fetchSoon();
      const mine = generation;
      newer.running = true;
      try {
        for (;;) {
          newer.again = false;
          const afterId = get().entries.at(-1)?.id ?? 0;
          const page = await api.queryLogs({ ...logQuery(shopId, filters), afterId, limit: MAX_PAGE });
          if (mine !== generation) return;
          if (!page.ok) return fail(page.error);
          if (page.value.length > 0) set((state) => ({ entries: [...state.entries, ...page.value], total: state.total + page.value.length }));
          if (page.value.length < MAX_PAGE && !newer.again) return;
        }
      } finally {
        if (mine === generation) newer.running = false;
      }
    },
    receive: (pushed) => {
      const { shopId, filters } = get();
      if (shopId && pushed.some((entry) => matchesFilters(entry, shopId, filters))) fetchSoon();
    },
    exportBundle: (shopId) => api.exportSupportBundle(shopId),
  };
});

/** Feeds pushed log entries to the open log (while the log viewer is on screen). */
export function followLogEntries(): () => void {
  return api.onLogEntries((entries) => useLogs.getState().receive(entries));
}
