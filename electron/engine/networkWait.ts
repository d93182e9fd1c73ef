import type { ErpNextClient } from '../erpnext/client';
import { ErpNextError } from '../erpnext/errors';
import { sleep } from '../erpnext/retry';
import type { Logger } from '../logging/logger';
import type { RunMachineEvent } from './machine';
import { describeFailure } from './stepExecutor';

export interface NetworkWaitOptions {
  /** First wait between probes; doubles up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** After this long without an answer the run stops waiting and the step fails. */
  giveUpAfterMs: number;
}

export const DEFAULT_NETWORK_WAIT: NetworkWaitOptions = { baseDelayMs: 1_000, maxDelayMs: 30_000, giveUpAfterMs: 30 * 60_000 };

/**
 * While the site is unreachable: ping it with growing pauses (announcing each next try, for the
 * countdown banner) until it answers — anything that is not a network failure counts as an answer.
 */
export function waitForNetwork(client: ErpNextClient, logger: Logger, options: NetworkWaitOptions, send: (event: RunMachineEvent) => void, signal: AbortSignal): void {
  const started = Date.now();
  const loop = async () => {
    for (let attempt = 0; !signal.aborted; attempt++) {
      const delay = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** attempt);
      if (Date.now() - started + delay > options.giveUpAfterMs) {
        send({ type: 'NETWORK.GAVE_UP', error: { ...describeFailure(new ErpNextError({ code: 'network_unreachable' })), message: `The site did not answer for ${Math.round((Date.now() - started) / 60_000)} minutes.` } });
        return;
      }
      await sleep(delay, signal);
      try {
        await client.ping({ retry: false, timeoutMs: 5_000 });
        logger.info('The site answers again: resuming the run');
        send({ type: 'NETWORK.BACK' });
        return;
      } catch (error) {
        if (signal.aborted) return;
        if (error instanceof ErpNextError && !error.transient) {
          send({ type: 'NETWORK.BACK' });
          return;
        }
        const next = new Date(Date.now() + Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt + 1))).toISOString();
        logger.warn(`Site still unreachable (${(error as ErpNextError).code ?? 'error'}); next try at ${next}`);
        send({ type: 'NETWORK.PROBE', at: next, error: describeFailure(error) });
      }
    }
  };
  send({ type: 'NETWORK.PROBE', at: new Date(Date.now() + options.baseDelayMs).toISOString() });
  loop().catch(() => undefined);
}
