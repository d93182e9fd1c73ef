import type { ErpNextClient } from '../erpnext/client';
import { ErpNextError } from '../erpnext/errors';
import { Backoff, sleep } from '../erpnext/retry';
import type { Logger } from '../logging/logger';
import { ErrorCategory } from '../../shared/errors';
import type { RunMachineEvent } from './machine';
import { describeFailure } from './stepExecutor';

export interface NetworkWaitOptions {
  /** First pause between probes; grows up to maxDelayMs (with jitter). */
  baseDelayMs: number;
  /** Kept short: an installer waiting in the shop should see the run resume soon after the site is back. */
  maxDelayMs: number;
  /** After an outage this long (counted across resumes that failed again) the run stops waiting. */
  giveUpAfterMs: number;
}

export const DEFAULT_NETWORK_WAIT: NetworkWaitOptions = { baseDelayMs: 1_000, maxDelayMs: 5_000, giveUpAfterMs: 30 * 60_000 };

/**
 * Lets the installer cut the pause before the next probe short ("Try now"): the probe loop naps on it,
 * and `wake()` ends the nap at once.
 */
export class ProbeWaker {
  private wakeUp: (() => void) | null = null;

  /** Sleeps `ms` (or until aborted); true when woken early. */
  nap(ms: number, signal: AbortSignal): Promise<boolean> {
    return new Promise((resolve) => {
      const finish = (woken: boolean) => {
        clearTimeout(timer);
        signal.removeEventListener('abort', aborted);
        if (this.wakeUp === wake) this.wakeUp = null;
        resolve(woken);
      };
      const aborted = () => finish(false);
      const wake = () => finish(true);
      const timer = setTimeout(() => finish(false), ms);
      signal.addEventListener('abort', aborted, { once: true });
      this.wakeUp = wake;
    });
  }

  /** Ends the current nap; false when the loop is not napping (a probe is already under way). */
  wake(): boolean {
    const wake = this.wakeUp;
    wake?.();
    return Boolean(wake);
  }
}

/** A probe failure that means the site is still out of reach (rather than answering, however oddly). */
function stillUnreachable(error: unknown): boolean {
  if (!(error instanceof ErpNextError)) return true;
  return error.transient || error.category === ErrorCategory.NotErpnext || error.category === ErrorCategory.Tls;
}

/**
 * While the site may be unreachable: ping it at once, then with growing pauses (announcing each next
 * try, for the countdown banner), until it answers. The outage's clock starts at `outageSince`, so a
 * site that comes back only to fail again does not restart the 30 minutes.
 */
export function waitForNetwork(
  client: ErpNextClient,
  logger: Logger,
  options: NetworkWaitOptions,
  send: (event: RunMachineEvent) => void,
  signal: AbortSignal,
  outageSince = Date.now(),
  waker?: ProbeWaker,
): void {
  const backoff = new Backoff({ baseDelayMs: options.baseDelayMs, maxDelayMs: options.maxDelayMs, maxAttempts: Number.POSITIVE_INFINITY, maxTotalMs: options.giveUpAfterMs }, { startedAt: outageSince });
  const loop = async () => {
    for (let atOnce = true; !signal.aborted; atOnce = false) {
      try {
        await client.ping({ retry: false, timeoutMs: 5_000 });
        if (!atOnce) logger.info('The site answers again: resuming the run');
        send({ type: 'NETWORK.BACK', atOnce });
        return;
      } catch (error) {
        if (signal.aborted) return;
        if (!stillUnreachable(error)) {
          send({ type: 'NETWORK.BACK', atOnce });
          return;
        }
        const delay = backoff.next();
        if (delay === null) {
          const minutes = Math.max(1, Math.round(backoff.elapsedMs / 60_000));
          send({ type: 'NETWORK.GAVE_UP', error: { ...describeFailure(error), message: `The site did not answer for ${minutes} minute${minutes > 1 ? 's' : ''}.` } });
          return;
        }
        const next = new Date(Date.now() + delay).toISOString();
        logger.warn(`Site unreachable: ${describeFailure(error).message} Next try at ${next}`, { data: { code: (error as ErpNextError).code ?? 'error' } });
        send({ type: 'NETWORK.PROBE', at: next, error: describeFailure(error) });
        if (!waker) await sleep(delay, signal).catch(() => undefined);
        // Woken by "Try now": say the probe is under way (the banner stops counting down).
        else if (await waker.nap(delay, signal)) send({ type: 'NETWORK.PROBE', at: new Date().toISOString() });
      }
    }
  };
  loop().catch(() => undefined);
}
