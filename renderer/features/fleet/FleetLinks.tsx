import { hrefFor } from '../../state/navigation';

/** On a site's screen: its fleet view, where a fleet file is imported and run. */
export function FleetLinks({ siteId }: { siteId: string }) {
  return (
    <a className="button" href={hrefFor({ name: 'fleet', siteId })} data-testid="open-fleet">
      Import fleet… / Fleet view
    </a>
  );
}
