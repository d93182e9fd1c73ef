import type { FleetShopRow } from '../../../shared/fleet';
import { RunStatus } from '../../../shared/status';

export type FleetFilter = 'all' | 'failed' | 'running' | 'done';

/** Which rows a filter shows: failed (FAILED, PARTIAL, or could not run), running (or waiting for a slot), done (COMPLETED). */
export function matches(row: FleetShopRow, filter: FleetFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'failed':
      return row.state === 'busy' || row.state === 'error' || (row.state !== 'running' && (row.runStatus === RunStatus.Failed || row.runStatus === RunStatus.Partial));
    case 'running':
      return row.state === 'running' || row.state === 'queued';
    case 'done':
      return row.state !== 'running' && row.runStatus === RunStatus.Completed;
  }
}

export function countsByFilter(rows: readonly FleetShopRow[]): Record<FleetFilter, number> {
  const count = (filter: FleetFilter) => rows.filter((row) => matches(row, filter)).length;
  return { all: rows.length, failed: count('failed'), running: count('running'), done: count('done') };
}
