import { hrefFor } from '../../state/navigation';
import { useRuns } from '../../state/runs';
import { useShop } from '../../state/shops';
import { ScreenHeading } from '../app/ScreenHeading';
import { StatusBadge } from '../ui/StatusBadge';
import { runLook } from '../ui/statusLook';

type ShopTab = 'run' | 'logs' | 'history' | 'plan';

const SCREEN_NAME: Record<ShopTab, string> = { run: ': run', logs: ': log', history: ': run history', plan: ': preview' };

/** The shop's name, its run state, and the shop's screens (run, log, edit). */
export function ShopHeader({ siteId, shopId, current }: { siteId: string; shopId: string; current: ShopTab }) {
  const shop = useShop(siteId, shopId);
  const view = useRuns((state) => state.views[shopId]);
  const run = view?.run ?? shop?.latestRun;
  const name = view?.shopName ?? shop?.name ?? 'Shop';
  const tabs: { tab: ShopTab | 'edit'; label: string; href: string }[] = [
    { tab: 'run', label: 'Run', href: hrefFor({ name: 'run', siteId, shopId }) },
    { tab: 'logs', label: 'Log', href: hrefFor({ name: 'logs', siteId, shopId }) },
    { tab: 'history', label: 'History', href: hrefFor({ name: 'history', siteId, shopId }) },
    { tab: 'edit', label: 'Edit shop', href: hrefFor({ name: 'editShop', siteId, shopId }) },
  ];
  return (
    <div className="shop-header">
      <div className="shop-title">
        <ScreenHeading>
          {name}
          <span className="visually-hidden">{SCREEN_NAME[current]}</span>
        </ScreenHeading>
        <StatusBadge look={runLook(run)} state={(run?.status ?? 'NOT_STARTED').toLowerCase()} testId="run-status-badge" />
      </div>
      <nav aria-label="Shop screens" className="tabs">
        <ul>
          {tabs.map(({ tab, label, href }) => (
            <li key={tab}>
              <a href={href} aria-current={tab === current ? 'page' : undefined} data-testid={`tab-${tab}`}>
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
