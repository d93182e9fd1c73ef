import type { FleetShopRow } from '../../../shared/fleet';
import { type FleetFilter, countsByFilter } from './fleetFilters';

const LABELS: Record<FleetFilter, string> = { all: 'All', failed: 'Failed', running: 'Running', done: 'Done' };

/** Show all shops, or only the failed, running or done ones (a radio group: one filter at a time). */
export function FleetFilters({ rows, filter, onChange }: { rows: readonly FleetShopRow[]; filter: FleetFilter; onChange(filter: FleetFilter): void }) {
  const counts = countsByFilter(rows);
  return (
    <fieldset className="fleet-filters" data-testid="fleet-filters">
      <legend>Show</legend>
      {(Object.keys(LABELS) as FleetFilter[]).map((key) => (
        <label key={key} className={filter === key ? 'fleet-filter fleet-filter-on' : 'fleet-filter'}>
          <input type="radio" name="fleet-filter" value={key} checked={filter === key} onChange={() => onChange(key)} data-testid={`fleet-filter-${key}`} />
          {LABELS[key]} ({counts[key]})
        </label>
      ))}
    </fieldset>
  );
}
