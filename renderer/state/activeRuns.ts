import { create } from 'zustand';
import type { ActiveRun } from '../../shared/ipc/contract';
import type { RunView } from '../../shared/runView';
import { RunPhase } from '../../shared/status';
import { api } from '../api';

const GOING: readonly string[] = [RunPhase.Running, RunPhase.WaitingForNetwork];

interface ActiveRunsState {
  runs: ActiveRun[];
  loaded: boolean;
  load(): Promise<void>;
  /** A pushed run view: its progress in place, or the list asked again when a run starts or stops. */
  follow(view: RunView): void;
}

/** Runs going now on every site (this window's and other processes'), for the indicator on every screen. */
export const useActiveRuns = create<ActiveRunsState>()((set, get) => ({
  runs: [],
  loaded: false,
  load: async () => {
    const result = await api.activeRuns();
    if (result.ok) set({ runs: result.value, loaded: true });
  },
  follow: (view) => {
    const listed = get().runs.find((run) => run.shopId === view.shopId);
    const going = GOING.includes(view.run.phase);
    if (listed && going) set({ runs: get().runs.map((run) => (run.shopId === view.shopId ? { ...run, phase: view.run.phase, progress: view.progress } : run)) });
    else if (listed) set({ runs: get().runs.filter((run) => run.shopId !== view.shopId) });
    // A run that was not listed started: ask main (it knows the shop's site and name).
    else if (going) void get().load();
  },
}));
