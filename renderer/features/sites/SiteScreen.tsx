import { useSite, useSites } from '../../state/sites';
import { hrefFor } from '../../state/navigation';
import { ScreenHeading } from '../app/ScreenHeading';
import { FleetLinks } from '../fleet/FleetLinks';
import { ShopList } from '../shops/ShopList';
import { ConnectionPanel } from './ConnectionPanel';
import { RemoveSiteButton } from './RemoveSiteButton';
import { TransportWarning } from './TransportWarning';

/** One site: its connection and its shops. */
export function SiteScreen({ siteId }: { siteId: string }) {
  const site = useSite(siteId);
  const loaded = useSites((state) => state.loaded);
  if (!site) {
    return (
      <>
        <ScreenHeading>{loaded ? 'Site not found' : 'Loading the site…'}</ScreenHeading>
        {loaded && <a href="#/">Back to the sites</a>}
      </>
    );
  }
  return (
    <>
      <ScreenHeading>{site.displayUrl}</ScreenHeading>
      <div className="button-row">
        <a className="button" href={hrefFor({ name: 'editSite', siteId })}>
          Edit site
        </a>
        <RemoveSiteButton site={site} />
        <FleetLinks siteId={siteId} />
      </div>
      <TransportWarning warning={site.transportWarning} />
      <ConnectionPanel site={site} />
      <ShopList siteId={siteId} />
    </>
  );
}
