import type { RunView } from '../../../shared/runView';
import { RunPhase } from '../../../shared/status';
import { useRuns } from '../../state/runs';
import { Icon } from '../ui/Icon';
import { useNow } from './useNow';

/**
 * While the site is unreachable: what is wrong, a countdown to the next try (each second), and "Try now"
 * for when the installer knows the site is back (the Wi-Fi reconnected, the server restarted). The
 * countdown itself is not a live region (one announcement per second would drown everything else); the
 * live region says once that the run is waiting.
 */
export function NetworkBanner({ view }: { view: RunView }) {
  const waiting = view.run.phase === RunPhase.WaitingForNetwork;
  const now = useNow(1_000, waiting);
  const send = useRuns((state) => state.send);
  const pending = useRuns((state) => state.pending[view.shopId]);
  if (!waiting) return null;
  const next = view.run.nextProbeAt ? Date.parse(view.run.nextProbeAt) : null;
  const seconds = next === null ? null : Math.max(0, Math.ceil((next - now) / 1_000));
  const trying = pending === 'tryNow' || seconds === 0;
  return (
    <section className="network-banner tone-warning" aria-labelledby="network-heading" data-testid="network-banner">
      <Icon name="offline" />
      <div>
        <h2 id="network-heading">Waiting for the network</h2>
        <p>{view.networkError?.message ?? 'The ERPNext site does not answer.'}</p>
        {view.networkError?.hint && <p className="hint">{view.networkError.hint}</p>}
        <p className="countdown" data-testid="network-countdown">
          {trying ? 'Trying now…' : seconds === null ? 'Trying again shortly.' : `Next try in ${seconds} s.`} The run goes on by itself when the site answers; nothing is lost.
        </p>
        <div className="button-row">
          <button type="button" className="button-primary" onClick={() => void send(view.shopId, { type: 'tryNow' })} disabled={trying} data-testid="network-try-now">
            Try now
          </button>
        </div>
      </div>
    </section>
  );
}
