import type { SiteSummary } from '../../../shared/ipc/contract';
import { announce } from '../../state/announcer';
import { navigate } from '../../state/navigation';
import { useSites } from '../../state/sites';
import { RemoveButton } from '../ui/RemoveButton';

/** Remove a site after a confirm; nothing in ERPNext is touched. */
export function RemoveSiteButton({ site }: { site: SiteSummary }) {
  const remove = useSites((state) => state.remove);
  return (
    <RemoveButton
      name={site.displayUrl}
      confirmLabel="Remove site"
      remove={() => remove(site.id)}
      onRemoved={() => {
        announce(`Site ${site.displayUrl} removed.`);
        navigate({ name: 'sites' });
      }}
      testId="remove-site"
    >
      <p>This laptop forgets the site, its API secret, its shops and their run history.</p>
      <p>Nothing is deleted in ERPNext.</p>
    </RemoveButton>
  );
}
