import type { RunRecord } from '../../../shared/model';
import { RunPhase, RunStatus, StepStatus } from '../../../shared/status';
import type { IconName } from './Icon';

export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

export interface Look {
  label: string;
  tone: Tone;
  icon: IconName;
}

const RUN: Record<RunStatus, Look> = {
  [RunStatus.NotStarted]: { label: 'Not started', tone: 'neutral', icon: 'pending' },
  [RunStatus.InProgress]: { label: 'Running', tone: 'info', icon: 'running' },
  [RunStatus.Completed]: { label: 'POS ready', tone: 'success', icon: 'check' },
  [RunStatus.Partial]: { label: 'Finished with problems', tone: 'warning', icon: 'warning' },
  [RunStatus.Failed]: { label: 'Stopped', tone: 'danger', icon: 'cross' },
};

/** How a run's state reads at a glance: words, a colour and an icon (never the colour alone). */
export function runLook(run: Pick<RunRecord, 'status' | 'phase'> | null | undefined): Look {
  if (!run) return RUN[RunStatus.NotStarted];
  if (run.status === RunStatus.InProgress && run.phase === RunPhase.WaitingForNetwork) return { label: 'Waiting for network', tone: 'warning', icon: 'offline' };
  if (run.status === RunStatus.InProgress && run.phase === RunPhase.Paused) return { label: 'Paused', tone: 'warning', icon: 'pause' };
  return RUN[run.status];
}

export const STEP_LOOK: Record<StepStatus, Look> = {
  // Not "Waiting": that word belongs to the run waiting for the network.
  [StepStatus.Pending]: { label: 'Not started', tone: 'neutral', icon: 'pending' },
  [StepStatus.Running]: { label: 'Running', tone: 'info', icon: 'running' },
  [StepStatus.Retrying]: { label: 'Retrying', tone: 'warning', icon: 'retry' },
  [StepStatus.Succeeded]: { label: 'Done', tone: 'success', icon: 'check' },
  [StepStatus.Failed]: { label: 'Failed', tone: 'danger', icon: 'cross' },
  [StepStatus.Skipped]: { label: 'Skipped', tone: 'neutral', icon: 'skip' },
};
