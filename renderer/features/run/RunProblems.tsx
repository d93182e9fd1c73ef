import { useRef } from 'react';
import type { StepRecord } from '../../../shared/model';
import type { RunView } from '../../../shared/runView';
import { StepStatus } from '../../../shared/status';
import { type StepId, stepDefinition } from '../../../shared/steps/catalog';
import { type LogLink, hrefFor } from '../../state/navigation';
import { type ErrorAttempt, ErrorCard, type ErrorCardLinks } from './ErrorCard';

/** The step attempt's id ("s8-1a2b3c4d") from a request's ("s8-1a2b3c4d.7"): the log shows the attempt and all its requests. */
const attemptOf = (correlationId: string) => correlationId.replace(/\.\d+$/, '');

/**
 * Which attempt each failure is, and whether the one before it (seen on this screen) failed the same way:
 * a Continue that fails again must not look like nothing happened.
 */
function useAttempts(failed: StepRecord[]): Map<StepId, ErrorAttempt> {
  const seen = useRef(new Map<StepId, { attempts: number; key: string; sameAsBefore: boolean }>());
  const result = new Map<StepId, ErrorAttempt>();
  for (const step of failed) {
    const key = `${step.error!.code}|${step.error!.message}|${step.error!.serverMessage ?? ''}`;
    const before = seen.current.get(step.stepId);
    const entry = before && before.attempts === step.attempts ? before : { attempts: step.attempts, key, sameAsBefore: Boolean(before && before.attempts < step.attempts && before.key === key) };
    seen.current.set(step.stepId, entry);
    result.set(step.stepId, { attempt: step.attempts, at: step.finishedAt, sameAsBefore: entry.sameAsBefore });
  }
  return result;
}

/** An error card per failed step; the run's own error when no step carries it (the network gave up). */
export function RunProblems({ view, siteId }: { view: RunView; siteId: string }) {
  const failed = view.steps.filter((step) => step.status === StepStatus.Failed && step.error);
  const attempts = useAttempts(failed);
  if (failed.length === 0 && !view.run.error) return null;
  const logHref = (filters: LogLink) => hrefFor({ name: 'logs', siteId, shopId: view.shopId, filters });
  const linksFor = (stepId: StepId | undefined, correlationId: string | undefined): ErrorCardLinks => ({
    showInLog: correlationId ? logHref({ correlationId: attemptOf(correlationId) }) : logHref({ runId: view.run.id, ...(stepId ? { stepId } : {}) }),
    reference: (id) => logHref({ correlationId: id }),
  });
  return (
    <section className="run-problems" aria-label="Problems">
      {failed.map((step) => (
        <ErrorCard
          key={step.stepId}
          title={`${stepDefinition(step.stepId).title} failed`}
          error={step.error!}
          stepId={step.stepId}
          attempt={attempts.get(step.stepId)}
          links={linksFor(step.stepId, step.error!.correlationId)}
        />
      ))}
      {failed.length === 0 && view.run.error && <ErrorCard title="The run stopped" error={view.run.error} links={linksFor(undefined, view.run.error.correlationId)} />}
    </section>
  );
}
