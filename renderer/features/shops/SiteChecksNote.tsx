import type { SiteChecks } from './useSiteChecks';

/**
 * Where the live checks stand, and the ones no field shows (the API user's roles). Field-level ones
 * (abbreviation, cashiers, payment methods) show as warnings under their fields.
 */
export function SiteChecksNote({ checks }: { checks: SiteChecks }) {
  const siteWide = checks.state === 'checked' ? checks.conflicts.filter((c) => c.field === null) : [];
  const text =
    checks.state === 'checking'
      ? 'Checking the shop against the site…'
      : checks.state === 'unavailable'
        ? 'The site could not be asked now: Start checks everything again before its first change.'
        : checks.state === 'checked'
          ? checks.conflicts.length === 0
            ? 'Checked against the site: the abbreviation is free, the cashiers and payment methods exist.'
            : `Checked against the site: ${checks.conflicts.length} problem${checks.conflicts.length === 1 ? '' : 's'} Start would stop on (shown below).`
          : '';
  return (
    <div className="site-checks" data-testid="site-checks" data-state={checks.state} data-conflicts={checks.state === 'checked' ? checks.conflicts.length : undefined}>
      <p role="status" className="muted">
        {text}
      </p>
      {siteWide.length > 0 && (
        <ul className="site-checks-list">
          {siteWide.map((conflict) => (
            <li key={conflict.reason}>
              {conflict.reason} {conflict.hint}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
