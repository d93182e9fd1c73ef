import type { ShopSummary } from '../../../shared/ipc/contract';
import { hrefFor } from '../../state/navigation';
import { useRuns } from '../../state/runs';
import { ProgressBar } from '../ui/ProgressBar';
import { StatusBadge } from '../ui/StatusBadge';
import { runLook } from '../ui/statusLook';
import { RemoveShopButton } from './RemoveShopButton';
import { RemoveFromErpnextButton } from '../undo/RemoveFromErpnextButton';

/** A shop at a glance: name, company, run state (live when the run pushes updates) and progress. */
export function ShopRow({ shop }: { shop: ShopSummary }) {
  const view = useRuns((state) => state.views[shop.id]);
  const run = view?.run ?? shop.latestRun;
  const progress = view?.progress ?? shop.progress;
  const { company } = shop.config;
  return (
    <article className="shop-row" aria-labelledby={`shop-${shop.id}`} data-testid="shop-row">
      <div className="shop-row-main">
        <h3 id={`shop-${shop.id}`}>
          <a href={hrefFor({ name: 'run', siteId: shop.siteId, shopId: shop.id })} data-testid="open-shop">
            {shop.name}
          </a>
        </h3>
        <p className="muted">
          {company.country} · {company.currency} · {shop.config.pos.paymentMethods.map((method) => method.mode).join(', ')}
        </p>
      </div>
      <div className="shop-row-state">
        {/* Unless a newer run started since (its live view names another run). */}
        {shop.removedFromErpnext && (!view || view.run.id === shop.latestRun?.id) ? (
          <StatusBadge look={{ label: 'Removed from ERPNext', tone: 'neutral', icon: 'info' }} state="removed" testId="shop-status" />
        ) : (
          <StatusBadge look={runLook(run)} state={(run?.status ?? 'NOT_STARTED').toLowerCase()} testId="shop-status" />
        )}
        <ProgressBar value={progress} label={`${shop.name} progress`} />
      </div>
      <div className="button-row">
        <a className="button" href={hrefFor({ name: 'editShop', siteId: shop.siteId, shopId: shop.id })} aria-label={`Edit ${shop.name}`}>
          Edit
        </a>
        {shop.latestRun && <RemoveFromErpnextButton shop={shop} />}
        <RemoveShopButton shop={shop} />
      </div>
    </article>
  );
}
