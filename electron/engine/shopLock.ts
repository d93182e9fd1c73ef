import { type LockFence, LockLostError, type Store, describeHolder } from '../store';

export class RunLockedError extends Error {
  constructor(
    shopName: string,
    holder: string,
    readonly hint = 'Wait for that run to finish (or close the other window), then try again.',
  ) {
    super(`A run for "${shopName}" is already in progress (${holder}).`);
    this.name = 'RunLockedError';
  }
}

/**
 * This process's hold on one shop's run lock (a row in SQLite shared by every process on this machine):
 * acquired for any command that changes the run, renewed by a heartbeat, and checked before every write
 * to ERPNext. Losing it (another process took over a stale lock) calls `onLost` once.
 */
export class ShopLock {
  private fence: LockFence | null = null;
  private heartbeat: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: Store,
    private readonly shop: { id: string; name: string },
    private readonly heartbeatMs: number,
    private readonly onLost: () => void,
  ) {}

  get held(): boolean {
    return this.fence !== null;
  }

  /** The proof that run writes carry; throws when the lock is not held. */
  get current(): LockFence {
    if (!this.fence) throw new LockLostError(this.shop.id);
    return this.fence;
  }

  /** Takes the lock for `runId` (or keeps it), or throws RunLockedError naming who holds it. */
  acquire(runId: string): void {
    if (this.fence && this.store.locks.holds(this.fence)) {
      this.store.locks.moveTo(this.fence, runId);
      return;
    }
    const result = this.store.locks.acquire(this.shop.id, runId);
    if (!result.ok) throw new RunLockedError(this.shop.name, describeHolder(result.holder));
    this.fence = result.fence;
    this.heartbeat = setInterval(() => this.beat(), this.heartbeatMs);
    this.heartbeat.unref();
  }

  /** Before anything is sent to ERPNext: stops this process if another one has taken the run over. */
  check(): void {
    if (this.fence && this.store.locks.holds(this.fence)) return;
    this.lost();
    throw new LockLostError(this.shop.id);
  }

  release(): void {
    clearInterval(this.heartbeat);
    if (this.fence) this.store.locks.release(this.fence);
    this.fence = null;
  }

  /** Runs `work` holding the lock, and lets go afterwards unless it was held already. */
  while<T>(runId: string, work: () => T): T {
    const hadIt = this.held;
    this.acquire(runId);
    try {
      return work();
    } finally {
      if (!hadIt) this.release();
    }
  }

  private beat(): void {
    if (!this.fence || !this.store.db.open) return;
    if (!this.store.locks.heartbeat(this.fence)) this.lost();
  }

  lost(): void {
    if (!this.fence) return;
    clearInterval(this.heartbeat);
    this.fence = null;
    this.onLost();
  }
}
