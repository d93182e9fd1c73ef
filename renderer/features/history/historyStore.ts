import { create } from 'zustand';
import type { RunHistoryEntry, RunTimeline } from '../../../shared/history';
import type { ApiError } from '../../../shared/ipc/result';
import { api } from '../../api';

interface HistoryState {
  runs: Record<string, RunHistoryEntry[]>;
  timelines: Record<string, RunTimeline>;
  errors: Record<string, ApiError | null>;
  loadRuns(shopId: string): Promise<void>;
  loadTimeline(runId: string): Promise<void>;
}

/** A read replica of shops' run histories and of the timelines looked at. */
export const useHistory = create<HistoryState>()((set) => ({
  runs: {},
  timelines: {},
  errors: {},
  loadRuns: async (shopId) => {
    const result = await api.listRuns(shopId);
    set((state) => (result.ok ? { runs: { ...state.runs, [shopId]: result.value }, errors: { ...state.errors, [shopId]: null } } : { errors: { ...state.errors, [shopId]: result.error } }));
  },
  loadTimeline: async (runId) => {
    const result = await api.runTimeline(runId);
    set((state) => (result.ok ? { timelines: { ...state.timelines, [runId]: result.value }, errors: { ...state.errors, [runId]: null } } : { errors: { ...state.errors, [runId]: result.error } }));
  },
}));
