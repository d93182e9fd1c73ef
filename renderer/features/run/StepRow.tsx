import type { StepRecord } from '../../../shared/model';
import { StepStatus } from '../../../shared/status';
import { StepId, stepDefinition } from '../../../shared/steps/catalog';
import { hrefFor } from '../../state/navigation';
import { useRuns } from '../../state/runs';
import { useShop } from '../../state/shops';
import { StatusBadge } from '../ui/StatusBadge';
import { formatDuration } from '../ui/format';
import { type Look, STEP_LOOK } from '../ui/statusLook';
import { canRunAgain, canSkip } from './runActions';
import { SkipStepButton } from './SkipStepButton';
import { useNow } from './useNow';

const NOT_RUN: Look = { label: 'Not run', tone: 'neutral', icon: 'pending' };

interface StepRowProps {
  step: StepRecord;
  siteId: string;
  shopId: string;
  runId: string;
  runEnded: boolean;
}

/** "Run this step" on a skipped optional step; when the shop's settings switch it off, the way to switch it on. */
function RunAgain({ step, siteId, shopId }: Omit<StepRowProps, 'runId' | 'runEnded'>) {
  const send = useRuns((state) => state.send);
  const pending = useRuns((state) => Boolean(state.pending[shopId]));
  const shop = useShop(siteId, shopId);
  const { title } = stepDefinition(step.stepId);
  if (step.stepId === StepId.DemoItems && shop?.config.demoItems === false) {
    return (
      <a href={hrefFor({ name: 'editShop', siteId, shopId })} data-testid="unskip-step-off">
        Switch on in Edit shop
      </a>
    );
  }
  return (
    <button type="button" onClick={() => void send(shopId, { type: 'unskip', stepId: step.stepId })} disabled={pending} aria-label={`Run this step: ${title}`} data-testid="unskip-step">
      Run this step
    </button>
  );
}

/** One step: state (icon + word), what it does, what it is doing now, attempts, duration and its log. */
export function StepRow({ step, siteId, shopId, runId, runEnded }: StepRowProps) {
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
          {definition.optional && (
            <>
              <span className="tag" aria-hidden="true">
                Optional
              </span>
              <span className="visually-hidden"> (optional)</span>
            </>
          )}
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
      <div className="step-actions">
        {canSkip(step) && <SkipStepButton step={step} shopId={shopId} />}
        {canRunAgain(step) && <RunAgain step={step} siteId={siteId} shopId={shopId} />}
        {step.attempts > 0 && (
          <a href={hrefFor({ name: 'logs', siteId, shopId, filters: { stepId: step.stepId, runId } })} aria-label={`View the log of ${definition.title}`} data-testid="step-view-log">
            View log
          </a>
        )}
      </div>
    </li>
  );
}
