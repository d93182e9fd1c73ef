import type { ErrorInfo } from '../../../shared/errors';
import type { StepId } from '../../../shared/steps/catalog';
import { Icon } from '../ui/Icon';

/**
 * Why a step failed: our friendly sentence, the fix, and ERPNext's own text in a detail to expand
 * (with the reference the helpdesk finds in the log).
 */
export function ErrorCard({ title, error, stepId }: { title: string; error: ErrorInfo; stepId?: StepId }) {
  return (
    <article className="error-card tone-danger" role="alert" aria-labelledby={`error-${stepId ?? 'run'}`} data-testid="error-card" data-step={stepId}>
      <h2 id={`error-${stepId ?? 'run'}`}>
        <Icon name="cross" /> {title}
      </h2>
      <p className="error-message" data-testid="error-message">
        {error.message}
      </p>
      <p className="error-hint" data-testid="error-hint">
        <strong>How to fix it: </strong>
        {error.hint}
      </p>
      {(error.serverMessage || error.excType || error.correlationId) && (
        <details className="server-detail" data-testid="error-detail">
          <summary>What ERPNext said</summary>
          {error.serverMessage && <p data-testid="error-server-message">{error.serverMessage}</p>}
          <dl className="facts">
            {error.excType && (
              <>
                <dt>ERPNext error</dt>
                <dd>
                  {error.excType}
                  {error.status ? ` (HTTP ${error.status})` : ''}
                </dd>
              </>
            )}
            {error.correlationId && (
              <>
                <dt>Reference in the log</dt>
                <dd>
                  <code>{error.correlationId}</code>
                </dd>
              </>
            )}
          </dl>
        </details>
      )}
    </article>
  );
}
