import { RunLockedError } from '../engine/controller';
import { limiterFor } from '../erpnext/limiter';
import { normalizeSiteUrl } from '../erpnext/siteUrl';
import type { FleetMove, FleetShopRow, FleetShopState } from '../../shared/fleet';
import type { RunRecord, ShopRecord } from '../../shared/model';
import type { RunEvent, RunView } from '../../shared/runView';
import { RunPhase, RunStatus, StepStatus } from '../../shared/status';
import type { ProvisioningService } from './service';

/**
 * What a fleet does with a shop, from its latest run. "all" (Start all, `fleet` again): nothing for a
 * shop already COMPLETED with the configuration it has now, a new run for one edited since (it
 * re-checks and adds what changed), resume anything else. "failed" (Continue failed): resume FAILED
 * and PARTIAL runs only.
 */
export function fleetMove(shop: Pick<ShopRecord, 'updatedAt'>, run: Pick<RunRecord, 'status' | 'createdAt'> | null, which: 'all' | 'failed'): FleetMove {
  const status = run?.status ?? RunStatus.NotStarted;
  if (status === RunStatus.Failed || status === RunStatus.Partial) return 'continue';
  if (which === 'failed') return 'skip';
  if (status === RunStatus.NotStarted) return 'start';
  if (status === RunStatus.InProgress) return 'continue';
  return shop.updatedAt > run!.createdAt ? 'start' : 'skip';
}

/** Shops in flight by default: as many as the site's limiter lets requests be in flight (more would only queue there). */
export function defaultFleetConcurrency(siteUrl: string, limits?: Parameters<typeof limiterFor>[1]): number {
  return limiterFor(normalizeSiteUrl(siteUrl).origin, limits).options.maxConcurrent;
}

export interface FleetMember {
  shopId: string;
  name: string;
  move: FleetMove;
  /** Another process runs it (its configuration could not even be saved): not started here. */
  busy?: string | null;
}

interface Tracked extends FleetMember {
  state: FleetShopState;
  view: RunView | null;
  message: string | null;
  /** When this fleet started the shop and when it came to rest (the table's elapsed time). */
  launchedAt: string | null;
  settledAt: string | null;
}

export interface FleetRunOptions {
  concurrency: number;
  /** Every change of a shop's row (the CLI's table, the window's fleet view). */
  onChange?(row: FleetShopRow): void;
  /** Every run event of a fleet shop, tagged with it (the CLI's --json). */
  onEvent?(shop: FleetMember, event: RunEvent): void;
}

const stepNow = (view: RunView | null) =>
  view?.steps.find((s) => s.status === StepStatus.Running || s.status === StepStatus.Retrying)?.stepId ?? view?.steps.find((s) => s.status === StepStatus.Failed)?.stepId ?? null;

/**
 * Runs many shops of one site, each as its own run (its own lock, log and resume point) through the
 * service's start/continue — so whatever every Start does (a preflight, later) happens for each.
 * At most `concurrency` shops are in flight; their requests share the site's limiter in this process.
 * `pause()` stops starting shops and pauses the ones in flight: running the fleet again resumes them.
 */
export class FleetRun {
  private readonly shops: Tracked[];
  private stopping = false;
  private stopUpdates: (() => void) | undefined;

  constructor(
    private readonly service: ProvisioningService,
    members: readonly FleetMember[],
    private readonly options: FleetRunOptions,
  ) {
    this.shops = members.map((m) => ({ ...m, state: m.busy ? 'busy' : m.move === 'skip' ? 'skipped' : 'queued', view: null, message: m.busy ?? null, launchedAt: null, settledAt: null }));
  }

  get paused(): boolean {
    return this.stopping;
  }

  rows(): FleetShopRow[] {
    return this.shops.map((shop) => this.row(shop));
  }

  /** Runs every shop (at most `concurrency` at once); resolves when each is at rest, skipped or refused. */
  async run(): Promise<FleetShopRow[]> {
    this.stopUpdates = this.service.onRunUpdate((view, events) => this.onUpdate(view, events));
    try {
      const queue = this.shops.filter((shop) => shop.state === 'queued');
      const worker = async () => {
        for (let shop = queue.shift(); shop && !this.stopping; shop = queue.shift()) await this.runOne(shop);
      };
      await Promise.all(Array.from({ length: Math.max(1, this.options.concurrency) }, worker));
    } finally {
      this.stopUpdates();
    }
    return this.rows();
  }

  /** Ctrl-C, or Pause all in the window: no new shop starts; the running ones pause where they are. */
  pause(): void {
    this.stopping = true;
    for (const shop of this.shops) {
      if (shop.state !== 'running') continue;
      try {
        this.service.cancelRun(shop.shopId);
      } catch {
        // Another process drives it: nothing of ours to pause.
      }
    }
  }

  private async runOne(shop: Tracked): Promise<void> {
    shop.launchedAt = new Date().toISOString();
    this.set(shop, 'running');
    try {
      const view = await (shop.move === 'start' ? this.service.startRun(shop.shopId) : this.service.continueRun(shop.shopId));
      shop.view = view;
      const busy = view.steps.some((s) => s.error?.code === 'shop_busy');
      shop.message = busy ? (view.steps.find((s) => s.error?.code === 'shop_busy')?.error?.message ?? null) : null;
      this.set(shop, busy ? 'busy' : view.run.phase === RunPhase.Paused ? 'paused' : view.run.phase === RunPhase.Finished ? 'finished' : 'idle');
    } catch (error) {
      shop.message = error instanceof RunLockedError ? `${error.message} ${error.hint}` : error instanceof Error ? error.message : String(error);
      this.set(shop, error instanceof RunLockedError ? 'busy' : 'error');
    }
  }

  private onUpdate(view: RunView, events: RunEvent[]): void {
    const shop = this.shops.find((s) => s.shopId === view.shopId);
    if (!shop || shop.state !== 'running') return;
    shop.view = view;
    for (const event of events) this.options.onEvent?.(shop, event);
    this.options.onChange?.(this.row(shop));
  }

  private set(shop: Tracked, state: FleetShopState): void {
    shop.state = state;
    if (state !== 'running' && shop.launchedAt) shop.settledAt = new Date().toISOString();
    this.options.onChange?.(this.row(shop));
  }

  private row(shop: Tracked): FleetShopRow {
    const view = shop.view ?? (shop.state === 'queued' || shop.state === 'skipped' ? safeView(this.service, shop.shopId) : null);
    return {
      shopId: shop.shopId,
      name: shop.name,
      state: shop.state,
      runStatus: view?.run.status ?? RunStatus.NotStarted,
      phase: view?.run.phase ?? null,
      progress: view?.progress ?? 0,
      step: stepNow(view),
      startedAt: shop.launchedAt ?? view?.run.startedAt ?? null,
      finishedAt: shop.launchedAt ? shop.settledAt : (view?.run.finishedAt ?? null),
      // A run that stopped says why: the failed step's message, as the run view shows it.
      message: shop.message ?? view?.steps.find((s) => s.status === StepStatus.Failed)?.error?.message ?? null,
    };
  }
}

function safeView(service: ProvisioningService, shopId: string): RunView | null {
  try {
    return service.runView(shopId);
  } catch {
    return null;
  }
}
