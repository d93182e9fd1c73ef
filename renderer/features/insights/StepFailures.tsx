import type { Insights } from '../../../shared/history';
import { stepDefinition } from '../../../shared/steps/catalog';
import { BarChart } from './BarChart';

const percent = (rate: number) => `${Math.round(rate * 1000) / 10} %`;

/** How often each step fails (every attempt counts, also those Continue later fixed), and with which error codes. */
export function StepFailures({ insights }: { insights: Insights }) {
  const tried = insights.steps.filter((step) => step.attempts > 0);
  return (
    <section className="panel" aria-labelledby="failures-heading">
      <h2 id="failures-heading">Where runs fail</h2>
      {tried.length === 0 ? (
        <p className="empty">No step has run yet.</p>
      ) : (
        <>
          <BarChart title="Failure rate per step" testId="failures-chart" bars={tried.map((step) => ({ label: step.title, value: step.failureRate ?? 0, text: `${percent(step.failureRate ?? 0)} (${step.failures} of ${step.attempts})`, tone: step.failures ? 'danger' : 'neutral' }))} />
          <table className="insights-table" data-testid="failures-table">
            <caption>Failure rate per step (failed attempts of all attempts)</caption>
            <thead>
              <tr>
                <th scope="col">Step</th>
                <th scope="col">Failure rate</th>
                <th scope="col">Failed attempts</th>
                <th scope="col">Attempts</th>
              </tr>
            </thead>
            <tbody>
              {tried.map((step) => (
                <tr key={step.stepId} data-step={step.stepId}>
                  <th scope="row">{step.title}</th>
                  <td>{percent(step.failureRate ?? 0)}</td>
                  <td>{step.failures}</td>
                  <td>{step.attempts}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <h3>By error code</h3>
      {insights.errorCodes.length === 0 ? (
        <p className="empty">No failure recorded.</p>
      ) : (
        <table className="insights-table" data-testid="error-codes-table">
          <caption className="visually-hidden">Failed attempts by error code</caption>
          <thead>
            <tr>
              <th scope="col">Error code</th>
              <th scope="col">Failed attempts</th>
              <th scope="col">In steps</th>
            </tr>
          </thead>
          <tbody>
            {insights.errorCodes.map((entry) => (
              <tr key={entry.code}>
                <th scope="row">
                  <code>{entry.code}</code>
                </th>
                <td>{entry.count}</td>
                <td>{entry.steps.map((id) => stepDefinition(id).title).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
