import { create } from 'zustand';
import type { DoctorReport, RepairPlan } from '../../../shared/doctor';
import type { ApiError } from '../../../shared/ipc/result';
import { api } from '../../api';
import { announce } from '../../state/announcer';
import { useRuns } from '../../state/runs';
import { HEALTH_LABEL } from '../../../shared/doctor';

export type DoctorBusy = 'checking' | 'planning' | 'starting' | null;

export interface ShopDoctor {
  report: DoctorReport | null;
  /** The repair plan being shown (Repair pressed), until it runs or is dismissed. */
  plan: RepairPlan | null;
  /** The repair run going: once it finishes, the shop is checked again. */
  repairRunId: string | null;
  busy: DoctorBusy;
  error: ApiError | null;
}

interface DoctorState {
  shops: Record<string, ShopDoctor>;
  check(shopId: string): Promise<void>;
  planRepair(shopId: string): Promise<void>;
  repair(shopId: string): Promise<void>;
  dismissPlan(shopId: string): void;
  /** The repair run finished: check the shop again (once). */
  afterRepair(shopId: string): Promise<void>;
}

const EMPTY: ShopDoctor = { report: null, plan: null, repairRunId: null, busy: null, error: null };

/** Check shop and Repair for each shop: main reads and repairs, this keeps what it answered. */
export const useDoctor = create<DoctorState>()((set, get) => {
  const patch = (shopId: string, values: Partial<ShopDoctor>) => set((state) => ({ shops: { ...state.shops, [shopId]: { ...(state.shops[shopId] ?? EMPTY), ...values } } }));
  const failed = (shopId: string, error: ApiError) => {
    patch(shopId, { busy: null, error });
    announce(error.message);
  };
  return {
    shops: {},
    check: async (shopId) => {
      patch(shopId, { busy: 'checking', error: null, plan: null });
      const result = await api.checkShop(shopId);
      if (!result.ok) return failed(shopId, result.error);
      patch(shopId, { busy: null, report: result.value });
      const count = result.value.findings.length;
      announce(`Shop checked: ${HEALTH_LABEL[result.value.health]}${count ? `, ${count} finding${count === 1 ? '' : 's'}` : ''}.`);
    },
    planRepair: async (shopId) => {
      patch(shopId, { busy: 'planning', error: null });
      const result = await api.repairPlan(shopId);
      if (!result.ok) return failed(shopId, result.error);
      patch(shopId, { busy: null, plan: result.value, report: result.value.report });
    },
    repair: async (shopId) => {
      const plan = get().shops[shopId]?.plan;
      if (!plan || plan.steps.length === 0) return;
      patch(shopId, { busy: 'starting', error: null });
      const result = await api.repairShop({ shopId, steps: plan.steps });
      if (!result.ok) return failed(shopId, result.error);
      useRuns.getState().receive({ view: result.value, events: [] });
      patch(shopId, { busy: null, plan: null, repairRunId: result.value.run.id });
    },
    dismissPlan: (shopId) => patch(shopId, { plan: null }),
    afterRepair: async (shopId) => {
      patch(shopId, { repairRunId: null });
      await get().check(shopId);
    },
  };
});

export const shopDoctor = (state: DoctorState, shopId: string): ShopDoctor => state.shops[shopId] ?? EMPTY;
