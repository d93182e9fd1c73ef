import type { RunView } from '../../../shared/runView';
import { StepStatus } from '../../../shared/status';
import { stepDefinition } from '../../../shared/steps/catalog';
import { ErrorCard } from './ErrorCard';

/** An error card per failed step; the run's own error when no step carries it (the network gave up). */
export function RunProblems({ view }: { view: RunView }) {
  const failed = view.steps.filter((step) => step.status === StepStatus.Failed && step.error);
  if (failed.length === 0 && !view.run.error) return null;
  return (
    <section className="run-problems" aria-label="Problems">
      {failed.map((step) => (
        <ErrorCard key={step.stepId} title={`${stepDefinition(step.stepId).title} failed`} error={step.error!} stepId={step.stepId} />
      ))}
      {failed.length === 0 && view.run.error && <ErrorCard title="The run stopped" error={view.run.error} />}
    </section>
  );
}
