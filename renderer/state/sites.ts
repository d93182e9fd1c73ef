import { create } from 'zustand';
import type { SiteInput, SiteSummary } from '../../shared/ipc/contract';
import type { ApiError, Result } from '../../shared/ipc/result';
import type { ConnectionCheck } from '../../shared/model';
import { api } from '../api';

export interface ConnectionTest {
  running: boolean;
  /** What this session's test found (the saved `lastCheck` is shown until then). */
  check: ConnectionCheck | null;
  /** The call itself failed (not the connection: that is `check.ok === false`). */
  error: ApiError | null;
}

interface SitesState {
  sites: SiteSummary[];
  loaded: boolean;
  loadError: ApiError | null;
  tests: Record<string, ConnectionTest>;
  load(): Promise<void>;
  /**
   * Loads the sites and tests each one that has its secret again, in the background: a result from
   * yesterday says nothing about today (the site may be down, the key revoked). Once per page load.
   */
  loadAndRecheck(): Promise<void>;
  save(input: SiteInput): Promise<Result<SiteSummary>>;
  remove(siteId: string): Promise<Result<null>>;
  test(siteId: string): Promise<void>;
}

let rechecked = false;

/** A read replica of main's sites plus the commands that change them. Main keeps the secrets. */
export const useSites = create<SitesState>()((set, get) => ({
  sites: [],
  loaded: false,
  loadError: null,
  tests: {},
  load: async () => {
    const result = await api.listSites();
    set(result.ok ? { sites: result.value, loaded: true, loadError: null } : { loaded: true, loadError: result.error });
  },
  loadAndRecheck: async () => {
    await get().load();
    if (rechecked) return;
    rechecked = true;
    for (const site of get().sites) if (site.hasSecret) void get().test(site.id);
  },
  save: async (input) => {
    const result = await api.saveSite(input);
    if (result.ok) await get().load();
    return result;
  },
  remove: async (siteId) => {
    const result = await api.removeSite(siteId);
    if (result.ok) await get().load();
    return result;
  },
  test: async (siteId) => {
    const setTest = (test: ConnectionTest) => set((state) => ({ tests: { ...state.tests, [siteId]: test } }));
    const previous = get().tests[siteId];
    setTest({ running: true, check: previous?.check ?? null, error: null });
    const result = await api.testConnection(siteId);
    setTest(result.ok ? { running: false, check: result.value, error: null } : { running: false, check: null, error: result.error });
    if (result.ok) await get().load();
  },
}));

export const useSite = (siteId: string) => useSites((state) => state.sites.find((site) => site.id === siteId));
