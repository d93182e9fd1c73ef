import { ShopHeader } from '../run/ShopHeader';
import { useShopScreen } from '../run/useShopScreen';
import { LogViewer } from './LogViewer';
import { SupportBundleButton } from './SupportBundleButton';

/** A shop's log, and the support bundle. */
export function LogsScreen({ siteId, shopId }: { siteId: string; shopId: string }) {
  useShopScreen(siteId, shopId);
  return (
    <>
      <ShopHeader siteId={siteId} shopId={shopId} current="logs" />
      <LogViewer shopId={shopId} actions={<SupportBundleButton shopId={shopId} />} />
    </>
  );
}
