import type { RunView } from '../../../shared/runView';
import { hrefFor } from '../../state/navigation';
import { runActions } from '../run/runActions';

/** "Preview" next to Start: what a Start would do on the site, before pressing it (shown while Start is possible). */
export function PreviewLink({ view, siteId }: { view: RunView; siteId: string }) {
  if (!runActions(view).start) return null;
  return (
    <p className="preview-link">
      <a className="button" href={hrefFor({ name: 'plan', siteId, shopId: view.shopId })} data-testid="run-preview">
        Preview
      </a>{' '}
      <span className="muted">See what Start will create, keep and change on the site, and any conflict, before anything is written.</span>
    </p>
  );
}
