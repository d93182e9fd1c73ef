import type { WriteEvent } from '../../erpnext/client';
import { touchedBy } from './sideEffects';

/** Folds a document ERPNext answered a write with into a cached value; undefined means "re-read it". */
export type Absorb<T> = (value: T, write: WriteEvent & { doc: NonNullable<WriteEvent['doc']> }) => T | undefined;

export interface ReadSpec<T> {
  /** The doctypes whose writes can change what this read returned. */
  tags: readonly string[];
  /** Must give the same result whether or not the read already saw this write (it may have been in flight). */
  absorb?: Absorb<T>;
  /**
   * For a write that touches this read only through what ERPNext does around it: the read as ERPNext
   * leaves it, when that is certain; undefined means "read it again".
   */
  follows?: (value: T, write: WriteEvent) => T | undefined;
}

interface Entry {
  promise: Promise<unknown>;
  tags: readonly string[];
  absorb?: Absorb<unknown>;
  follows?: (value: unknown, write: WriteEvent) => unknown;
  settled: boolean;
  value?: unknown;
  /** Started ahead of need (the prefetch): a failure is retried by whoever needs it, in their step. */
  speculative: boolean;
}

/**
 * A run's memory of what it read: each read is sent once and shared by every step that needs it; a write
 * of this run refreshes (from ERPNext's answer) or drops every read it may have changed, including what
 * ERPNext changes by itself on that write (a new Company brings warehouses, accounts, a Cash account row).
 */
export class ReadCache {
  private readonly entries = new Map<string, Entry>();

  load<T>(key: string, spec: ReadSpec<T>, loader: () => Promise<T>, speculative = false): Promise<T> {
    const hit = this.entries.get(key);
    if (hit) {
      if (!hit.speculative || speculative) return hit.promise as Promise<T>;
      // A prefetched read that fails is read again by the step that needs it, so the step sees (and
      // retries, and reports) the failure as its own.
      return (hit.promise as Promise<T>).catch(() => this.load(key, spec, loader));
    }
    const entry: Entry = { promise: Promise.resolve(), tags: spec.tags, absorb: spec.absorb as Absorb<unknown> | undefined, follows: spec.follows as Entry['follows'], settled: false, speculative };
    entry.promise = loader().then(
      (value) => {
        entry.settled = true;
        entry.value = value;
        return value;
      },
      (error: unknown) => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
        throw error;
      },
    );
    // Nobody may be waiting for a prefetched read yet: its failure must not count as unhandled.
    if (speculative) entry.promise.catch(() => undefined);
    this.entries.set(key, entry);
    return entry.promise as Promise<T>;
  }

  /** Records what a read would answer, known without asking (from what this run itself just wrote). */
  seed<T>(key: string, spec: ReadSpec<T>, value: T): void {
    const entry: Entry = { promise: Promise.resolve(value), tags: spec.tags, absorb: spec.absorb as Absorb<unknown> | undefined, follows: spec.follows as Entry['follows'], settled: true, value, speculative: false };
    this.entries.set(key, entry);
  }

  /** The value of a read that has already come back, without sending anything. */
  peek<T>(key: string): T | undefined {
    const entry = this.entries.get(key);
    return entry?.settled ? (entry.value as T) : undefined;
  }

  /** Keeps every read true after a write of this run. */
  wrote(write: WriteEvent): void {
    const touched = touchedBy(write);
    for (const [key, entry] of this.entries) {
      const stale = entry.tags.filter((tag) => touched.includes(tag));
      if (stale.length === 0) continue;
      if (!stale.includes(write.doctype) && entry.settled && entry.follows) {
        const next = entry.follows(entry.value, write);
        if (next !== undefined) {
          Object.assign(entry, { value: next, promise: Promise.resolve(next) });
          continue;
        }
      }
      // Only the written document itself can be folded in; what ERPNext did around it must be read again.
      const onlyTheDocument = stale.length === 1 && stale[0] === write.doctype;
      if (onlyTheDocument && write.doc && entry.absorb) {
        this.fold(key, entry, { ...write, doc: write.doc }, entry.absorb);
        continue;
      }
      this.entries.delete(key);
    }
  }

  /**
   * Folds the written document into a read, or (when it cannot be) drops it. A read still in flight may or
   * may not have seen the write: the document is folded into whatever it returns.
   */
  private fold(key: string, entry: Entry, write: Parameters<Absorb<unknown>>[1], absorb: Absorb<unknown>): void {
    if (entry.settled) {
      const next = absorb(entry.value, write);
      if (next === undefined) this.entries.delete(key);
      else Object.assign(entry, { value: next, promise: Promise.resolve(next), speculative: false });
      return;
    }
    const folded = entry.promise.then((value) => {
      const next = absorb(value, write);
      if (next === undefined) throw new Error('stale');
      entry.value = next;
      return next;
    });
    folded.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    entry.promise = folded;
    entry.speculative = true;
  }

  /** Forgets one read: the next ask goes to the site. */
  drop(key: string): void {
    this.entries.delete(key);
  }

  /** Forgets everything read about these doctypes (a look that must see the site as it is now). */
  forget(doctype: string): void {
    for (const [key, entry] of this.entries) if (entry.tags.includes(doctype)) this.entries.delete(key);
  }
}
