import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type Database from 'better-sqlite3';
import { now } from './json';

export interface LockHolder {
  runId: string;
  owner: string;
  host: string;
  pid: number;
  heartbeatAt: string;
}

/** A lock whose process is gone (killed, crashed) or that stopped beating may be taken over. */
export const STALE_AFTER_MS = 30_000;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Proof of holding a shop's lock: run and step writes are accepted only with the current token. */
export interface LockFence {
  shopId: string;
  token: string;
}

export type AcquireResult = { ok: true; fence: LockFence } | { ok: false; holder: LockHolder };

/** Who holds a lock, in words for a refusal ("process 4242 on till-laptop"). */
export const describeHolder = (holder: LockHolder) => `process ${holder.pid} on ${holder.host}`;

export class LocksRepository {
  /** Identifies this process's locks: host, pid and a random part (pids are reused). */
  readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  constructor(
    private readonly db: Database.Database,
    private readonly staleAfterMs = STALE_AFTER_MS,
  ) {}

  /** True when nobody else is really holding the shop: no lock, or one whose process is gone. */
  isFree(shopId: string): boolean {
    const holder = this.holder(shopId);
    return !holder || this.isStale(holder);
  }

  private isStale(holder: LockHolder): boolean {
    if (holder.host === hostname() && !processAlive(holder.pid)) return true;
    return Date.now() - Date.parse(holder.heartbeatAt) > this.staleAfterMs;
  }

  holder(shopId: string): LockHolder | null {
    const row = this.db.prepare('SELECT run_id AS runId, owner, host, pid, heartbeat_at AS heartbeatAt FROM run_locks WHERE shop_id = ?').get(shopId) as LockHolder | undefined;
    return row ? { ...row, runId: row.runId } : null;
  }

  /**
   * Takes the shop's run lock with a fresh token, or returns who holds it. Runs in an IMMEDIATE
   * transaction so two processes starting at the same moment cannot both win. A holder whose process
   * died or whose heartbeat is stale is taken over; its token stops working at once.
   */
  acquire(shopId: string, runId: string): AcquireResult {
    return this.db.transaction((): AcquireResult => {
      const holder = this.holder(shopId);
      if (holder && !this.isStale(holder)) return { ok: false, holder };
      const token = randomUUID();
      this.db
        .prepare(
          `INSERT INTO run_locks (shop_id, run_id, owner, host, pid, heartbeat_at, token) VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (shop_id) DO UPDATE SET run_id = excluded.run_id, owner = excluded.owner, host = excluded.host, pid = excluded.pid, heartbeat_at = excluded.heartbeat_at, token = excluded.token`,
        )
        .run(shopId, runId, this.owner, hostname(), process.pid, now(), token);
      return { ok: true, fence: { shopId, token } };
    }).immediate();
  }

  /** Whether this token still holds the lock (false once another process took it over). */
  holds(fence: LockFence): boolean {
    return Boolean(this.db.prepare('SELECT 1 FROM run_locks WHERE shop_id = ? AND token = ?').get(fence.shopId, fence.token));
  }

  /** Renews the lock; false when it was lost (taken over), which tells the holder to stop. */
  heartbeat(fence: LockFence): boolean {
    return this.db.prepare('UPDATE run_locks SET heartbeat_at = ? WHERE shop_id = ? AND token = ?').run(now(), fence.shopId, fence.token).changes > 0;
  }

  /** Points the lock at another run of the same shop (a new run begins under the same lock). */
  moveTo(fence: LockFence, runId: string): boolean {
    return this.db.prepare('UPDATE run_locks SET run_id = ? WHERE shop_id = ? AND token = ?').run(runId, fence.shopId, fence.token).changes > 0;
  }

  release(fence: LockFence): void {
    this.db.prepare('DELETE FROM run_locks WHERE shop_id = ? AND token = ?').run(fence.shopId, fence.token);
  }
}
