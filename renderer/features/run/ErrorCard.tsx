import type { ErrorInfo } from '../../../shared/errors';
import type { StepId } from '../../../shared/steps/catalog';
import { Icon } from '../ui/Icon';

export interface ErrorCardLinks {
  /** The log filtered to this failure's step attempt (its requests share the id's prefix). */
  showInLog: string;
  /** The log filtered to one correlation id (the reference the helpdesk asks for). */
  reference(correlationId: string): string;
}

export interface ErrorAttempt {
  attempt: number;
  /** When it failed (ISO). */
  at: string | null;
  /** An earlier attempt seen on this screen failed with the same error. */
  sameAsBefore: boolean;
}

/** ERPNext's text as a sentence: one line, without its markup's leftovers. */
export function cleanServerText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const clock = (iso: string) => {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return Number.isNaN(date.getTime()) ? iso : `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
};

/**
 * Why a step failed: the headline, ERPNext's own reason right under it (it is usually the real news:
 * "Company Pier Grocer is frozen for POS"), our friendly sentence and the fix, which attempt this was,
 * and the technical facts with the reference as a link into the log.
 */
export function ErrorCard({ title, error, stepId, attempt, links }: { title: string; error: ErrorInfo; stepId?: StepId; attempt?: ErrorAttempt; links?: ErrorCardLinks }) {
  const headingId = `error-${stepId ?? 'run'}`;
  const reason = error.serverMessage ? cleanServerText(error.serverMessage) : '';
  const showReason = reason !== '' && reason !== error.message;
  return (
    <div className="error-card tone-danger" role="alert" aria-labelledby={headingId} data-testid="error-card" data-step={stepId}>
      <h2 id={headingId}>
        <Icon name="cross" /> {title}
      </h2>
      {showReason && (
        <p className="error-reason" data-testid="error-reason">
          <span className="error-reason-label">ERPNext says: </span>
          {reason}
        </p>
      )}
      <p className="error-message" data-testid="error-message">
        {error.message}
      </p>
      <p className="error-hint" data-testid="error-hint">
        <strong>How to fix it: </strong>
        {error.hint}
      </p>
      {attempt && (
        <p className="error-attempt muted" data-testid="error-attempt">
          Attempt {attempt.attempt}
          {attempt.at ? `, failed at ${clock(attempt.at)}` : ''}
          {attempt.sameAsBefore ? ' — Continue tried again and it failed the same way.' : '.'}
        </p>
      )}
      {(links || error.correlationId) && (
        <p className="error-links">
          {error.correlationId && (
            <>
              Reference in the log:{' '}
              {links ? (
                <a href={links.reference(error.correlationId)} data-testid="error-reference">
                  {error.correlationId}
                </a>
              ) : (
                <code>{error.correlationId}</code>
              )}
            </>
          )}
          {links && (
            <a href={links.showInLog} className="error-show-in-log" data-testid="error-show-in-log">
              Show in log
            </a>
          )}
        </p>
      )}
      {(error.excType || error.endpoint || (error.serverMessage && cleanServerText(error.serverMessage) !== error.serverMessage)) && (
        <details className="server-detail" data-testid="error-detail">
          <summary>Technical details</summary>
          {error.serverMessage && cleanServerText(error.serverMessage) !== error.serverMessage && <p data-testid="error-server-message">{error.serverMessage}</p>}
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
            {error.endpoint && (
              <>
                <dt>Request</dt>
                <dd>
                  <code>{error.endpoint}</code>
                  {error.attempts ? ` (tried ${error.attempts} time${error.attempts > 1 ? 's' : ''})` : ''}
                </dd>
              </>
            )}
          </dl>
        </details>
      )}
    </div>
  );
}
