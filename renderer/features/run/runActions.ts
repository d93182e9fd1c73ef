import type { StepRecord } from '../../../shared/model';
import type { RunView } from '../../../shared/runView';
import { RunPhase, RunStatus, StepStatus } from '../../../shared/status';
import { stepDefinition } from '../../../shared/steps/catalog';

export interface RunActions {
  start: boolean;
  continue: boolean;
  retryAll: boolean;
  cancel: boolean;
  /** The one big button for where the run is. */
  primary: 'start' | 'continue' | null;
}

const isActive = (view: RunView) => view.run.phase === RunPhase.Running || view.run.phase === RunPhase.WaitingForNetwork;

/**
 * Which commands make sense now, mirroring the run statechart (electron/engine/machine.ts): Start from
 * idle, or after a finished run (a new run that re-checks everything and keeps the old one as history,
 * like the CLI's `run`); Continue and Retry all from paused or finished (Continue only when something
 * is left to do); Cancel while steps run or the run waits for the network.
 */
export function runActions(view: RunView): RunActions {
  const { status, phase } = view.run;
  const stoppedEarly = phase === RunPhase.Paused || (phase === RunPhase.Finished && status !== RunStatus.Completed);
  const actions = {
    start: (status === RunStatus.NotStarted && phase === RunPhase.Idle) || phase === RunPhase.Finished,
    continue: stoppedEarly,
    retryAll: phase === RunPhase.Paused || phase === RunPhase.Finished,
    cancel: isActive(view),
  };
  return { ...actions, primary: actions.continue ? 'continue' : status === RunStatus.NotStarted ? 'start' : null };
}

/** Only optional steps that have not run (or failed) can be skipped; main refuses the rest anyway. */
export function canSkip(step: StepRecord): boolean {
  return stepDefinition(step.stepId).optional && (step.status === StepStatus.Pending || step.status === StepStatus.Failed);
}

/** What the installer should do next, in one sentence. */
export function nextMove(view: RunView): string {
  const failed = view.steps.find((step) => step.status === StepStatus.Failed);
  const where = failed ? ` at “${stepDefinition(failed.stepId).title}”` : '';
  switch (view.run.phase) {
    case RunPhase.Idle:
      return 'Press Start: the eleven steps run by themselves, and you can follow each one here.';
    case RunPhase.Running:
      return 'The run is going. You can leave this screen: it carries on, and Cancel pauses it.';
    case RunPhase.WaitingForNetwork:
      return 'The site does not answer. The run waits and goes on by itself when the site is back.';
    case RunPhase.Paused:
      return 'The run is paused where it stopped. Continue resumes it; finished steps are kept.';
    case RunPhase.Finished:
      if (view.run.status === RunStatus.Completed) return 'POS ready: the till can sell. Start a new run to check everything again; nothing is created twice.';
      if (view.run.status === RunStatus.Failed) return `The run stopped${where}. Fix the cause shown below, then press Continue.`;
      return `Most of the shop is set up, but a step failed${where}. Fix it and press Continue, or skip it if it is optional.`;
  }
}
