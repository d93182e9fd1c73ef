import { useEffect } from 'react';
import { useRuns } from '../../state/runs';
import { useShops } from '../../state/shops';

/** A shop's screens ask main for the shop's run and the site's shops when they open (or reload). */
export function useShopScreen(siteId: string, shopId: string): void {
  const loadRun = useRuns((state) => state.load);
  const loadShops = useShops((state) => state.load);
  useEffect(() => {
    void loadRun(shopId);
    void loadShops(siteId);
  }, [loadRun, loadShops, shopId, siteId]);
}
