import type { SiteSummary } from '../../../shared/ipc/contract';
import { hrefFor } from '../../state/navigation';
import { useSites } from '../../state/sites';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Notice } from '../ui/Notice';
import { ConnectionResult } from './ConnectionResult';

/** "Test connection" and what it found: versions, the API user, missing roles, or the problem. */
export function ConnectionPanel({ site }: { site: SiteSummary }) {
  const test = useSites((state) => state.tests[site.id]);
  const runTest = useSites((state) => state.test);
  const check = test?.check ?? site.lastCheck;
  return (
    <section className="panel" aria-labelledby="connection-heading">
      <h2 id="connection-heading">Connection</h2>
      {!site.hasSecret && (
        <Notice tone="warning" testId="no-secret">
          <p>
            No API secret is available for this site in this session. <a href={hrefFor({ name: 'editSite', siteId: site.id })}>Edit the site</a> and type
            the API secret again.
          </p>
        </Notice>
      )}
      <button type="button" className="button-primary" onClick={() => void runTest(site.id)} disabled={test?.running} aria-describedby="connection-help" data-testid="test-connection">
        {test?.running ? 'Testing…' : 'Test connection'}
      </button>
      <p className="field-help" id="connection-help">
        Reaches the site with the saved key and secret, and checks ERPNext&apos;s version and the API user&apos;s roles.
      </p>
      {test?.error && <ErrorNotice problem={test.error} title="The test could not run" />}
      {/* A result measured with a secret that is gone would read as "Connected" next to "No API secret". */}
      {check && !test?.running && site.hasSecret && <ConnectionResult check={check} />}
    </section>
  );
}
