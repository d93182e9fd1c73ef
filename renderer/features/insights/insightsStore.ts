import { create } from 'zustand';
import type { Insights } from '../../../shared/history';
import type { ApiError } from '../../../shared/ipc/result';
import { api } from '../../api';

/** The Insights screen's numbers, asked from main when it opens (they are cheap: grouped queries). */
export const useInsights = create<{ insights: Insights | null; error: ApiError | null; load(): Promise<void> }>()((set) => ({
  insights: null,
  error: null,
  load: async () => {
    const result = await api.insights();
    set(result.ok ? { insights: result.value, error: null } : { error: result.error });
  },
}));
