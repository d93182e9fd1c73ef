import type { EngineEvent, PosCommand, RunUpdate } from '../../shared/ipc/contract';
import { type Result, fail } from '../../shared/ipc/result';
import type { LogEntry } from '../../shared/model';
import { RunPhase } from '../../shared/status';
import type { Answers, Channel, EngineConfig, EngineToMain, MainToEngine, Question } from './protocol';

/** A started engine process, whatever started it (Electron's utilityProcess, or Node's fork in tests). */
export interface SpawnedEngine extends Channel<MainToEngine, EngineToMain> {
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

export type EngineState = 'starting' | 'ready' | 'restarting' | 'failed' | 'stopped';

export interface EngineStatus {
  state: EngineState;
  message: string;
  hint?: string;
}

export interface SupervisorOptions {
  spawn(): SpawnedEngine;
  config(): EngineConfig;
  /** Answers the engine's question (each kind's answer type is in Answers). */
  answer(question: Question): Promise<Answers[Question['kind']]>;
  onRunUpdate(update: RunUpdate): void;
  onLogEntries(entries: LogEntry[]): void;
  onNotify(title: string, body: string): void;
  onStatus(status: EngineStatus): void;
  /** What the window is told (its banner): stopped, then restarted once the runs resumed, or failed. */
  onEngineEvent(event: EngineEvent): void;
  /** More deaths than this within `restartWindowMs` and the engine is not started again. */
  maxRestarts?: number;
  restartWindowMs?: number;
}

export const ENGINE_RESTARTING = 'The engine stopped; restarting.';

const ACTIVE = new Set<string>([RunPhase.Running, RunPhase.WaitingForNetwork]);

/**
 * Main's side of the engine process: starts it, relays the typed API to it and its events back,
 * answers its questions, and when it dies restarts it and resumes the runs that were going — from
 * SQLite, exactly like after a crash of the whole app (steps look before they write).
 */
export class EngineSupervisor {
  private engine: SpawnedEngine | undefined;
  private nextCall = 0;
  private readonly pending = new Map<number, (result: Result<unknown>) => void>();
  private readonly running = new Set<string>();
  private readonly deaths: number[] = [];
  private ready: Promise<void> = Promise.resolve();
  private state: EngineState = 'stopped';
  private stopping = false;
  /** Set while a restart is under way, so the window hears "failed" once however the restart ends. */
  private restarting = false;
  /** The runs to resume once the engine is back (kept when it dies again before they resumed). */
  private toResume: string[] = [];

  constructor(private readonly options: SupervisorOptions) {}

  /** Resolves once the engine answers; rejects with its reason when it cannot open its data. */
  start(): Promise<void> {
    this.ready = this.launch('starting', 'Starting the engine');
    return this.ready;
  }

  /** The shops whose run is going now (the close guard and the updater ask). */
  runningShops(): string[] {
    return [...this.running];
  }

  async call(command: PosCommand, payload: unknown): Promise<Result<unknown>> {
    try {
      await this.ready;
    } catch {
      return fail(this.unavailable());
    }
    const engine = this.engine;
    if (!engine || this.state !== 'ready') return fail(this.unavailable());
    const id = ++this.nextCall;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      engine.post({ type: 'call', id, command, payload });
    });
  }

  /** Asks the engine to close its database cleanly; kills it if it does not within `timeoutMs`. */
  async shutdown(timeoutMs = 5_000): Promise<void> {
    this.stopping = true;
    const engine = this.engine;
    if (!engine) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        engine.kill();
        resolve();
      }, timeoutMs);
      engine.onExit(() => {
        clearTimeout(timer);
        resolve();
      });
      engine.post({ type: 'shutdown' });
    });
    this.setState({ state: 'stopped', message: 'The engine stopped.' });
  }

  private unavailable() {
    return this.state === 'failed'
      ? { code: 'engine_failed', message: 'The engine cannot run.', hint: 'Quit and open the app again; if it happens again, send the message shown at start to the helpdesk.' }
      : { code: 'engine_restarting', message: ENGINE_RESTARTING, hint: 'Nothing already done is lost: the run resumes where it stopped. Try again in a moment.' };
  }

  private setState(status: EngineStatus): void {
    this.state = status.state;
    this.options.onStatus(status);
  }

  private launch(state: 'starting' | 'restarting', message: string): Promise<void> {
    this.setState({ state, message });
    const engine = this.options.spawn();
    this.engine = engine;
    return new Promise<void>((resolve, reject) => {
      engine.onMessage((message) => {
        if (message.type === 'ready') {
          this.setState({ state: 'ready', message: 'The engine is running.' });
          resolve();
        } else if (message.type === 'failed') {
          this.stopping = true;
          this.setState({ state: 'failed', message: message.message, hint: message.hint });
          this.restartFailed(message.message, message.hint);
          reject(Object.assign(new Error(message.message), { hint: message.hint }));
        } else this.receive(engine, message);
      });
      engine.onExit((code) => {
        if (this.engine !== engine) return;
        this.engine = undefined;
        if (this.state === 'starting' || this.state === 'restarting') reject(new Error(`The engine stopped while starting (exit code ${code ?? 'none'}).`));
        this.died();
      });
      engine.post({ type: 'init', config: this.options.config() });
    });
  }

  private receive(engine: SpawnedEngine, message: EngineToMain): void {
    switch (message.type) {
      case 'result':
        this.pending.get(message.id)?.(message.result);
        this.pending.delete(message.id);
        return;
      case 'run-update':
        if (ACTIVE.has(message.update.view.run.phase)) this.running.add(message.update.view.shopId);
        else this.running.delete(message.update.view.shopId);
        this.options.onRunUpdate(message.update);
        return;
      case 'log-entries':
        this.options.onLogEntries(message.entries);
        return;
      case 'notify':
        this.options.onNotify(message.title, message.body);
        return;
      case 'ask':
        this.options.answer(message.question).then(
          (value) => engine.post({ type: 'answer', id: message.id, ok: true, value }),
          (error: unknown) => engine.post({ type: 'answer', id: message.id, ok: false, message: (error as Error).message }),
        );
        return;
      default:
        return;
    }
  }

  /** The engine is gone: answer what it was doing, then start it again and resume its runs. */
  private died(): void {
    const interrupted = fail(this.unavailable());
    for (const resolve of this.pending.values()) resolve(interrupted);
    this.pending.clear();
    if (this.stopping) return;
    const now = Date.now();
    this.deaths.push(now);
    const recent = this.deaths.filter((at) => now - at < (this.options.restartWindowMs ?? 120_000));
    if (!this.restarting) this.options.onEngineEvent({ type: 'engine.stopped' });
    this.restarting = true;
    if (recent.length > (this.options.maxRestarts ?? 3)) {
      const status = { state: 'failed', message: 'The engine keeps stopping.', hint: 'Quit and open the app again. Runs are saved and resume with Continue; if it happens again, export the support bundle.' } as const;
      this.setState(status);
      this.restartFailed(status.message, status.hint);
      return;
    }
    this.toResume = [...new Set([...this.toResume, ...this.running])];
    this.running.clear();
    this.ready = this.launch('restarting', ENGINE_RESTARTING);
    this.ready.then(
      () => void this.resume(this.toResume),
      () => undefined,
    );
  }

  /** Continues each run that was going; the window hears "restarted" once they are under way again. */
  private async resume(shopIds: string[]): Promise<void> {
    const results = await Promise.all(shopIds.map((shopId) => this.call('continueRun', shopId)));
    if (!this.restarting || this.state !== 'ready') return;
    this.restarting = false;
    this.toResume = [];
    this.options.onEngineEvent({ type: 'engine.restarted', resumedRuns: results.filter((result) => result.ok).length });
  }

  private restartFailed(message: string, hint: string): void {
    if (!this.restarting) return;
    this.restarting = false;
    this.options.onEngineEvent({ type: 'engine.failed', message, hint });
  }
}
