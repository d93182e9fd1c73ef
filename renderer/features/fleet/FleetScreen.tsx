import { useEffect, useState } from 'react';
import { useSite } from '../../state/sites';
import { ScreenHeading } from '../app/ScreenHeading';
import { ErrorNotice } from '../ui/ErrorNotice';
import { FleetControls } from './FleetControls';
import { FleetFilters } from './FleetFilters';
import { FleetImport } from './FleetImport';
import { FleetTable } from './FleetTable';
import { type FleetFilter, countsByFilter, matches } from './fleetFilters';
import { followFleet, useFleet } from './fleetStore';
import './fleet.css';

/** A site's fleet: import a fleet file, Start all / Continue failed, and every shop's live status. */
export function FleetScreen({ siteId }: { siteId: string }) {
  const site = useSite(siteId);
  const status = useFleet((state) => state.bySite[siteId]);
  const error = useFleet((state) => state.errors[siteId]);
  const load = useFleet((state) => state.load);
  const [filter, setFilter] = useState<FleetFilter>('all');
  useEffect(() => {
    void load(siteId);
    return followFleet(siteId);
  }, [load, siteId]);
  const rows = status?.shops.filter((row) => matches(row, filter)) ?? [];
  const counts = status ? countsByFilter(status.shops) : null;
  return (
    <>
      <ScreenHeading>Fleet{site ? ` on ${site.displayUrl}` : ''}</ScreenHeading>
      <FleetImport siteId={siteId} />
      {error && !status && <ErrorNotice problem={error} title="The fleet could not be read" />}
      {status && (
        <div className="fleet" data-testid="fleet-view" data-active={status.active}>
          <FleetControls status={status} />
          {counts && counts.all > 0 && (
            <p className="fleet-summary" data-testid="fleet-summary">
              {counts.done} of {counts.all} ready · {counts.running} running or waiting · {counts.failed} stopped
            </p>
          )}
          {status.shops.length > 0 && <FleetFilters rows={status.shops} filter={filter} onChange={setFilter} />}
          {rows.length > 0 ? <FleetTable siteId={siteId} rows={rows} caption={`Shops of this site (${filter === 'all' ? 'all' : filter})`} /> : status.shops.length > 0 && <p className="empty">No shop matches this filter.</p>}
        </div>
      )}
    </>
  );
}
