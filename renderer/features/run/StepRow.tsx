import type { StepRecord } from '../../../shared/model';
import { StepStatus } from '../../../shared/status';
import { stepDefinition } from '../../../shared/steps/catalog';
import { StatusBadge } from '../ui/StatusBadge';
import { formatDuration } from '../ui/format';
import { type Look, STEP_LOOK } from '../ui/statusLook';
import { canSkip } from './runActions';
import { SkipStepButton } from './SkipStepButton';
import { useNow } from './useNow';

/** One step: state (icon + word), what it does, what it is doing now, attempts and duration. */
const NOT_RUN: Look = { label: 'Not run', tone: 'neutral', icon: 'pending' };

export function StepRow({ step, shopId, runEnded }: { step: StepRecord; shopId: string; runEnded: boolean }) {
  const definition = stepDefinition(step.stepId);
  const active = step.status === StepStatus.Running || step.status === StepStatus.Retrying;
  const now = useNow(1_000, active);
  const duration = active && step.startedAt ? now - Date.parse(step.startedAt) : step.durationMs;
  return (
    <li className={`step step-${step.status}`} data-testid={`step-${step.stepId}`} data-state={step.status} aria-labelledby={`title-${step.stepId}`}>
      <StatusBadge look={runEnded && step.status === StepStatus.Pending ? NOT_RUN : STEP_LOOK[step.status]} state={step.status} />
      <div className="step-main">
        <h3 id={`title-${step.stepId}`}>
          <span className="step-number">{definition.index + 1}.</span> {definition.title}
          {definition.optional && <span className="tag">Optional</span>}
        </h3>
        <p className="muted">{definition.summary}</p>
        {active && step.currentAction && (
          <p className="step-action" data-testid="step-action">
            {step.currentAction}
          </p>
        )}
        {step.status === StepStatus.Failed && step.error && <p className="step-error">{step.error.message}</p>}
      </div>
      <dl className="step-facts">
        {step.attempts > 0 && (
          <>
            <dt>Attempts</dt>
            <dd data-testid="step-attempts">{step.attempts}</dd>
          </>
        )}
        {duration !== null && (
          <>
            <dt>{active ? 'Running for' : 'Took'}</dt>
            <dd data-testid="step-duration">{formatDuration(duration)}</dd>
          </>
        )}
      </dl>
      {canSkip(step) && <SkipStepButton step={step} shopId={shopId} />}
    </li>
  );
}
