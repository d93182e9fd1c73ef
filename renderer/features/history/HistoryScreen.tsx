import { useEffect } from 'react';
import { ShopHeader } from '../run/ShopHeader';
import { useShopScreen } from '../run/useShopScreen';
import { ErrorNotice } from '../ui/ErrorNotice';
import { RunHistoryTable } from './RunHistoryTable';
import { useHistory } from './historyStore';
import './history.css';

/** A shop's run history. */
export function HistoryScreen({ siteId, shopId }: { siteId: string; shopId: string }) {
  useShopScreen(siteId, shopId);
  const runs = useHistory((state) => state.runs[shopId]);
  const error = useHistory((state) => state.errors[shopId]);
  const load = useHistory((state) => state.loadRuns);
  useEffect(() => {
    void load(shopId);
  }, [load, shopId]);
  return (
    <>
      <ShopHeader siteId={siteId} shopId={shopId} current="history" />
      <section aria-labelledby="history-heading" className="history">
        <h2 id="history-heading">Runs</h2>
        {error && <ErrorNotice problem={error} title="The run history could not be read" />}
        {runs && runs.length === 0 && <p className="empty">No run yet. Start one from the Run tab.</p>}
        {runs && runs.length > 0 && <RunHistoryTable siteId={siteId} shopId={shopId} runs={runs} />}
        <p className="muted history-note" data-testid="plan-slot">
          Plan vs result: the plan is what the Start's preflight found to do before its first change (and what changed on the site since a Preview); the result is what the run did.
        </p>
      </section>
    </>
  );
}
