import type { StepRecord } from '../../../shared/model';
import type { RunView } from '../../../shared/runView';
import { RunPhase, RunStatus, StepStatus } from '../../../shared/status';
import { stepDefinition } from '../../../shared/steps/catalog';

export interface RunActions {
  start: boolean;
  continue: boolean;
  retryAll: boolean;
  pause: boolean;
  /** The one big button for where the run is. */
  primary: 'start' | 'continue' | null;
}

const isActive = (view: RunView) => view.run.phase === RunPhase.Running || view.run.phase === RunPhase.WaitingForNetwork;

/**
 * Which commands make sense now, mirroring the run statechart (electron/engine/machine.ts): Start from
 * idle, or after a finished run (a new run that re-checks everything and keeps the old one as history,
 * like the CLI's `run`); Continue from paused or finished when something is left to do; Retry all from
 * paused only (on a finished run it would do what "Start a new run" does, so only one of them is offered);
 * Pause while steps run or the run waits for the network.
 */
export function runActions(view: RunView): RunActions {
  const { status, phase } = view.run;
  const stoppedEarly = phase === RunPhase.Paused || (phase === RunPhase.Finished && status !== RunStatus.Completed);
  const actions = {
    start: (status === RunStatus.NotStarted && phase === RunPhase.Idle) || phase === RunPhase.Finished,
    continue: stoppedEarly,
    retryAll: phase === RunPhase.Paused,
    pause: isActive(view),
  };
  return { ...actions, primary: actions.continue ? 'continue' : status === RunStatus.NotStarted ? 'start' : null };
}

/** Only optional steps that have not run (or failed) can be skipped; main refuses the rest anyway. */
export function canSkip(step: StepRecord): boolean {
  return stepDefinition(step.stepId).optional && (step.status === StepStatus.Pending || step.status === StepStatus.Failed);
}

/** A skipped optional step can be brought back ("Run this step"). */
export function canRunAgain(step: StepRecord): boolean {
  return stepDefinition(step.stepId).optional && step.status === StepStatus.Skipped;
}

const quoted = (step: StepRecord) => `“${stepDefinition(step.stepId).title}”`;

/** What the installer should do next, in one sentence or two. */
export function nextMove(view: RunView): string {
  const failed = view.steps.find((step) => step.status === StepStatus.Failed);
  const notRun = view.steps.filter((step) => step.status === StepStatus.Pending);
  const skipped = view.steps.filter((step) => step.status === StepStatus.Skipped);
  switch (view.run.phase) {
    case RunPhase.Idle:
      return 'Press Start: the eleven steps run by themselves, and you can follow each one here.';
    case RunPhase.Running:
      return 'The run is going. You can leave this screen: it carries on, and Pause stops it where it is.';
    case RunPhase.WaitingForNetwork:
      return 'The site does not answer. The run waits and goes on by itself when the site is back; Try now asks at once.';
    case RunPhase.Paused:
      return 'The run is paused where it stopped. Continue resumes it; finished steps are kept.';
    case RunPhase.Finished:
      if (view.run.status === RunStatus.Completed) {
        const note = skipped.length > 0 ? ` ${skipped.map(quoted).join(', ')} was skipped: “Run this step” on its row adds it.` : '';
        return `POS ready: the till can sell. Start a new run to check everything again; nothing is created twice.${note}`;
      }
      if (view.run.status === RunStatus.Failed) return `The run stopped${failed ? ` at ${quoted(failed)}` : ''}. Fix the cause shown below, then press Continue.`;
      if (failed) {
        const optional = stepDefinition(failed.stepId).optional ? ', or skip it: it is optional' : '';
        return `Most of the shop is set up, but ${quoted(failed)} failed. Fix the cause shown below and press Continue${optional}.`;
      }
      return `Most of the shop is set up; ${notRun.map(quoted).join(', ') || 'a step'} has not run yet. Press Continue to run it.`;
  }
}
