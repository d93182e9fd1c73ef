import type { FleetShopRow } from '../../../shared/fleet';
import { stepDefinition } from '../../../shared/steps/catalog';
import { hrefFor } from '../../state/navigation';
import { useNow } from '../run/useNow';
import { ProgressBar } from '../ui/ProgressBar';
import { StatusBadge } from '../ui/StatusBadge';
import { formatDuration } from '../ui/format';
import { type Look, runLook } from '../ui/statusLook';

const QUEUED: Look = { label: 'Waiting its turn', tone: 'neutral', icon: 'pending' };
const BUSY: Look = { label: 'Busy elsewhere', tone: 'warning', icon: 'warning' };
const ERROR: Look = { label: 'Could not start', tone: 'danger', icon: 'cross' };

function lookOf(row: FleetShopRow): Look {
  if (row.state === 'queued') return QUEUED;
  if (row.state === 'busy') return BUSY;
  if (row.state === 'error') return ERROR;
  return runLook({ status: row.runStatus, phase: row.phase ?? 'idle' });
}

function Row({ siteId, row, now }: { siteId: string; row: FleetShopRow; now: number }) {
  const elapsed = row.startedAt ? (row.finishedAt ? Date.parse(row.finishedAt) : now) - Date.parse(row.startedAt) : null;
  const stopped = row.state !== 'running' && row.step;
  return (
    <tr data-testid="fleet-row" data-shop={row.name} data-state={row.state} data-status={row.runStatus.toLowerCase()}>
      <th scope="row">
        <a href={hrefFor({ name: 'run', siteId, shopId: row.shopId })}>{row.name}</a>
      </th>
      <td>
        <StatusBadge look={lookOf(row)} state={row.state === 'running' || row.state === 'queued' ? row.state : row.runStatus.toLowerCase()} />
      </td>
      <td>
        {row.step ? (stopped ? `Stopped at ${stepDefinition(row.step).title}` : stepDefinition(row.step).title) : ''}
        {row.message && <p className="fleet-message">{row.message}</p>}
      </td>
      <td>
        <ProgressBar value={row.progress} label={`${row.name} progress`} />
      </td>
      <td className="fleet-elapsed">{elapsed === null ? '' : formatDuration(elapsed)}</td>
    </tr>
  );
}

/** Every shop of the fleet: status, current step, progress and elapsed time, live. */
export function FleetTable({ siteId, rows, caption }: { siteId: string; rows: readonly FleetShopRow[]; caption: string }) {
  const now = useNow(1_000, rows.some((row) => row.state === 'running'));
  return (
    <table className="fleet-table" data-testid="fleet-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Shop</th>
          <th scope="col">Status</th>
          <th scope="col">Step</th>
          <th scope="col">Progress</th>
          <th scope="col">Elapsed</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <Row key={row.shopId} siteId={siteId} row={row} now={now} />
        ))}
      </tbody>
    </table>
  );
}
