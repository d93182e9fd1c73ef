import type { Ref } from 'react';
import type { PlacedIssues } from './shopIssues';

/**
 * Every problem at once, at the top of the form: each one a button that moves focus to its field.
 * (Not links: the URL hash is the app's route.)
 */
export function IssueSummary({ placed, ref }: { placed: PlacedIssues; ref?: Ref<HTMLDivElement> }) {
  const entries = [...placed.byField.entries()].flatMap(([fieldId, messages]) => messages.map((message) => ({ fieldId, message })));
  const total = entries.length + placed.unplaced.length;
  return (
    <div className="notice tone-danger issue-summary" role="alert" tabIndex={-1} ref={ref} data-testid="issue-summary">
      <div className="notice-body">
        <p className="notice-title">{total === 1 ? 'One thing to fix' : `${total} things to fix`} before the shop can be saved:</p>
        <ul>
          {entries.map(({ fieldId, message }) => (
            <li key={`${fieldId}:${message}`}>
              <button type="button" className="link-button" onClick={() => document.getElementById(fieldId)?.focus()}>
                {message}
              </button>
            </li>
          ))}
          {placed.unplaced.map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>
              {issue.path}: {issue.message}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
