import { type Actor, type SnapshotFrom, createActor } from 'xstate';
import type { ErpNextClient } from '../erpnext/client';
import type { Logger } from '../logging/logger';
import type { Store } from '../store';
import type { RunRecord, ShopRecord } from '../../shared/model';
import type { RunEvent, RunView } from '../../shared/runView';
import { RunPhase, RunStatus, StepStatus } from '../../shared/status';
import { StepId } from '../../shared/steps/catalog';
import { withDefaults } from '../../shared/withDefaults';
import { MACHINE_VERSION, type ResumeInto, type RunMachineEvent, runMachine } from './machine';
import { DEFAULT_NETWORK_WAIT, type NetworkWaitOptions, waitForNetwork } from './networkWait';
import { type Steps, finalStatus, interrupted, runSummary, stepsFrom } from './runState';
import { describeFailure, executeStep } from './stepExecutor';
import { buildView, eventsBetween } from './view';

export class RunLockedError extends Error {
  readonly hint = 'Wait for that run to finish (or close the other window), then try again.';
  constructor(shopName: string, holder: string) {
    super(`A run for "${shopName}" is already in progress (${holder}).`);
    this.name = 'RunLockedError';
  }
}

export interface RunControllerOptions {
  maxParallel?: number;
  networkWait?: Partial<NetworkWaitOptions>;
  /** The site's clock as seen by steps (tests use it for "another day"). */
  now?: () => Date;
}

export interface RunControllerDeps {
  store: Store;
  shop: ShopRecord;
  /** The site's client, or a factory called when a step first needs it (viewing needs no secret). */
  client: ErpNextClient | (() => ErpNextClient);
  logger: Logger;
  options?: RunControllerOptions;
}

type RunSnapshot = SnapshotFrom<typeof runMachine>;

const PHASE_OF: Record<string, RunPhase> = { idle: RunPhase.Idle, running: RunPhase.Running, waitingForNetwork: RunPhase.WaitingForNetwork, paused: RunPhase.Paused, finished: RunPhase.Finished };

/** Where a stored run picks up: a run whose process died mid-step is paused, its steps pending again. */
function resumePoint(run: RunRecord): ResumeInto {
  if (run.status === RunStatus.NotStarted) return 'idle';
  if (run.status !== RunStatus.InProgress) return 'finished';
  return 'paused';
}

/**
 * Drives one shop's run: restores it from SQLite, runs the statechart, persists every transition, holds
 * the shop's run lock while steps execute, and reports views and events to listeners (CLI, window).
 */
export class RunController {
  private actor: Actor<typeof runMachine> | undefined;
  private run: RunRecord;
  private lastView: RunView | null = null;
  private lastPersisted = new Map<StepId, string>();
  private readonly listeners = new Set<(view: RunView, events: RunEvent[]) => void>();
  private heartbeat: NodeJS.Timeout | undefined;
  private holdsLock = false;
  private lastRefusal: string | null = null;

  constructor(private readonly deps: RunControllerDeps) {
    this.run = deps.store.runs.latestForShop(deps.shop.id) ?? deps.store.runs.create(deps.shop.id, MACHINE_VERSION);
    this.reconcileInterrupted();
  }

  /**
   * A run left "running" by a process that died (crash, kill, closed laptop) is shown as it really is:
   * paused, its interrupted steps pending, ready for Continue. A run another live process drives is left alone.
   */
  private reconcileInterrupted(): void {
    const stale = this.run.status === RunStatus.InProgress && (this.run.phase === RunPhase.Running || this.run.phase === RunPhase.WaitingForNetwork);
    if (!stale || !this.deps.store.locks.isFree(this.deps.shop.id)) return;
    const steps = this.deps.store.runs.steps(this.run.id).map(interrupted);
    this.deps.store.runs.saveSnapshot(this.run.id, { phase: RunPhase.Paused, nextProbeAt: null }, steps);
    this.run = this.deps.store.runs.get(this.run.id)!;
    this.deps.logger.warn('The previous session ended while this run was going: paused; Continue resumes it where it stopped');
  }

  get runId(): string {
    return this.run.id;
  }

  view(): RunView {
    const steps = this.actor ? this.actor.getSnapshot().context.steps : stepsFrom(this.deps.store.runs.steps(this.run.id));
    const networkError = this.actor?.getSnapshot().context.networkError ?? null;
    return buildView(this.deps.shop, this.deps.store.runs.get(this.run.id) ?? this.run, steps, this.deps.store.runs.typicalDurations(), networkError);
  }

  onUpdate(listener: (view: RunView, events: RunEvent[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Start the shop's run: resumes an interrupted one, or begins a new run after a finished one. */
  start(): Promise<RunView> {
    if (this.run.status === RunStatus.InProgress) return this.command({ type: 'CONTINUE' });
    if (this.run.status !== RunStatus.NotStarted) this.beginNewRun();
    return this.command({ type: 'START' });
  }

  /** A finished run stays as it was (history); the next start is a new run that re-checks everything. */
  private beginNewRun(): void {
    const skipped = this.view().steps.filter((step) => step.status === StepStatus.Skipped).map((step) => step.stepId);
    this.actor?.stop();
    this.actor = undefined;
    this.lastPersisted.clear();
    this.run = this.deps.store.runs.create(this.deps.shop.id, MACHINE_VERSION);
    // The installer's choice to skip optional steps carries over to the shop's next run.
    for (const stepId of skipped) this.ensureActor().send({ type: 'SKIP', stepId });
  }

  continueRun(): Promise<RunView> {
    if (this.run.status === RunStatus.NotStarted) return this.command({ type: 'START' });
    return this.command({ type: 'CONTINUE' });
  }

  retryAll(): Promise<RunView> {
    if (this.run.status === RunStatus.NotStarted) return this.command({ type: 'START' });
    return this.command({ type: 'RETRY_ALL' });
  }

  /** Skips an optional step (now, or ahead of time). Returns the refusal message for a critical step. */
  skip(stepId: StepId): { ok: true; view: RunView } | { ok: false; message: string } {
    const actor = this.ensureActor();
    actor.send({ type: 'SKIP', stepId });
    const refusal = actor.getSnapshot().context.refusal;
    if (refusal) return { ok: false, message: refusal };
    return { ok: true, view: this.view() };
  }

  cancel(): void {
    this.actor?.send({ type: 'CANCEL' });
  }

  /** Resolves when the run finishes or pauses; the lock is released then. */
  settled(): Promise<RunView> {
    return new Promise((resolve) => {
      const check = () => {
        const phase = this.lastView?.run.phase ?? this.view().run.phase;
        if (phase === RunPhase.Finished || phase === RunPhase.Paused || phase === RunPhase.Idle) {
          stop();
          resolve(this.view());
        }
      };
      const stop = this.onUpdate(() => check());
      queueMicrotask(check);
    });
  }

  dispose(): void {
    this.actor?.stop();
    this.actor = undefined;
    this.releaseLock();
    this.deps.logger.flush();
  }

  private command(event: RunMachineEvent): Promise<RunView> {
    this.acquireLock();
    const actor = this.ensureActor();
    // A shop that asks for no demo items skips the optional step rather than running it empty.
    if (event.type === 'START' && this.deps.shop.config.demoItems === false) actor.send({ type: 'SKIP', stepId: StepId.DemoItems });
    const done = this.settled();
    actor.send(event);
    return done;
  }

  private acquireLock(): void {
    if (this.holdsLock) return;
    const result = this.deps.store.locks.acquire(this.deps.shop.id, this.run.id);
    if (!result.ok) throw new RunLockedError(this.deps.shop.name, `process ${result.holder.pid} on ${result.holder.host}`);
    this.holdsLock = true;
    this.heartbeat = setInterval(() => this.deps.store.locks.heartbeat(this.deps.shop.id), 10_000);
    this.heartbeat.unref();
  }

  private releaseLock(): void {
    clearInterval(this.heartbeat);
    if (this.holdsLock) this.deps.store.locks.release(this.deps.shop.id);
    this.holdsLock = false;
  }

  private ensureActor(): Actor<typeof runMachine> {
    if (this.actor) return this.actor;
    const { logger, options = {} } = this.deps;
    let client: ErpNextClient | undefined;
    const siteClient = () => (client ??= typeof this.deps.client === 'function' ? this.deps.client() : this.deps.client);
    const stored = stepsFrom(this.deps.store.runs.steps(this.run.id));
    const steps = Object.fromEntries(Object.entries(stored).map(([id, step]) => [id, interrupted(step)])) as Steps;
    const networkWait = withDefaults(DEFAULT_NETWORK_WAIT, options.networkWait);
    const actor = createActor(runMachine, {
      input: {
        steps,
        resumeInto: resumePoint(this.run),
        maxParallel: options.maxParallel ?? 2,
        deps: {
          executeStep: async (stepId, current, callbacks, signal) => executeStep({ client: siteClient(), logger, shop: this.deps.shop.config, now: options.now }, stepId, current, callbacks, signal),
          describeFailure,
          waitForNetwork: (send, signal) => {
            try {
              waitForNetwork(siteClient(), logger, networkWait, send, signal);
            } catch (error) {
              send({ type: 'NETWORK.GAVE_UP', error: describeFailure(error) });
            }
          },
          now: () => new Date().toISOString(),
        },
      },
    });
    actor.subscribe((snapshot) => this.persist(snapshot));
    this.actor = actor;
    actor.start();
    return actor;
  }

  /** Persist after every transition: the run row and every step whose record changed, in one transaction. */
  private persist(snapshot: RunSnapshot): void {
    const phase = PHASE_OF[String(snapshot.value)] ?? RunPhase.Idle;
    const { steps, nextProbeAt, networkError } = snapshot.context;
    const now = new Date().toISOString();
    const status = phase === RunPhase.Idle ? RunStatus.NotStarted : phase === RunPhase.Finished ? finalStatus(steps) : RunStatus.InProgress;
    const startedAt = this.run.startedAt ?? (status === RunStatus.NotStarted ? null : now);
    const finishedAt = phase === RunPhase.Finished ? (this.run.phase === RunPhase.Finished ? this.run.finishedAt : now) : null;
    const failedStep = Object.values(steps).find((s) => s.status === StepStatus.Failed && s.error);
    const changed = Object.values(steps).filter((step) => this.lastPersisted.get(step.stepId) !== JSON.stringify(step));
    this.deps.logger.flush();
    this.deps.store.runs.saveSnapshot(
      this.run.id,
      {
        status,
        phase,
        startedAt,
        finishedAt,
        nextProbeAt: phase === RunPhase.WaitingForNetwork ? nextProbeAt : null,
        error: status === RunStatus.Failed ? (failedStep?.error ?? networkError) : null,
        summary: phase === RunPhase.Finished ? runSummary(steps) : null,
      },
      changed,
    );
    for (const step of changed) this.lastPersisted.set(step.stepId, JSON.stringify(step));
    this.run = this.deps.store.runs.get(this.run.id)!;
    if (phase === RunPhase.Finished || phase === RunPhase.Paused) this.releaseLock();
    this.announce(snapshot.context.refusal);
  }

  private announce(refusal: string | null): void {
    const view = this.view();
    const events = eventsBetween(this.lastView, view);
    if (!this.lastView || this.lastView.run.id !== view.run.id) events.unshift({ type: 'run.started', at: new Date().toISOString(), runId: view.run.id, shopName: view.shopName });
    if (refusal && refusal !== this.lastRefusal) events.push({ type: 'run.refused', at: new Date().toISOString(), message: refusal });
    this.lastRefusal = refusal;
    this.lastView = view;
    for (const listener of this.listeners) listener(view, events);
  }

}
