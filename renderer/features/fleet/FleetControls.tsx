import type { FleetStatus } from '../../../shared/fleet';
import { ErrorNotice } from '../ui/ErrorNotice';
import { countsByFilter } from './fleetFilters';
import { useFleet } from './fleetStore';

/** Start all, Continue failed and Pause all, each enabled only when it would do something. */
export function FleetControls({ status }: { status: FleetStatus }) {
  const { start, pause } = useFleet();
  const pending = useFleet((state) => state.pending[status.siteId]);
  const error = useFleet((state) => state.errors[status.siteId]);
  const counts = countsByFilter(status.shops);
  const toDo = status.shops.filter((row) => row.runStatus !== 'COMPLETED').length;
  return (
    <section className="run-controls" aria-label="Fleet controls">
      <p className="next-move" data-testid="fleet-next-move">
        {status.active
          ? `The fleet is running: up to ${status.concurrency} shops at once, the rest wait their turn. You can leave this screen.`
          : status.shops.length === 0
            ? 'Import a fleet file to add its shops to this site.'
            : counts.failed > 0
              ? 'Some shops stopped. Fix what their rows say, then Continue failed: finished steps are kept.'
              : toDo > 0
                ? `Start all sets up the ${toDo} shops not yet ready, up to ${status.concurrency} at once.`
                : 'Every shop is ready.'}
      </p>
      <div className="button-row">
        <button type="button" className={!status.active && toDo > 0 && counts.failed === 0 ? 'button-primary button-big' : ''} disabled={status.active || toDo === 0 || Boolean(pending)} onClick={() => void start(status.siteId, 'all')} data-testid="fleet-start-all">
          {pending === 'start' ? 'Starting…' : 'Start all'}
        </button>
        <button type="button" className={!status.active && counts.failed > 0 ? 'button-primary button-big' : ''} disabled={status.active || counts.failed === 0 || Boolean(pending)} onClick={() => void start(status.siteId, 'failed')} data-testid="fleet-continue-failed">
          {pending === 'failed' ? 'Continuing…' : 'Continue failed'}
        </button>
        <button type="button" className="button-danger-quiet" disabled={!status.active || Boolean(pending)} onClick={() => void pause(status.siteId)} data-testid="fleet-pause">
          {pending === 'pause' ? 'Pausing…' : 'Pause all'}
        </button>
      </div>
      {error && <ErrorNotice problem={error} title="That did not happen" />}
    </section>
  );
}
