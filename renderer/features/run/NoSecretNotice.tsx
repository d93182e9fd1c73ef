import { hrefFor } from '../../state/navigation';
import { useSite } from '../../state/sites';
import { Notice } from '../ui/Notice';

/** Before Start: a site without its API secret (forgotten at restart without a keychain) cannot be reached. */
export function NoSecretNotice({ siteId }: { siteId: string }) {
  const site = useSite(siteId);
  if (!site || site.hasSecret) return null;
  return (
    <Notice tone="warning" testId="run-no-secret">
      <p>
        <strong>No API secret is available for {site.displayUrl} in this session</strong>, so the run cannot reach ERPNext.{' '}
        <a href={hrefFor({ name: 'editSite', siteId })}>Edit the site</a> and type the API secret again.
      </p>
    </Notice>
  );
}
