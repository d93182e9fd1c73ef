import type { ShopSummary } from '../../../shared/ipc/contract';
import { useActiveRuns } from '../../state/activeRuns';
import { announce } from '../../state/announcer';
import { useShops } from '../../state/shops';
import { RemoveButton } from '../ui/RemoveButton';
import { RunGoingNotice } from '../ui/RunGoingNotice';

/** Remove a shop from this laptop after a confirm; what the runs created in ERPNext stays. Not while it runs. */
export function RemoveShopButton({ shop }: { shop: ShopSummary }) {
  const remove = useShops((state) => state.remove);
  const going = useActiveRuns((state) => state.runs).filter((run) => run.shopId === shop.id);
  const refresh = useActiveRuns((state) => state.load);
  return (
    <RemoveButton
      name={shop.name}
      confirmLabel="Remove shop"
      remove={() => remove(shop.siteId, shop.id)}
      onOpen={refresh}
      blocked={going.length > 0 ? <RunGoingNotice runs={going} removing="the shop" /> : undefined}
      onRemoved={() => announce(`Shop ${shop.name} removed.`)}
    >
      <p>This laptop forgets the shop and its run history. What the runs created in ERPNext (company, POS Profile, items…) stays.</p>
    </RemoveButton>
  );
}
