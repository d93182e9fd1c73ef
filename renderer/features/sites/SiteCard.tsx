import type { SiteSummary } from '../../../shared/ipc/contract';
import { hrefFor } from '../../state/navigation';
import { ConnectionSummary } from './ConnectionSummary';
import { RemoveSiteButton } from './RemoveSiteButton';
import { TransportWarning } from './TransportWarning';

export function SiteCard({ site }: { site: SiteSummary }) {
  return (
    <article className="card" aria-labelledby={`site-${site.id}`} data-testid="site-card">
      <h2 id={`site-${site.id}`}>{site.displayUrl}</h2>
      <dl className="facts">
        <dt>API key</dt>
        <dd>{site.apiKey}</dd>
        <dt>Connection</dt>
        <dd>
          <ConnectionSummary site={site} />
        </dd>
      </dl>
      <TransportWarning warning={site.transportWarning} />
      <div className="button-row">
        <a className="button button-primary" href={hrefFor({ name: 'site', siteId: site.id })} data-testid="open-site">
          Open shops
        </a>
        <a className="button" href={hrefFor({ name: 'editSite', siteId: site.id })} aria-label={`Edit ${site.displayUrl}`}>
          Edit
        </a>
        <RemoveSiteButton site={site} />
      </div>
    </article>
  );
}
