import type { ConnectionCheck } from '../../../shared/model';
import { StatusBadge } from '../ui/StatusBadge';

/** One line: was the last connection test good? */
export function ConnectionSummary({ check }: { check: ConnectionCheck | null }) {
  if (!check) return <StatusBadge look={{ label: 'Not tested yet', tone: 'neutral', icon: 'pending' }} state="untested" />;
  const missing = check.missingRoles?.length ?? 0;
  if (!check.ok && (check.error || missing === 0)) return <StatusBadge look={{ label: 'Last test failed', tone: 'danger', icon: 'cross' }} state="failed" />;
  if (missing > 0) return <StatusBadge look={{ label: `Connected, ${missing} role${missing > 1 ? 's' : ''} missing`, tone: 'warning', icon: 'warning' }} state="missing-roles" />;
  return <StatusBadge look={{ label: `Connected (ERPNext ${check.erpnextVersion ?? '?'})`, tone: 'success', icon: 'check' }} state="ok" />;
}
