import type { ShopSummary } from '../../../shared/ipc/contract';
import { announce } from '../../state/announcer';
import { useShops } from '../../state/shops';
import { RemoveButton } from '../ui/RemoveButton';

/** Remove a shop from this laptop after a confirm; what the runs created in ERPNext stays. */
export function RemoveShopButton({ shop }: { shop: ShopSummary }) {
  const remove = useShops((state) => state.remove);
  return (
    <RemoveButton name={shop.name} confirmLabel="Remove shop" remove={() => remove(shop.siteId, shop.id)} onRemoved={() => announce(`Shop ${shop.name} removed.`)}>
      <p>This laptop forgets the shop and its run history. What the runs created in ERPNext (company, POS Profile, items…) stays.</p>
    </RemoveButton>
  );
}
