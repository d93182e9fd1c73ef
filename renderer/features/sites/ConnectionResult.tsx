import type { ConnectionCheck } from '../../../shared/model';
import { formatTime } from '../ui/format';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Notice } from '../ui/Notice';

/** What a connection test learned, in the installer's words. */
export function ConnectionResult({ check }: { check: ConnectionCheck }) {
  const missing = check.missingRoles ?? [];
  // Missing roles make a check not ok without an error: the site answered, the user lacks rights.
  if (!check.ok && (check.error || missing.length === 0)) {
    return (
      <div data-testid="connection-result" data-state="failed">
        <ErrorNotice problem={check.error ?? { message: 'The site could not be reached.' }} title={`Connection failed (${formatTime(check.checkedAt)})`} />
      </div>
    );
  }
  return (
    <div data-testid="connection-result" data-state={missing.length > 0 ? 'missing-roles' : 'ok'}>
      <Notice tone={missing.length > 0 ? 'warning' : 'success'}>
        <p className="notice-title">{missing.length > 0 ? 'Connected, but the API user is missing roles' : 'Connected'}</p>
        <dl className="facts">
          <dt>API user</dt>
          <dd data-testid="connection-user">{check.user ?? 'unknown'}</dd>
          <dt>ERPNext</dt>
          <dd data-testid="connection-erpnext">{check.erpnextVersion ?? 'unknown'}</dd>
          <dt>Frappe</dt>
          <dd data-testid="connection-frappe">{check.frappeVersion ?? 'unknown'}</dd>
          <dt>Setup wizard</dt>
          <dd>{check.setupComplete === false ? 'Not run yet: the run does the platform setup' : check.setupComplete ? 'Done' : 'Unknown'}</dd>
          <dt>Tested</dt>
          <dd>{formatTime(check.checkedAt)}</dd>
        </dl>
        {missing.length > 0 && (
          <>
            <p>Add these roles to the API user in ERPNext (User › Roles), then test again:</p>
            <ul data-testid="missing-roles">
              {missing.map((role) => (
                <li key={role.role}>
                  <strong>{role.role}</strong> (needed for {role.doctypes.join(', ')})
                </li>
              ))}
            </ul>
          </>
        )}
      </Notice>
    </div>
  );
}
