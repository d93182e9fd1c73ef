import type { FleetShopRow } from '../../shared/fleet';
import type { RunEvent } from '../../shared/runView';
import { RunStatus } from '../../shared/status';
import { stepDefinition } from '../../shared/steps/catalog';
import type { FleetMember } from '../service/fleet';

/** How a shop ended in this fleet, as the summary counts it. */
export function finalOf(row: FleetShopRow): string {
  switch (row.state) {
    case 'skipped':
    case 'finished':
      return row.runStatus;
    case 'paused':
      return 'PAUSED';
    case 'busy':
      return 'BUSY';
    case 'error':
      return 'ERROR';
    default:
      return 'NOT STARTED';
  }
}

export function countFinal(rows: readonly FleetShopRow[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of rows) counts[finalOf(row)] = (counts[finalOf(row)] ?? 0) + 1;
  return counts;
}

const elapsedMs = (row: FleetShopRow, now = Date.now()) => (row.startedAt ? (row.finishedAt ? Date.parse(row.finishedAt) : now) - Date.parse(row.startedAt) : null);
const seconds = (ms: number | null) => (ms === null ? '' : `${(ms / 1000).toFixed(1)} s`);

/** What the table's status column says while a shop runs and once it rests. */
function statusText(row: FleetShopRow): string {
  if (row.state === 'queued') return 'queued';
  if (row.state === 'running') return row.phase === 'waiting_for_network' ? 'waiting for network' : 'running';
  if (row.state === 'skipped') return 'COMPLETED (already)';
  return finalOf(row);
}

export interface FleetOutput {
  started(members: readonly FleetMember[], concurrency: number, file: string): void;
  /** A shop's row changed (state, step, progress). */
  row(row: FleetShopRow): void;
  event(shop: FleetMember, event: RunEvent): void;
  message(text: string): void;
  finished(rows: readonly FleetShopRow[], exitCode: number, file: string): void;
}

/** A live table on a terminal (redrawn in place a few times a second); one line per change otherwise. */
export class HumanFleetOutput implements FleetOutput {
  private rows: FleetShopRow[] = [];
  private drawn = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly announced = new Map<string, string>();

  constructor(private readonly stream: NodeJS.WriteStream = process.stdout) {}

  private get tty(): boolean {
    return Boolean(this.stream.isTTY);
  }

  started(members: readonly FleetMember[], concurrency: number, file: string): void {
    const toRun = members.filter((m) => m.move !== 'skip' && !m.busy).length;
    this.stream.write(`POS Provisioner fleet: ${members.length} shops from ${file}, ${toRun} to run, up to ${concurrency} at once\n`);
  }

  row(row: FleetShopRow): void {
    const index = this.rows.findIndex((r) => r.shopId === row.shopId);
    if (index >= 0) this.rows[index] = row;
    else this.rows.push(row);
    if (this.tty) {
      // Redraw at most four times a second: a run changes state many times a second.
      this.timer ??= setTimeout(() => this.draw(), 250);
      return;
    }
    const text = statusText(row);
    if (this.announced.get(row.shopId) === text || row.state === 'queued') return;
    this.announced.set(row.shopId, text);
    const step = row.step && row.state !== 'running' && row.runStatus !== RunStatus.Completed ? ` at ${stepDefinition(row.step).title}` : '';
    this.stream.write(`  ${row.name}: ${text}${step}${row.state === 'running' ? '' : ` ${seconds(elapsedMs(row))}`}${row.message ? ` — ${row.message}` : ''}\n`);
  }

  event(): void {
    // The table shows each shop's state; per-step lines of twenty shops would drown it.
  }

  message(text: string): void {
    this.stream.write(`${text}\n`);
  }

  private table(): string[] {
    const width = Math.min(40, Math.max(4, ...this.rows.map((r) => r.name.length)));
    const line = (shop: string, status: string, step: string, elapsed: string) => `  ${shop.padEnd(width)}  ${status.padEnd(20)}  ${step.padEnd(28)}  ${elapsed}`;
    return [
      line('shop', 'status', 'step', 'elapsed'),
      ...this.rows.map((r) => line(r.name.slice(0, width), statusText(r), r.step ? stepDefinition(r.step).title : '', seconds(elapsedMs(r)))),
    ];
  }

  private draw(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const lines = this.table();
    // Move up over the last table and overwrite it line by line.
    if (this.drawn > 0) this.stream.write(`\x1b[${this.drawn}A`);
    for (const line of lines) this.stream.write(`\r\x1b[2K${line}\n`);
    this.drawn = lines.length;
  }

  finished(rows: readonly FleetShopRow[], exitCode: number, file: string): void {
    this.rows = [...rows];
    if (this.tty) this.draw();
    const counts = countFinal(rows);
    const already = rows.filter((r) => r.state === 'skipped').length;
    const parts = Object.entries(counts).map(([status, n]) => `${status} ${n}${status === RunStatus.Completed && already ? ` (${already} already before)` : ''}`);
    this.stream.write(`Fleet: ${parts.join(', ')} — exit ${exitCode}\n`);
    for (const row of rows.filter((r) => ['FAILED', 'PARTIAL', 'BUSY', 'ERROR'].includes(finalOf(r)))) {
      this.stream.write(`  ✗ ${row.name}: ${finalOf(row)}${row.step ? ` at ${stepDefinition(row.step).title}` : ''}${row.message ? ` — ${row.message}` : ''}\n`);
    }
    if (exitCode !== 0) this.stream.write(`Fix what is listed, then run \`pos-provisioner fleet --file ${file}\` again: finished shops are skipped, the others resume where they stopped.\n`);
  }
}

/** `--json`: every run event tagged with its shop, a line per shop at rest, then a result line. */
export class JsonFleetOutput implements FleetOutput {
  private readonly settled = new Map<string, string>();

  constructor(private readonly stream: NodeJS.WritableStream = process.stdout) {}

  private write(value: unknown): void {
    this.stream.write(`${JSON.stringify(value)}\n`);
  }

  started(members: readonly FleetMember[], concurrency: number, file: string): void {
    this.write({ type: 'fleet.started', at: new Date().toISOString(), file, concurrency, shops: members.map((m) => ({ shop: m.name, shopId: m.shopId, move: m.busy ? 'busy' : m.move })) });
  }

  row(row: FleetShopRow): void {
    if (row.state === 'running' || row.state === 'queued' || this.settled.get(row.shopId) === row.state) return;
    this.settled.set(row.shopId, row.state);
    this.write({ type: 'fleet.shop', at: new Date().toISOString(), shop: row.name, shopId: row.shopId, state: row.state, status: finalOf(row), step: row.step, elapsedMs: elapsedMs(row), message: row.message });
  }

  event(shop: FleetMember, event: RunEvent): void {
    this.write({ ...event, shop: shop.name, shopId: shop.shopId });
  }

  message(text: string): void {
    this.write({ type: 'message', text });
  }

  finished(rows: readonly FleetShopRow[], exitCode: number): void {
    this.write({
      type: 'result',
      fleet: true,
      exitCode,
      counts: countFinal(rows),
      shops: rows.map((r) => ({ shop: r.name, shopId: r.shopId, state: r.state, status: finalOf(r), step: r.step, elapsedMs: elapsedMs(r), message: r.message })),
    });
  }
}
