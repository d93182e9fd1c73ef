import { hrefFor, navigate } from '../../state/navigation';
import { useSite, useSites } from '../../state/sites';
import { ScreenHeading } from '../app/ScreenHeading';
import { SecretStorageNote } from '../app/SecretStorageNote';
import { SiteForm } from './SiteForm';

/** "Add site" or "Edit site". The site is tested right after it is saved. */
export function SiteFormScreen({ siteId }: { siteId?: string }) {
  const site = useSite(siteId ?? '');
  const loaded = useSites((state) => state.loaded);
  const test = useSites((state) => state.test);
  if (siteId && !site) return <ScreenHeading>{loaded ? 'Site not found' : 'Loading the site…'}</ScreenHeading>;
  return (
    <>
      <ScreenHeading>{site ? `Edit ${site.displayUrl}` : 'Add an ERPNext site'}</ScreenHeading>
      <SecretStorageNote />
      <SiteForm
        site={site}
        cancelHref={site ? hrefFor({ name: 'site', siteId: site.id }) : hrefFor({ name: 'sites' })}
        onSaved={(saved) => {
          // Tested at once, new or edited: a result measured with the old address or secret is gone.
          void test(saved.id);
          navigate({ name: 'site', siteId: saved.id });
        }}
      />
    </>
  );
}
