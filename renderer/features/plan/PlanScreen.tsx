import { useEffect } from 'react';
import { planSummaryLine } from '../../../shared/plan';
import { hrefFor, navigate } from '../../state/navigation';
import { useRuns } from '../../state/runs';
import { ShopHeader } from '../run/ShopHeader';
import { runActions } from '../run/runActions';
import { useShopScreen } from '../run/useShopScreen';
import { ErrorNotice } from '../ui/ErrorNotice';
import { OUTCOME_TEXT } from './planLook';
import { PlanStepList } from './PlanStepList';
import { usePlans } from './planStore';
import './plan.css';

/**
 * Preview: what a Start would do on the site, read now and written nowhere (issue 10). Start from here
 * runs the same checks again before its first write, and says what changed on the site in between.
 */
export function PlanScreen({ siteId, shopId }: { siteId: string; shopId: string }) {
  useShopScreen(siteId, shopId);
  const plan = usePlans((state) => state.plans[shopId]);
  const error = usePlans((state) => state.errors[shopId]);
  const loading = usePlans((state) => state.loading[shopId] ?? false);
  const load = usePlans((state) => state.load);
  const view = useRuns((state) => state.views[shopId]);
  const send = useRuns((state) => state.send);
  const pending = useRuns((state) => state.pending[shopId]);
  useEffect(() => {
    void load(shopId);
  }, [load, shopId]);
  const canStart = Boolean(view && runActions(view).start && plan && plan.outcome !== 'conflicts' && !loading && !pending);
  const start = async () => {
    await send(shopId, { type: 'start' });
    navigate({ name: 'run', siteId, shopId });
  };
  return (
    <>
      <ShopHeader siteId={siteId} shopId={shopId} current="plan" />
      <section aria-labelledby="plan-heading" className="plan" data-testid="plan-view" data-outcome={plan?.outcome ?? (loading ? 'loading' : 'none')}>
        <h2 id="plan-heading">Preview: what Start will do</h2>
        {error && <ErrorNotice problem={error} title="The site could not be read" />}
        {loading && (
          <p role="status" data-testid="plan-loading">
            Reading the site (nothing is changed)…
          </p>
        )}
        {plan && (
          <>
            <p className="plan-summary" data-testid="plan-summary">
              <strong>{planSummaryLine(plan.counts)}</strong>
            </p>
            <p data-testid="plan-outcome">{OUTCOME_TEXT[plan.outcome]}</p>
            <p className="muted">
              Read from {plan.siteUrl} at {new Date(plan.plannedAt).toLocaleTimeString()}.
            </p>
          </>
        )}
        <div className="button-row">
          <button type="button" className="button-primary button-big" disabled={!canStart} onClick={() => void start()} data-testid="plan-start" aria-describedby={plan?.outcome === 'conflicts' ? 'plan-start-help' : undefined}>
            {pending === 'start' ? 'Starting…' : 'Start'}
          </button>
          <button type="button" disabled={loading} onClick={() => void load(shopId)} data-testid="plan-refresh">
            Check again
          </button>
          <a href={hrefFor({ name: 'run', siteId, shopId })}>Back to the run</a>
        </div>
        {plan?.outcome === 'conflicts' && (
          <p id="plan-start-help" className="muted">
            Start is off while there are conflicts: fix them, then Check again.
          </p>
        )}
        {plan && <PlanStepList steps={plan.steps} />}
      </section>
    </>
  );
}
