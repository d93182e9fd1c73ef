import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { StoreError, storeErrorFrom } from './errors';
import { HistoryRepository } from './history';
import { PlansRepository } from './plans';
import { InsightsRepository } from './insights';
import { LocksRepository } from './locks';
import { LogsRepository } from './logs';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';
import { RunsRepository } from './runs';
import { ShopsRepository } from './shops';
import { SitesRepository } from './sites';
import { WriteIntentsRepository } from './writeIntents';
import { EffectsRepository, UndoRunsRepository } from './effects';

export { StoreError } from './errors';
export type { NewLogEntry } from './logs';
export { type LockFence, type LockHolder, describeHolder } from './locks';
export { type RunPatch, LockLostError } from './runs';
export type { WriteIntent } from './writeIntents';
export type { EffectKind, EffectTarget, NewEffect, ShopEffect, UndoRunRecord, UndoStatus } from './effects';
export { currentOperator } from './history';
export type { RunPlan, StoredPreview } from './plans';

/** The local SQLite database: sites, shops, runs, step states and logs. Synchronous, one per process. */
export class Store {
  readonly sites: SitesRepository;
  readonly shops: ShopsRepository;
  readonly runs: RunsRepository;
  readonly logs: LogsRepository;
  readonly locks: LocksRepository;
  readonly writeIntents: WriteIntentsRepository;
  readonly history: HistoryRepository;
  readonly insights: InsightsRepository;
  readonly plans: PlansRepository;
  /** What runs did on the site, per shop (undo reads it), and each undo. */
  readonly effects: EffectsRepository;
  readonly undoRuns: UndoRunsRepository;
  readonly schemaVersion: number;

  private constructor(
    readonly db: Database.Database,
    readonly file: string,
  ) {
    this.schemaVersion = migrate(db, MIGRATIONS, file);
    this.sites = new SitesRepository(db);
    this.shops = new ShopsRepository(db);
    this.runs = new RunsRepository(db);
    this.logs = new LogsRepository(db);
    this.locks = new LocksRepository(db);
    this.writeIntents = new WriteIntentsRepository(db);
    this.history = new HistoryRepository(db);
    this.insights = new InsightsRepository(db);
    this.plans = new PlansRepository(db);
    this.effects = new EffectsRepository(db);
    this.undoRuns = new UndoRunsRepository(db);
  }

  /** Opens (creating when missing) the database at `file`, or ':memory:'. Throws StoreError with a hint. */
  static open(file: string, options: { nativeBinding?: string } = {}): Store {
    let db: Database.Database | undefined;
    try {
      if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
      db = new Database(file, { timeout: 5_000, nativeBinding: options.nativeBinding });
      // WAL lets the UI read logs while a run writes; NORMAL sync is durable across app crashes in WAL mode.
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      return new Store(db, file);
    } catch (error) {
      db?.close();
      throw error instanceof StoreError ? error : storeErrorFrom(error, file);
    }
  }

  /** Runs `work` in one IMMEDIATE transaction: a look-then-write no other process can come between. */
  atomically<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  integrityCheck(): string {
    return (this.db.pragma('integrity_check', { simple: true }) as string) ?? 'unknown';
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
