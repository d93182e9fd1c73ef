import type { StepRecord } from '../../shared/model';
import { SETTLED_OK, StepStatus } from '../../shared/status';
import { emptyStep } from './runState';

// A repair run (issue 10, doctor): a new run that starts from the last one, running again only the steps
// the findings name and those built on them.

/** A step of the run before a repair: kept when it settled well and is not repaired, pending otherwise. */
export function carriedOver(step: StepRecord, repaired: boolean): StepRecord {
  if (repaired || !SETTLED_OK.includes(step.status)) return emptyStep(step.stepId);
  const { effects: _done, ...outputs } = step.outputs ?? {};
  return { ...step, outputs: step.status === StepStatus.Succeeded ? outputs : step.outputs, currentAction: null };
}

export class RunNotFinishedError extends Error {
  readonly hint = 'Continue the run (or let it finish) first: a repair starts from a finished run.';
  constructor(shopName: string) {
    super(`The run of "${shopName}" has not finished, so there is nothing to repair yet.`);
    this.name = 'RunNotFinishedError';
  }
}

