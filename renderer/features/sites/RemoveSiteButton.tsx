import { useState } from 'react';
import type { ApiError } from '../../../shared/ipc/result';
import type { SiteSummary } from '../../../shared/ipc/contract';
import { announce } from '../../state/announcer';
import { navigate } from '../../state/navigation';
import { useSites } from '../../state/sites';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { ErrorNotice } from '../ui/ErrorNotice';

/** Remove a site after a confirm; nothing in ERPNext is touched. */
export function RemoveSiteButton({ site }: { site: SiteSummary }) {
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const remove = useSites((state) => state.remove);
  const confirm = async () => {
    setAsking(false);
    const result = await remove(site.id);
    if (!result.ok) return setError(result.error);
    announce(`Site ${site.displayUrl} removed.`);
    navigate({ name: 'sites' });
  };
  return (
    <>
      <button type="button" className="button-danger-quiet" onClick={() => setAsking(true)} aria-label={`Remove ${site.displayUrl}`} data-testid="remove-site">
        Remove
      </button>
      <ConfirmDialog open={asking} title={`Remove ${site.displayUrl}?`} confirmLabel="Remove site" danger onConfirm={() => void confirm()} onCancel={() => setAsking(false)}>
        <p>This laptop forgets the site, its API secret, its shops and their run history.</p>
        <p>Nothing is deleted in ERPNext.</p>
      </ConfirmDialog>
      {error && <ErrorNotice problem={error} title="The site was not removed" onDismiss={() => setError(null)} />}
    </>
  );
}
