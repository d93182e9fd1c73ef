import { type FleetParse, type FleetShopRow, type FleetStatus, parseFleet } from '../../shared/fleet';
import { RunPhase, RunStatus, StepStatus } from '../../shared/status';
import { FleetRun, defaultFleetConcurrency } from './fleet';
import { fleetMembers, saveFleetShops } from './fleetImport';
import type { ProvisioningService } from './service';

export type FleetImport = { saved: true; shopIds: string[]; warnings: string[] } | { saved: false; issues: string[]; warnings: string[] };

/**
 * The window's fleet of each site: import a fleet file (all rows or nothing), Start all / Continue
 * failed in the background (progress arrives as the shops' run updates), pause, and each shop's row.
 */
export class FleetDesk {
  private readonly fleets = new Map<string, FleetRun>();
  private readonly active = new Set<string>();

  constructor(private readonly service: ProvisioningService) {}

  check(text: string, fileName: string): FleetParse {
    return parseFleet(text, fileName);
  }

  /** Validates the whole file first: nothing is saved when any row has a problem. */
  import(siteId: string, text: string, fileName: string): FleetImport {
    this.service.site(siteId);
    const parsed = parseFleet(text, fileName);
    const warnings = parsed.warnings.map((w) => w.text);
    if (!parsed.ok) return { saved: false, issues: parsed.issues.map((i) => i.text), warnings };
    const saved = saveFleetShops(this.service, siteId, parsed.shops);
    return { saved: true, shopIds: saved.flatMap((s) => (s.shop ? [s.shop.id] : [])), warnings: [...warnings, ...saved.flatMap((s) => (s.busy ? [`row ${s.row}: ${s.busy}`] : []))] };
  }

  /** Start all (every shop not COMPLETED with its configuration) or Continue failed, in the background. */
  start(siteId: string, which: 'all' | 'failed'): FleetStatus {
    const site = this.service.site(siteId);
    if (this.active.has(siteId)) return this.status(siteId);
    const members = fleetMembers(this.service, this.service.listShops(siteId), which).filter((m) => m.move !== 'skip');
    const fleet = new FleetRun(this.service, members, { concurrency: defaultFleetConcurrency(site.url, this.service.clientLimits) });
    this.fleets.set(siteId, fleet);
    this.active.add(siteId);
    void fleet
      .run()
      .catch(() => undefined)
      .finally(() => this.active.delete(siteId));
    return this.status(siteId);
  }

  pause(siteId: string): void {
    this.fleets.get(siteId)?.pause();
  }

  /** The app is closing: no queued shop may start against a closed database. */
  pauseAll(): void {
    for (const fleet of this.fleets.values()) fleet.pause();
  }

  /** Every shop of the site: its row in the running fleet, else where its latest run stands. */
  status(siteId: string): FleetStatus {
    const site = this.service.site(siteId);
    const fleetRows = new Map((this.fleets.get(siteId)?.rows() ?? []).map((row) => [row.shopId, row]));
    const shops = this.service.listShops(siteId).map((shop) => {
      const row = fleetRows.get(shop.id);
      return row && (this.active.has(siteId) || row.state === 'busy' || row.state === 'error') ? row : this.restingRow(shop.id, shop.name);
    });
    return { siteId, active: this.active.has(siteId), concurrency: defaultFleetConcurrency(site.url, this.service.clientLimits), shops };
  }

  private restingRow(shopId: string, name: string): FleetShopRow {
    const view = this.service.runView(shopId);
    const { status, phase } = view.run;
    const going = phase === RunPhase.Running || phase === RunPhase.WaitingForNetwork;
    const current = view.steps.find((s) => s.status === StepStatus.Running || s.status === StepStatus.Retrying || s.status === StepStatus.Failed);
    return {
      shopId,
      name,
      state: going ? 'running' : phase === RunPhase.Paused ? 'paused' : status === RunStatus.NotStarted ? 'idle' : 'finished',
      runStatus: status,
      phase,
      progress: view.progress,
      step: current?.stepId ?? null,
      startedAt: view.run.startedAt,
      finishedAt: view.run.finishedAt,
      message: current?.status === StepStatus.Failed ? (current.error?.message ?? null) : null,
    };
  }
}

