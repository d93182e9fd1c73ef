import { type RefObject, useEffect, useRef } from 'react';
import type { RunView } from '../../../shared/runView';
import { RunPhase, StepStatus } from '../../../shared/status';
import type { StepId } from '../../../shared/steps/catalog';
import { StepRow } from './StepRow';

const isActive = (status: StepStatus) => status === StepStatus.Running || status === StepStatus.Retrying;

function inView(element: Element | null): boolean {
  if (!element) return false;
  const box = element.getBoundingClientRect();
  return box.bottom > 0 && box.top < window.innerHeight;
}

/**
 * Keeps the running steps on screen as the run moves down the list (at 1280×800 the last steps are below
 * the fold) — but only while the installer is watching them: when the step that was running is out of
 * view (they scrolled to an error card or the readiness list), the page is left where they put it.
 * A running row grows when its action line appears or changes (and the "now" line above can wrap), so
 * the rows are brought into view again then, not only when another step starts.
 */
function useActiveStepsInView(list: RefObject<HTMLOListElement | null>, activeSteps: RunView['steps']): void {
  const previous = useRef<StepId[]>([]);
  const active = activeSteps.map((step) => step.stepId);
  const key = activeSteps.map((step) => `${step.stepId}:${step.currentAction ?? ''}`).join('\n');
  useEffect(() => {
    const rowOf = (stepId: StepId) => list.current?.querySelector(`[data-testid="step-${stepId}"]`) ?? null;
    const watching = previous.current.length === 0 || previous.current.some((stepId) => inView(rowOf(stepId)));
    previous.current = active;
    if (!watching || active.length === 0) return;
    const rows = active.map(rowOf).filter((row): row is Element => row !== null);
    // The last active row into view first, then the first, so both show when they fit.
    rows.at(-1)?.scrollIntoView({ block: 'nearest' });
    rows[0]?.scrollIntoView({ block: 'nearest' });
  }, [key]);
}

/** The eleven steps in catalog order, each with its state, time, attempts and current action. */
export function StepList({ view, siteId }: { view: RunView; siteId: string }) {
  const list = useRef<HTMLOListElement>(null);
  useActiveStepsInView(
    list,
    view.steps.filter((step) => isActive(step.status)),
  );
  return (
    <section aria-labelledby="steps-heading">
      <h2 id="steps-heading">Steps</h2>
      <ol className="step-list" data-testid="step-list" ref={list}>
        {view.steps.map((step) => (
          <StepRow key={step.stepId} step={step} siteId={siteId} shopId={view.shopId} runId={view.run.id} runEnded={view.run.phase === RunPhase.Finished} />
        ))}
      </ol>
    </section>
  );
}
