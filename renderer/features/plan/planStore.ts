import { create } from 'zustand';
import type { ApiError } from '../../../shared/ipc/result';
import type { ShopPlan } from '../../../shared/plan';
import { api } from '../../api';

interface PlanState {
  plans: Record<string, ShopPlan>;
  errors: Record<string, ApiError | null>;
  /** Shops whose plan is being read from the site now. */
  loading: Record<string, boolean>;
  load(shopId: string): Promise<void>;
}

/** Each shop's latest Preview, read from the site when the plan screen opens (or "Check again"). */
export const usePlans = create<PlanState>()((set) => ({
  plans: {},
  errors: {},
  loading: {},
  load: async (shopId) => {
    set((state) => ({ loading: { ...state.loading, [shopId]: true }, errors: { ...state.errors, [shopId]: null } }));
    const result = await api.planShop(shopId);
    set((state) => ({
      loading: { ...state.loading, [shopId]: false },
      ...(result.ok ? { plans: { ...state.plans, [shopId]: result.value } } : { errors: { ...state.errors, [shopId]: result.error } }),
    }));
  },
}));
