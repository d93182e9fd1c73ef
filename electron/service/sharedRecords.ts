import { abortError } from '../erpnext/retry';
import type { Steps } from '../engine/runState';
import type { ShopConfig } from '../../shared/shop/schema';
import { StepId } from '../../shared/steps/catalog';

/**
 * Records that several shops of one site share, whose step looks and then creates: two shops doing it
 * at the same moment would both find nothing and both create. ERPNext refuses most second creates
 * (a duplicate name), but not these:
 * - the walk-in customer: Customers are site-wide and ERPNext renames a second one ("Walk-in Customer
 *   - 1") instead of refusing it; every shop of a fleet uses "Walk-in Customer" by default;
 * - the cashier's default company (a DefaultValue row of the User): set once, by the first shop.
 * Returns what a step shares, or null for a step whose records are the shop's own.
 */
export function sharedRecordOf(stepId: StepId, steps: Steps, shop: ShopConfig): string | null {
  if (stepId === StepId.Customer) return `the walk-in customer "${shop.customer}"`;
  if (stepId === StepId.PostSetup) {
    const cashier = steps[StepId.PosSession].outputs?.cashier;
    return typeof cashier === 'string' ? `the default company of ${cashier}` : null;
  }
  return null;
}

interface Holder {
  shopName: string;
  done: Promise<void>;
}

/**
 * One per site in this process: the first shop to reach a shared record makes it while the others wait;
 * once one has succeeded, the record exists and every later shop only finds it, so the gate stays open.
 * A shop whose step failed lets the next one try. (Across processes the fleet of one site runs in one.)
 */
export class SharedRecordGate {
  private readonly made = new Set<string>();
  private readonly holders = new Map<string, Holder>();

  async around<T>(record: string | null, shopName: string, signal: AbortSignal, say: (action: string) => void, step: () => Promise<T>): Promise<T> {
    const key = record?.toLowerCase();
    if (!record || !key || this.made.has(key)) return step();
    for (let holder = this.holders.get(key); holder; holder = this.holders.get(key)) {
      say(`Waiting for ${holder.shopName} to make ${record} (shops of this site share it)`);
      await until(holder.done, signal);
      if (this.made.has(key)) return step();
    }
    let release = () => undefined as void;
    this.holders.set(key, { shopName, done: new Promise<void>((resolve) => (release = resolve)) });
    try {
      const result = await step();
      this.made.add(key);
      return result;
    } finally {
      this.holders.delete(key);
      release();
    }
  }
}

/** Waits for `done`, or rejects as cancelled when the run is paused meanwhile (no listener left behind). */
function until(done: Promise<void>, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(abortError(signal));
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(abortError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    void done.then(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    });
  });
}
