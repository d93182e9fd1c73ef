import type { SiteSummary } from '../../../shared/ipc/contract';
import { useActiveRuns } from '../../state/activeRuns';
import { announce } from '../../state/announcer';
import { navigate } from '../../state/navigation';
import { useSites } from '../../state/sites';
import { RemoveButton } from '../ui/RemoveButton';
import { RunGoingNotice } from '../ui/RunGoingNotice';

/** Remove a site after a confirm; nothing in ERPNext is touched. Not while one of its shops runs. */
export function RemoveSiteButton({ site }: { site: SiteSummary }) {
  const remove = useSites((state) => state.remove);
  const going = useActiveRuns((state) => state.runs).filter((run) => run.siteId === site.id);
  const refresh = useActiveRuns((state) => state.load);
  return (
    <RemoveButton
      name={site.displayUrl}
      confirmLabel="Remove site"
      remove={() => remove(site.id)}
      onOpen={refresh}
      blocked={going.length > 0 ? <RunGoingNotice runs={going} removing="the site" /> : undefined}
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
