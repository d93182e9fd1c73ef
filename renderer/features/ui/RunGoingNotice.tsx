import type { ActiveRun } from '../../../shared/ipc/contract';
import { hrefFor } from '../../state/navigation';

/** Said in a remove dialog while runs are going: which, why it matters, what to do. */
export function RunGoingNotice({ runs, removing }: { runs: ActiveRun[]; removing: string }) {
  const names = runs.map((run) => run.shopName).join(', ');
  return (
    <div data-testid="run-going">
      <p>
        <strong>
          A run is going for {names}.
        </strong>{' '}
        Removing {removing} now would pull the shop out from under it.
      </p>
      <p>Pause the run on its run screen (or let it finish), then remove {removing}.</p>
      <ul>
        {runs.map((run) => (
          <li key={run.shopId}>
            <a href={hrefFor({ name: 'run', siteId: run.siteId, shopId: run.shopId })}>Open the run of {run.shopName}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
