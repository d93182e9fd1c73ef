import type { RunView } from '../../../shared/runView';
import { RunPhase } from '../../../shared/status';
import { Icon } from '../ui/Icon';
import { useNow } from './useNow';

/**
 * While the site is unreachable: what is wrong and a countdown to the next try, each second. The
 * countdown itself is not a live region (one announcement per second would drown everything else);
 * the live region says once that the run is waiting.
 */
export function NetworkBanner({ view }: { view: RunView }) {
  const waiting = view.run.phase === RunPhase.WaitingForNetwork;
  const now = useNow(1_000, waiting);
  if (!waiting) return null;
  const next = view.run.nextProbeAt ? Date.parse(view.run.nextProbeAt) : null;
  const seconds = next === null ? null : Math.max(0, Math.ceil((next - now) / 1_000));
  return (
    <section className="network-banner tone-warning" aria-labelledby="network-heading" data-testid="network-banner">
      <Icon name="offline" />
      <div>
        <h2 id="network-heading">Waiting for the network</h2>
        <p>{view.networkError?.message ?? 'The ERPNext site does not answer.'}</p>
        {view.networkError?.hint && <p className="hint">{view.networkError.hint}</p>}
        <p className="countdown" data-testid="network-countdown">
          {seconds === null ? 'Trying again shortly.' : seconds > 0 ? `Next try in ${seconds} s.` : 'Trying now…'} The run goes on by itself when the site answers; nothing is
          lost.
        </p>
      </div>
    </section>
  );
}
