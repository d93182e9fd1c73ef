import type { RunView } from '../../../shared/runView';
import { RunPhase } from '../../../shared/status';
import { StepRow } from './StepRow';

/** The eleven steps in catalog order, each with its state, time, attempts and current action. */
export function StepList({ view }: { view: RunView }) {
  return (
    <section aria-labelledby="steps-heading">
      <h2 id="steps-heading">Steps</h2>
      <ol className="step-list" data-testid="step-list">
        {view.steps.map((step) => (
          <StepRow key={step.stepId} step={step} shopId={view.shopId} runEnded={view.run.phase === RunPhase.Finished} />
        ))}
      </ol>
    </section>
  );
}
