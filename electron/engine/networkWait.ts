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
export function waitForNetwork(client: ErpNextClient, logger: Logger, options: NetworkWaitOptions, send: (event: RunMachineEvent) => void, signal: AbortSignal, outageSince = Date.now()): void {
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
        logger.warn(`Site unreachable (${(error as ErpNextError).code ?? 'error'}); next try at ${next}`);
        send({ type: 'NETWORK.PROBE', at: next, error: describeFailure(error) });
        await sleep(delay, signal).catch(() => undefined);
      }
    }
  };
  loop().catch(() => undefined);
}
