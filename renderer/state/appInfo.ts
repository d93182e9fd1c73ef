import { create } from 'zustand';
import type { AppInfo } from '../../shared/ipc/contract';
import type { ApiError } from '../../shared/ipc/result';
import { api } from '../api';

interface AppInfoState {
  info: AppInfo | null;
  error: ApiError | null;
  load(): Promise<void>;
}

/** The app's version and where it keeps API secrets (shown next to the secret fields). */
export const useAppInfo = create<AppInfoState>()((set) => ({
  info: null,
  error: null,
  load: async () => {
    const result = await api.appInfo();
    set(result.ok ? { info: result.value, error: null } : { error: result.error });
  },
}));
