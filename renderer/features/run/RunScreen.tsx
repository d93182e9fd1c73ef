import { RunPhase } from '../../../shared/status';
import { useRuns } from '../../state/runs';
import { ShopCheckPanel } from '../doctor/ShopCheckPanel';
import { HandoverButton } from '../handover/HandoverButton';
import { ErrorNotice } from '../ui/ErrorNotice';
import { NetworkBanner } from './NetworkBanner';
import { NoSecretNotice } from './NoSecretNotice';
import { OpenInErpnext } from './OpenInErpnext';
import { PlanChangedNotice } from '../plan/PlanChangedNotice';
import { PreviewLink } from '../plan/PreviewLink';
import { RunControls } from './RunControls';
import { RunProblems } from './RunProblems';
import { RunProgress } from './RunProgress';
import { ReadinessPanel } from './ReadinessPanel';
import { ShopHeader } from './ShopHeader';
import { StepList } from './StepList';
import { useShopScreen } from './useShopScreen';

/**
 * A shop's run: asked from main when the screen opens (so a reload shows the run where it is), then
 * kept current by pushed updates.
 */
export function RunScreen({ siteId, shopId }: { siteId: string; shopId: string }) {
  const view = useRuns((state) => state.views[shopId]);
  const loadError = useRuns((state) => state.loadErrors[shopId]);
  useShopScreen(siteId, shopId);
  return (
    <>
      <ShopHeader siteId={siteId} shopId={shopId} current="run" />
      {loadError && <ErrorNotice problem={loadError} title="The run could not be read" />}
      {!view && !loadError && <p>Loading the run…</p>}
      {view && (
        <div className="run" data-testid="run-view" data-state={view.run.status.toLowerCase()} data-phase={view.run.phase}>
          <NoSecretNotice siteId={siteId} />
          <NetworkBanner view={view} />
          <RunControls view={view} />
          <PreviewLink view={view} siteId={siteId} />
          <PlanChangedNotice view={view} />
          {/* While steps run, the progress and its "now" line stay at the top as the steps scroll under them. */}
          <div className={view.run.phase === RunPhase.Running || view.run.phase === RunPhase.WaitingForNetwork ? 'run-status run-status-going' : 'run-status'}>
            <RunProgress view={view} />
          </div>
          <RunProblems view={view} siteId={siteId} />
          <OpenInErpnext view={view} siteId={siteId} />
          <StepList view={view} siteId={siteId} />
          <ReadinessPanel view={view} />
          <ShopCheckPanel view={view} />
          {view.run.phase === 'finished' && <HandoverButton shopId={shopId} runId={view.run.id} />}
        </div>
      )}
    </>
  );
}
