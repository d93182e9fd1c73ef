import { useSites } from '../../state/sites';
import { ScreenHeading } from '../app/ScreenHeading';
import { SecretStorageNote } from '../app/SecretStorageNote';
import { ErrorNotice } from '../ui/ErrorNotice';
import { About } from './About';
import { SiteCard } from './SiteCard';

/** The start screen: the ERPNext sites this laptop knows, and "Add site". */
export function SitesScreen() {
  const { sites, loaded, loadError } = useSites();
  return (
    <>
      <ScreenHeading>ERPNext sites</ScreenHeading>
      <p className="lead">Add the ERPNext site of the shop, then create the shop and press Start.</p>
      <p>
        <a className="button button-primary button-big" href="#/sites/new" data-testid="add-site">
          Add site
        </a>
      </p>
      <SecretStorageNote />
      {loadError && <ErrorNotice problem={loadError} title="The sites could not be read" />}
      {loaded && sites.length === 0 && !loadError && <p className="empty">No site yet. Choose “Add site” and paste the address, API key and API secret.</p>}
      <ul className="card-list" aria-label="Sites">
        {sites.map((site) => (
          <li key={site.id}>
            <SiteCard site={site} />
          </li>
        ))}
      </ul>
      <About />
    </>
  );
}
