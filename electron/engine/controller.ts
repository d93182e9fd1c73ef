import { hostname } from 'node:os';
import { type Actor, type SnapshotFrom, createActor } from 'xstate';
import type { ErpNextClient } from '../erpnext/client';
import type { Logger } from '../logging/logger';
import type { Redactor } from '../logging/redact';
import { LockLostError, type Store, currentOperator, describeHolder } from '../store';
import type { ErrorInfo } from '../../shared/errors';
import type { RunRecord, ShopRecord } from '../../shared/model';
import type { RunEvent, RunView } from '../../shared/runView';
import { RunPhase, RunStatus, StepStatus } from '../../shared/status';
import { STEP_IDS, StepId, stepDefinition } from '../../shared/steps/catalog';
import { withDefaults } from '../../shared/withDefaults';
import { withDependants } from '../../shared/steps/graph';
import { MACHINE_VERSION, type ResumeInto, type RunDeps, type RunMachineEvent, runMachine, skipRefusal } from './machine';
import { DEFAULT_NETWORK_WAIT, type NetworkWaitOptions, ProbeWaker, waitForNetwork } from './networkWait';
import { type Steps, finalStatus, interrupted, isOptional, runSummary, stepsFrom } from './runState';
import { SiteReads } from './reads/siteReads';
import { RunNotFinishedError, carriedOver } from './repairRun';
import { RunLockedError, ShopLock } from './shopLock';
import { DEFAULT_LEASE, SiteLease, type SiteLeaseOptions } from './siteLease';
import { describeFailure, executeStep } from './stepExecutor';
import { recordRunPlan } from './runPlan';
import type { StepPlan } from './plan/types';
import type { WriteJournal } from './stepContext';
import { storeJournal, storeLedger } from './writeJournal';
import { buildView, eventsBetween } from './view';

export { RunLockedError } from './shopLock';
export { RunNotFinishedError } from './repairRun';

export interface RunControllerOptions {
  maxParallel?: number;
  networkWait?: Partial<NetworkWaitOptions>;
  /** The site's clock as seen by steps (tests use it for "another day"). */
  now?: () => Date;
  /**
   * How long ERPNext may go on working on one request after we stopped waiting, and so still commit it:
   * Frappe's `http_timeout` / gunicorn's `--timeout`, 120 s unless the site was set up otherwise.
   */
  serverTimeoutMs?: number;
  /** How often this process renews (and checks) its hold on the shop's run lock. */
  heartbeatMs?: number;
  /** The claim on the shop kept on the ERPNext site itself (two machines); false to do without. */
  siteLease?: Partial<SiteLeaseOptions> | false;
  /**
   * Runs each step inside a gate its host provides: the service holds back a step that would make a
   * record other shops of the site share while another shop is making it (electron/service/sharedRecords.ts).
   */
  stepGate?: <T>(stepId: StepId, steps: Steps, signal: AbortSignal, say: (action: string) => void, step: () => Promise<T>) => Promise<T>;
}

export const DEFAULT_SERVER_TIMEOUT_MS = 120_000;

export interface RunControllerDeps {
  store: Store;
  shop: ShopRecord;
  /** The site's client, or a factory called when a step first needs it (viewing needs no secret). */
  client: ErpNextClient | (() => ErpNextClient);
  logger: Logger;
  /** The one redaction boundary: nothing a step reports reaches the store, a view or an event without it. */
  redact: Redactor;
  options?: RunControllerOptions;
}

type RunSnapshot = SnapshotFrom<typeof runMachine>;

const PHASE_OF: Record<string, RunPhase> = { idle: RunPhase.Idle, running: RunPhase.Running, waitingForNetwork: RunPhase.WaitingForNetwork, paused: RunPhase.Paused, finished: RunPhase.Finished };
const AT_REST: readonly RunPhase[] = [RunPhase.Finished, RunPhase.Paused, RunPhase.Idle];

/** Where a stored run picks up: a run whose process died mid-step is paused, its steps pending again. */
function resumePoint(run: RunRecord): ResumeInto {
  if (run.status === RunStatus.NotStarted) return 'idle';
  if (run.status !== RunStatus.InProgress) return 'finished';
  return 'paused';
}

/**
 * Drives one shop's run: restores it from SQLite, runs the statechart, persists every transition under
 * the shop's fenced lock, keeps the shop claimed on the site while it writes, and reports views and
 * events to listeners (CLI, window).
 */
export class RunController {
  private actor: Actor<typeof runMachine> | undefined;
  private run: RunRecord;
  private lastView: RunView | null = null;
  private lastPersisted = new Map<StepId, string>();
  private readonly listeners = new Set<(view: RunView, events: RunEvent[]) => void>();
  private lastRefusal: string | null = null;
  private readonly lock: ShopLock;
  private readonly lease: SiteLease | null;
  private client: ErpNextClient | undefined;
  /** What this command's run has read of the site (fresh for every Start/Continue/Retry). */
  private reads: SiteReads | undefined;
  private lostLock = false;
  private releasing: Promise<void> = Promise.resolve();
  private readonly probeWaker = new ProbeWaker();

  constructor(private readonly deps: RunControllerDeps) {
    const options = deps.options ?? {};
    this.lock = new ShopLock(deps.store, deps.shop, options.heartbeatMs ?? 10_000, () => this.onLockLost());
    this.lease = options.siteLease === false ? null : new SiteLease(() => this.siteClient(), { holderId: `${hostname()}/${deps.shop.id}`, host: hostname(), shopName: deps.shop.name }, deps.logger, withDefaults(DEFAULT_LEASE, options.siteLease));
    this.run = deps.store.runs.latestForShop(deps.shop.id) ?? deps.store.runs.firstRun(deps.shop.id, MACHINE_VERSION);
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
    this.lock.while(this.run.id, () => this.deps.store.runs.saveSnapshot(this.run.id, { phase: RunPhase.Paused, nextProbeAt: null }, steps, this.lock.current));
    this.run = this.deps.store.runs.get(this.run.id)!;
    this.deps.logger.warn('The previous session ended while this run was going: paused; Continue resumes it where it stopped');
  }

  get runId(): string {
    return this.run.id;
  }

  /** Whether this controller is driving the run now (a command is in progress). */
  get active(): boolean {
    return this.lock.held;
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
    return this.command('Start', () => {
      if (this.run.status === RunStatus.InProgress) return { type: 'CONTINUE' };
      if (this.run.status !== RunStatus.NotStarted) this.beginNewRun();
      return { type: 'START' };
    });
  }

  continueRun(): Promise<RunView> {
    return this.command('Continue', () => (this.run.status === RunStatus.NotStarted ? { type: 'START' } : { type: 'CONTINUE' }));
  }

  retryAll(): Promise<RunView> {
    return this.command('Retry all', () => (this.run.status === RunStatus.NotStarted ? { type: 'START' } : { type: 'RETRY_ALL' }));
  }

  /**
   * Repair (issue 10, doctor): a new run that carries the last run's finished steps over as they were and
   * runs again only `stepIds` — each re-reads the site and fixes what drifted, through the same ensure,
   * write journal, lock and site claim as any run. Refused while a run is unfinished (Continue it first).
   */
  repair(stepIds: readonly StepId[]): Promise<RunView> {
    return this.command('Repair', () => {
      if (this.run.status === RunStatus.InProgress || this.run.status === RunStatus.NotStarted) {
        this.lock.release();
        throw new RunNotFinishedError(this.deps.shop.name);
      }
      this.beginRepairRun(stepIds);
      return { type: 'CONTINUE' };
    });
  }

  /** Skips an optional step (now, or ahead of time). Returns the refusal message for a critical step. */
  skip(stepId: StepId): { ok: true; view: RunView } | { ok: false; message: string } {
    if (!isOptional(stepId)) return { ok: false, message: skipRefusal(stepId) };
    const apply = () => {
      const actor = this.ensureActor();
      actor.send({ type: 'SKIP', stepId });
      return actor.getSnapshot().context.refusal;
    };
    const refusal = this.lock.held ? apply() : this.lock.while(this.run.id, apply);
    if (refusal) return { ok: false, message: refusal };
    this.deps.logger.info(`Operator: skip ${stepId}`, { stepId });
    return { ok: true, view: this.view() };
  }

  /**
   * Brings a skipped optional step back (pending): it runs with the run — now when steps are running,
   * else at the next Continue, Retry all or new run. Refused when the step is not skipped.
   */
  unskip(stepId: StepId): { ok: true; view: RunView } | { ok: false; message: string } {
    const { title } = stepDefinition(stepId);
    if (this.view().steps.find((step) => step.stepId === stepId)?.status !== StepStatus.Skipped) return { ok: false, message: `"${title}" is not skipped.` };
    const apply = () => void this.ensureActor().send({ type: 'UNSKIP', stepId });
    if (this.lock.held) apply();
    else this.lock.while(this.run.id, apply);
    this.deps.logger.info(`Operator: run ${stepId} again (un-skip "${title}")`, { stepId });
    return { ok: true, view: this.view() };
  }

  /** While waiting for the network: probe the site now rather than at the next planned try. */
  tryNow(): RunView {
    if (!(this.actor && this.lock.held)) {
      const holder = this.deps.store.locks.isFree(this.deps.shop.id) ? null : this.deps.store.locks.holder(this.deps.shop.id);
      if (holder) throw new RunLockedError(this.deps.shop.name, describeHolder(holder));
      return this.view();
    }
    if (this.view().run.phase === RunPhase.WaitingForNetwork) {
      this.deps.logger.info('Operator: try now (asking the site at once instead of waiting for the next try)');
      this.probeWaker.wake();
    }
    return this.view();
  }

  /** Pauses this process's run; refused (RunLockedError) when another process is running the shop. */
  cancel(): void {
    if (this.actor && this.lock.held) {
      this.deps.logger.info('Operator: pause the run');
      this.actor.send({ type: 'CANCEL' });
      return;
    }
    const holder = this.deps.store.locks.isFree(this.deps.shop.id) ? null : this.deps.store.locks.holder(this.deps.shop.id);
    if (holder) throw new RunLockedError(this.deps.shop.name, describeHolder(holder));
  }

  /** Resolves when the run finishes, pauses or is taken over by another process; the lock is released then. */
  settled(): Promise<RunView> {
    return new Promise((resolve) => {
      const check = () => {
        const phase = this.lastView?.run.phase ?? this.view().run.phase;
        if (!this.lostLock && !AT_REST.includes(phase)) return;
        stop();
        // Taken now: by the time the site claim is handed back, the app may be closing its database.
        const view = this.view();
        void this.releasing.then(() => resolve(view));
      };
      const stop = this.onUpdate(() => check());
      queueMicrotask(check);
    });
  }

  /** Pauses a run this process drives (so it resumes cleanly later), then lets everything go. */
  dispose(): void {
    if (this.actor && this.lock.held && !AT_REST.includes(PHASE_OF[String(this.actor.getSnapshot().value)] ?? RunPhase.Idle)) this.actor.send({ type: 'CANCEL' });
    this.actor?.stop();
    this.actor = undefined;
    this.reads?.dispose();
    this.lock.release();
    this.deps.logger.flush();
  }

  /** Takes the lock at once (a refusal is thrown synchronously, before any promise), then drives the machine. */
  private command(label: string, event: () => RunMachineEvent): Promise<RunView> {
    this.lock.acquire(this.run.id);
    const next = event();
    this.lostLock = false;
    this.reads?.dispose();
    this.reads = undefined;
    this.deps.logger.info(`Operator: ${label}`);
    // The run history says who drove the run from which machine (after event(): Start may begin a new run).
    const { osUser, host } = currentOperator();
    this.deps.store.history.recordSession(this.run.id, label, osUser, host);
    const actor = this.ensureActor();
    // A shop that asks for no demo items skips the optional step rather than running it empty.
    if (next.type === 'START' && this.deps.shop.config.demoItems === false) {
      actor.send({ type: 'SKIP', stepId: StepId.DemoItems });
      this.deps.logger.info(`Skip ${StepId.DemoItems}: the shop asks for no demo items`, { stepId: StepId.DemoItems });
    }
    const done = this.settled();
    actor.send(next);
    return done;
  }

  /** A finished run stays as it was (history); the next start is a new run that re-checks everything. */
  private beginNewRun(): void {
    const skipped = this.view().steps.filter((step) => step.status === StepStatus.Skipped).map((step) => step.stepId);
    this.actor?.stop();
    this.actor = undefined;
    this.lastPersisted.clear();
    this.run = this.deps.store.runs.create(this.deps.shop.id, MACHINE_VERSION, this.lock.current);
    this.lock.acquire(this.run.id);
    // The installer's choice to skip optional steps carries over to the shop's next run.
    for (const stepId of skipped) this.ensureActor().send({ type: 'SKIP', stepId });
  }

  /**
   * The repair run starts paused with the last run's succeeded and skipped steps carried over (their
   * outputs, without the effects, which belong to the run that had them) and `stepIds` pending: Continue
   * then runs just those, in the catalog's order.
   */
  private beginRepairRun(stepIds: readonly StepId[]): void {
    const previous = stepsFrom(this.deps.store.runs.steps(this.run.id));
    const before = this.view();
    this.actor?.stop();
    this.actor = undefined;
    this.lastPersisted.clear();
    this.run = this.deps.store.runs.create(this.deps.shop.id, MACHINE_VERSION, this.lock.current);
    this.lock.acquire(this.run.id);
    const repaired = withDependants(stepIds);
    const steps = STEP_IDS.map((id) => carriedOver(previous[id], repaired.includes(id)));
    this.deps.store.runs.saveSnapshot(this.run.id, { status: RunStatus.InProgress, phase: RunPhase.Paused, startedAt: new Date().toISOString() }, steps, this.lock.current);
    this.run = this.deps.store.runs.get(this.run.id)!;
    // Listeners hear of the repaired steps only: the carried-over ones did not run again, and the pause
    // the repair run starts in is how it is built, not an interruption to resume.
    this.lastView = { ...before, run: { ...before.run, phase: RunPhase.Paused } };
  }

  private siteClient(): ErpNextClient {
    if (this.client) return this.client;
    const client = typeof this.deps.client === 'function' ? this.deps.client() : this.deps.client;
    // Nothing that may change the site leaves this process without the lock, nor without the site claim.
    client.transport.addWriteGuard(async () => {
      this.lock.check();
      await this.lease?.ensure();
    });
    this.client = client;
    return client;
  }

  private journal(stepId: StepId): WriteJournal {
    return storeJournal(this.deps.store, this.deps.shop.id, () => this.lock.current, () => ({ runId: this.run.id, stepId }));
  }

  /** The machine's side effects, each behind the redaction boundary. */
  private runDeps(): RunDeps {
    const { logger, options = {}, redact } = this.deps;
    const networkWait = withDefaults(DEFAULT_NETWORK_WAIT, options.networkWait);
    const clean = <T>(value: T) => redact(value) as T;
    const describe = (error: unknown): ErrorInfo => clean(describeFailure(error));
    const executorDeps = (stepId: StepId) => ({ client: this.siteClient(), logger, shop: this.deps.shop.config, now: options.now, writes: this.journal(stepId), ledger: storeLedger(this.deps.store, this.deps.shop.id, () => ({ runId: this.run.id, stepId })), serverTimeoutMs: options.serverTimeoutMs ?? DEFAULT_SERVER_TIMEOUT_MS, reads: (this.reads ??= new SiteReads(this.siteClient())), onPreflight: (plans: StepPlan[]) => this.planned(clean(plans)) });
    return {
      executeStep: async (stepId, current, callbacks, signal) => {
        const step = () => executeStep(executorDeps(stepId), stepId, current, callbacks, signal);
        return clean(await (options.stepGate ? options.stepGate(stepId, current, signal, (action) => callbacks.action(action), step) : step()));
      },
      describeFailure: describe,
      waitForNetwork: (send, signal, outageSince) => {
        const cleanSend = (event: RunMachineEvent) => send(clean(event));
        try {
          waitForNetwork(this.siteClient(), logger, networkWait, cleanSend, signal, outageSince, this.probeWaker);
        } catch (error) {
          cleanSend({ type: 'NETWORK.GAVE_UP', error: describe(error) });
        }
      },
      now: () => new Date().toISOString(),
    };
  }

  /** The preflight's plan: saved with the run; what changed since a preview is logged and announced. */
  private planned(plans: StepPlan[]): void {
    // A run taken over by another process (or a closing app) records nothing more.
    if (!this.lock.held || this.lostLock || !this.deps.store.db.open) return;
    const compared = recordRunPlan(this.deps.store, this.deps.logger, this.deps.shop.id, this.run.id, plans);
    if (!compared || compared.differences.length === 0) return;
    const event: RunEvent = { type: 'run.plan_changed', at: new Date().toISOString(), previewAt: compared.previewAt, differences: compared.differences.map((d) => d.text) };
    const view = this.view();
    for (const listener of this.listeners) listener(view, [event]);
  }

  private ensureActor(): Actor<typeof runMachine> {
    if (this.actor) return this.actor;
    const stored = stepsFrom(this.deps.store.runs.steps(this.run.id));
    const steps = Object.fromEntries(Object.entries(stored).map(([id, step]) => [id, interrupted(step)])) as Steps;
    const actor = createActor(runMachine, { input: { steps, resumeInto: resumePoint(this.run), maxParallel: this.deps.options?.maxParallel ?? 2, deps: this.runDeps() } });
    actor.subscribe((snapshot) => this.persist(snapshot));
    this.actor = actor;
    actor.start();
    return actor;
  }

  /** Persist after every transition: the run row and every step whose record changed, in one transaction. */
  private persist(snapshot: RunSnapshot): void {
    if (this.lostLock) return;
    const phase = PHASE_OF[String(snapshot.value)] ?? RunPhase.Idle;
    const { steps, nextProbeAt, networkError } = snapshot.context;
    const now = new Date().toISOString();
    const status = phase === RunPhase.Idle ? RunStatus.NotStarted : phase === RunPhase.Finished ? finalStatus(steps) : RunStatus.InProgress;
    const startedAt = this.run.startedAt ?? (status === RunStatus.NotStarted ? null : now);
    const finishedAt = phase === RunPhase.Finished ? (this.run.phase === RunPhase.Finished ? this.run.finishedAt : now) : null;
    const failedStep = Object.values(steps).find((s) => s.status === StepStatus.Failed && s.error);
    const changed = Object.values(steps).filter((step) => this.lastPersisted.get(step.stepId) !== JSON.stringify(step));
    this.deps.logger.flush();
    try {
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
        this.lock.current,
      );
    } catch (error) {
      if (error instanceof LockLostError) return this.lock.lost();
      throw error;
    }
    for (const step of changed) this.lastPersisted.set(step.stepId, JSON.stringify(step));
    // The run's own story for the log viewer and the support bundle (search finds "run started").
    if (!this.run.startedAt && startedAt) this.deps.logger.info('Run started');
    // Only a move into rest lets go: restoring a paused run (the actor's first snapshot) is not one.
    const cameToRest = this.run.phase !== phase && (phase === RunPhase.Finished || phase === RunPhase.Paused);
    this.run = this.deps.store.runs.get(this.run.id)!;
    if (cameToRest) {
      this.deps.logger.info(phase === RunPhase.Finished ? `Run finished ${status}` : 'Run paused');
      this.letGo();
    }
    this.announce(snapshot.context.refusal);
  }

  /** At rest: the site claim is handed back (before `settled` resolves) and the lock released. */
  private letGo(): void {
    if (!this.lock.held) return;
    this.lock.release();
    if (this.lease?.held) this.releasing = this.lease.release().catch(() => undefined);
  }

  /** Another process took the run over: stop here, write nothing more, send nothing more to ERPNext. */
  private onLockLost(): void {
    if (this.lostLock) return;
    this.lostLock = true;
    this.deps.logger.warn('Another process took over this shop\'s run: stopped here without sending anything more to ERPNext');
    this.actor?.stop();
    this.actor = undefined;
    const view = this.view();
    const event: RunEvent = { type: 'run.lock_lost', at: new Date().toISOString(), message: 'Another process took over this run; this one stopped.' };
    this.lastView = view;
    for (const listener of this.listeners) listener(view, [event]);
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

