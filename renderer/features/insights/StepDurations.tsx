import type { Insights } from '../../../shared/history';
import { formatDuration } from '../ui/format';
import { BarChart } from './BarChart';

/** Per step: median and 90th percentile of successful durations — the numbers the run view's ETA uses. */
export function StepDurations({ steps }: { steps: Insights['steps'] }) {
  const timed = steps.filter((step) => step.duration);
  return (
    <section className="panel" aria-labelledby="durations-heading">
      <h2 id="durations-heading">How long each step takes</h2>
      <p className="muted">Median (bar) and 90th percentile (whisker) of every successful run of the step. The ETA of a run is the sum of these medians.</p>
      {timed.length === 0 ? (
        <p className="empty">No step has succeeded yet.</p>
      ) : (
        <>
          <BarChart
            title="Median and 90th percentile duration per step"
            testId="durations-chart"
            bars={timed.map((step) => ({ label: step.title, value: step.duration!.medianMs, whisker: step.duration!.p90Ms, text: `${formatDuration(step.duration!.medianMs)} / ${formatDuration(step.duration!.p90Ms)}` }))}
          />
          <table className="insights-table" data-testid="durations-table">
            <caption>Step durations (successful attempts)</caption>
            <thead>
              <tr>
                <th scope="col">Step</th>
                <th scope="col">Median</th>
                <th scope="col">90th percentile</th>
                <th scope="col">Runs measured</th>
              </tr>
            </thead>
            <tbody>
              {timed.map((step) => (
                <tr key={step.stepId} data-step={step.stepId}>
                  <th scope="row">{step.title}</th>
                  <td data-testid="median">{formatDuration(step.duration!.medianMs)}</td>
                  <td>{formatDuration(step.duration!.p90Ms)}</td>
                  <td>{step.duration!.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
