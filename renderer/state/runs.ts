import { create } from 'zustand';
import type { RunUpdate } from '../../shared/ipc/contract';
import type { ApiError, Result } from '../../shared/ipc/result';
import type { RunView } from '../../shared/runView';
import type { StepId } from '../../shared/steps/catalog';
import { api } from '../api';
import { announce } from './announcer';
import { useActiveRuns } from './activeRuns';
import { describeRunEvent, isNewerView } from './runEvents';

export type RunCommand =
  | { type: 'start' }
  | { type: 'continue' }
  | { type: 'retryAll' }
  | { type: 'pause' }
  | { type: 'tryNow' }
  | { type: 'skip'; stepId: StepId }
  | { type: 'unskip'; stepId: StepId };

interface RunsState {
  /** The latest view of each shop's run: main is the truth, this is its replica. */
  views: Record<string, RunView>;
  loadErrors: Record<string, ApiError | null>;
  /** The command in flight per shop (buttons wait for it). */
  pending: Record<string, RunCommand['type'] | null>;
  /** The last command main refused per shop (run_locked, refused…), until dismissed or another command. */
  actionErrors: Record<string, ApiError | null>;
  /** What changed on the site between the shop's Preview and the Start that followed it, by run. */
  planChanges: Record<string, { runId: string; differences: string[] }>;
  load(shopId: string): Promise<void>;
  send(shopId: string, command: RunCommand): Promise<void>;
  dismissError(shopId: string): void;
  receive(update: RunUpdate): void;
}

function call(shopId: string, command: RunCommand): Promise<Result<RunView | null>> {
  switch (command.type) {
    case 'start':
      return api.startRun(shopId);
    case 'continue':
      return api.continueRun(shopId);
    case 'retryAll':
      return api.retryAll(shopId);
    case 'pause':
      return api.cancelRun(shopId);
    case 'tryNow':
      return api.tryNow(shopId);
    case 'skip':
      return api.skipStep({ shopId, stepId: command.stepId });
    case 'unskip':
      return api.unskipStep({ shopId, stepId: command.stepId });
  }
}

export const useRuns = create<RunsState>()((set, get) => {
  const keepView = (view: RunView) => {
    if (isNewerView(view, get().views[view.shopId])) set((state) => ({ views: { ...state.views, [view.shopId]: view } }));
  };
  return {
    views: {},
    loadErrors: {},
    pending: {},
    actionErrors: {},
    planChanges: {},
    load: async (shopId) => {
      const result = await api.getRun(shopId);
      set((state) => ({ loadErrors: { ...state.loadErrors, [shopId]: result.ok ? null : result.error } }));
      // Unless a pushed update overtook the answer, this is where the run is now.
      if (result.ok) keepView(result.value);
    },
    send: async (shopId, command) => {
      set((state) => ({ pending: { ...state.pending, [shopId]: command.type }, actionErrors: { ...state.actionErrors, [shopId]: null } }));
      const result = await call(shopId, command);
      set((state) => ({ pending: { ...state.pending, [shopId]: null } }));
      if (!result.ok) {
        set((state) => ({ actionErrors: { ...state.actionErrors, [shopId]: result.error } }));
        announce(result.error.message);
      } else if (result.value) keepView(result.value);
    },
    dismissError: (shopId) => set((state) => ({ actionErrors: { ...state.actionErrors, [shopId]: null } })),
    receive: ({ view, events }) => {
      const previous = get().views[view.shopId];
      keepView(view);
      useActiveRuns.getState().follow(view);
      const changed = events.find((event) => event.type === 'run.plan_changed');
      if (changed) set((state) => ({ planChanges: { ...state.planChanges, [view.shopId]: { runId: view.run.id, differences: changed.differences } } }));
      const said = events.map((event) => describeRunEvent(event, previous)).filter(Boolean);
      if (said.length > 0) announce(`${view.shopName}: ${said.join(' ')}`);
    },
  };
});

/** Subscribes the replica to main's pushed run updates; call once at start-up. */
export function followRunUpdates(): () => void {
  return api.onRunUpdate((update) => useRuns.getState().receive(update));
}
