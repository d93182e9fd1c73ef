import type { SiteSummary } from '../../../shared/ipc/contract';
import { useSites } from '../../state/sites';
import { useNow } from '../run/useNow';
import { StatusBadge } from '../ui/StatusBadge';
import { formatAgo } from '../ui/format';

/** One line: can the app reach this site, and when was that measured? */
export function ConnectionSummary({ site }: { site: SiteSummary }) {
  const now = useNow(15_000);
  const testing = useSites((state) => state.tests[site.id]?.running);
  const check = site.lastCheck;
  const when = check ? `, checked ${formatAgo(check.checkedAt, now)}${testing ? '; checking again…' : ''}` : testing ? ': checking…' : '';
  // Without the secret no earlier result counts: nothing can be sent to the site in this session.
  if (!site.hasSecret) return <StatusBadge look={{ label: 'No API secret: edit the site', tone: 'warning', icon: 'warning' }} state="no-secret" testId="connection-summary" />;
  if (!check) return <StatusBadge look={{ label: testing ? 'Checking…' : 'Not tested yet', tone: 'neutral', icon: 'pending' }} state="untested" testId="connection-summary" />;
  const missing = check.missingRoles?.length ?? 0;
  if (!check.ok && (check.error || missing === 0)) return <StatusBadge look={{ label: `Last test failed${when}`, tone: 'danger', icon: 'cross' }} state="failed" testId="connection-summary" />;
  if (missing > 0) return <StatusBadge look={{ label: `Connected, ${missing} role${missing > 1 ? 's' : ''} missing${when}`, tone: 'warning', icon: 'warning' }} state="missing-roles" testId="connection-summary" />;
  return <StatusBadge look={{ label: `Connected (ERPNext ${check.erpnextVersion ?? '?'})${when}`, tone: 'success', icon: 'check' }} state="ok" testId="connection-summary" />;
}
