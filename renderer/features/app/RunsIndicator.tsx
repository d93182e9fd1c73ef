import { useEffect } from 'react';
import { RunPhase } from '../../../shared/status';
import { useActiveRuns } from '../../state/activeRuns';
import { hrefFor } from '../../state/navigation';

/** Other processes' runs are not pushed to this page: ask now and then. */
const REFRESH_MS = 10_000;

/** In the header of every screen: the runs going now, each a link to its run screen. */
export function RunsIndicator() {
  const { runs, load } = useActiveRuns();
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);
  if (runs.length === 0) return null;
  return (
    <nav className="runs-indicator" aria-label="Runs going" data-testid="runs-indicator">
      <span className="live-dot" aria-hidden="true" />
      {runs.length === 1 ? '1 run going: ' : `${runs.length} runs going: `}
      {runs.map((run, index) => (
        <span key={run.shopId}>
          {index > 0 && ', '}
          <a href={hrefFor({ name: 'run', siteId: run.siteId, shopId: run.shopId })}>{run.shopName}</a> ({run.phase === RunPhase.WaitingForNetwork ? 'waiting for network' : `${Math.round(run.progress * 100)}%`})
        </span>
      ))}
    </nav>
  );
}
