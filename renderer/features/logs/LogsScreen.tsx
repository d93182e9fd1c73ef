import { useEffect } from 'react';
import { useRuns } from '../../state/runs';
import { useShops } from '../../state/shops';
import { ShopHeader } from '../run/ShopHeader';
import { LogViewer } from './LogViewer';
import { SupportBundleButton } from './SupportBundleButton';

/** A shop's log, and the support bundle. */
export function LogsScreen({ siteId, shopId }: { siteId: string; shopId: string }) {
  const loadRun = useRuns((state) => state.load);
  const loadShops = useShops((state) => state.load);
  useEffect(() => {
    void loadRun(shopId);
    void loadShops(siteId);
  }, [loadRun, loadShops, shopId, siteId]);
  return (
    <>
      <ShopHeader siteId={siteId} shopId={shopId} current="logs" />
      <LogViewer shopId={shopId} actions={<SupportBundleButton shopId={shopId} />} />
    </>
  );
}
