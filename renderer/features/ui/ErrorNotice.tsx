import { Icon } from './Icon';

export interface ProblemText {
  message: string;
  hint?: string;
  serverMessage?: string;
}

/**
 * A problem the installer must see: what happened, what to do, and ERPNext's own words in a detail.
 * role="alert" makes screen readers say it as soon as it appears.
 */
export function ErrorNotice({ problem, title, onDismiss, testId }: { problem: ProblemText; title?: string; onDismiss?: () => void; testId?: string }) {
  return (
    <div className="notice tone-danger" role="alert" data-testid={testId ?? 'error-notice'}>
      <Icon name="warning" />
      <div className="notice-body">
        {title && <p className="notice-title">{title}</p>}
        <p data-testid="error-message">{problem.message}</p>
        {problem.hint && (
          <p className="hint" data-testid="error-hint">
            <strong>What to do: </strong>
            {problem.hint}
          </p>
        )}
        {problem.serverMessage && (
          <details className="server-detail">
            <summary>What ERPNext said</summary>
            <p data-testid="error-server-message">{problem.serverMessage}</p>
          </details>
        )}
      </div>
      {onDismiss && (
        <button type="button" className="button-quiet" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}
