import type Database from 'better-sqlite3';
import { now } from './json';
import type { LockFence } from './locks';
import { LockLostError } from './runs';

export interface WriteIntent {
  what: string;
  runId: string | null;
  stepId: string | null;
  sentAt: string;
}

/**
 * Creates sent to ERPNext whose outcome is not known yet, per shop. Written before the request leaves
 * (so a crash between sending and the answer still knows), cleared once the record is seen or the
 * server answered. Only the holder of the shop's lock writes here.
 */
export class WriteIntentsRepository {
  constructor(private readonly db: Database.Database) {}

  get(shopId: string, what: string): WriteIntent | null {
    const row = this.db.prepare('SELECT what, run_id AS runId, step_id AS stepId, sent_at AS sentAt FROM write_intents WHERE shop_id = ? AND what = ?').get(shopId, what) as WriteIntent | undefined;
    return row ?? null;
  }

  list(shopId: string): WriteIntent[] {
    return this.db.prepare('SELECT what, run_id AS runId, step_id AS stepId, sent_at AS sentAt FROM write_intents WHERE shop_id = ? ORDER BY sent_at').all(shopId) as WriteIntent[];
  }

  /** Records that `what` is about to be sent now; fails (LockLostError) for a process that lost the lock. */
  sending(fence: LockFence, what: string, context: { runId: string; stepId: string }): WriteIntent {
    const sentAt = now();
    const written = this.db
      .prepare(
        `INSERT INTO write_intents (shop_id, what, run_id, step_id, sent_at) SELECT ?, ?, ?, ?, ?
         WHERE EXISTS (SELECT 1 FROM run_locks WHERE shop_id = ? AND token = ?)
         ON CONFLICT (shop_id, what) DO UPDATE SET run_id = excluded.run_id, step_id = excluded.step_id, sent_at = excluded.sent_at`,
      )
      .run(fence.shopId, what, context.runId, context.stepId, sentAt, fence.shopId, fence.token);
    if (written.changes === 0) throw new LockLostError(fence.shopId);
    return { what, runId: context.runId, stepId: context.stepId, sentAt };
  }

  settled(fence: LockFence, what: string): void {
    this.db.prepare('DELETE FROM write_intents WHERE shop_id = ? AND what = ? AND EXISTS (SELECT 1 FROM run_locks WHERE shop_id = ? AND token = ?)').run(fence.shopId, what, fence.shopId, fence.token);
  }
}
