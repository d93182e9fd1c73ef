import type { LogLink } from '../../state/navigation';
import { ShopHeader } from '../run/ShopHeader';
import { useShopScreen } from '../run/useShopScreen';
import { LogViewer } from './LogViewer';
import { SupportBundleButton } from './SupportBundleButton';

/** A shop's log, and the support bundle. */
export function LogsScreen({ siteId, shopId, filters }: { siteId: string; shopId: string; filters?: LogLink }) {
  useShopScreen(siteId, shopId);
  return (
    <>
      <ShopHeader siteId={siteId} shopId={shopId} current="logs" />
      <LogViewer shopId={shopId} initialFilters={filters} actions={<SupportBundleButton shopId={shopId} />} />
    </>
  );
}
