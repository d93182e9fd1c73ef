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
const STALE_AFTER_MS = 30_000;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class LocksRepository {
  /** Identifies this process's locks: host, pid and a random part (pids are reused). */
  readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  constructor(private readonly db: Database.Database) {}

  /** True when nobody is really holding the shop: no lock, our own, or one whose process is gone. */
  isFree(shopId: string): boolean {
    const holder = this.holder(shopId);
    return !holder || holder.owner === this.owner || this.isStale(holder);
  }

  private isStale(holder: LockHolder): boolean {
    if (holder.host === hostname() && !processAlive(holder.pid)) return true;
    return Date.now() - Date.parse(holder.heartbeatAt) > STALE_AFTER_MS;
  }

  holder(shopId: string): LockHolder | null {
    const row = this.db.prepare('SELECT run_id AS runId, owner, host, pid, heartbeat_at AS heartbeatAt FROM run_locks WHERE shop_id = ?').get(shopId) as LockHolder | undefined;
    return row ?? null;
  }

  /**
   * Takes the shop's run lock, or returns who holds it. Runs in an IMMEDIATE transaction so two
   * processes starting at the same moment cannot both win.
   */
  acquire(shopId: string, runId: string): { ok: true } | { ok: false; holder: LockHolder } {
    return this.db.transaction(() => {
      const holder = this.holder(shopId);
      if (holder && holder.owner !== this.owner && !this.isStale(holder)) return { ok: false as const, holder };
      this.db
        .prepare('INSERT INTO run_locks (shop_id, run_id, owner, host, pid, heartbeat_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (shop_id) DO UPDATE SET run_id = excluded.run_id, owner = excluded.owner, host = excluded.host, pid = excluded.pid, heartbeat_at = excluded.heartbeat_at')
        .run(shopId, runId, this.owner, hostname(), process.pid, now());
      return { ok: true as const };
    }).immediate();
  }

  heartbeat(shopId: string): void {
    this.db.prepare('UPDATE run_locks SET heartbeat_at = ? WHERE shop_id = ? AND owner = ?').run(now(), shopId, this.owner);
  }

  release(shopId: string): void {
    this.db.prepare('DELETE FROM run_locks WHERE shop_id = ? AND owner = ?').run(shopId, this.owner);
  }
}
