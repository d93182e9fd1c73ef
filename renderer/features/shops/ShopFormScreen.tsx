import { useEffect, useState } from 'react';
import { useShop, useShops } from '../../state/shops';
import { ScreenHeading } from '../app/ScreenHeading';
import { ExportShopFileButton } from './ExportShopFileButton';
import { ShopForm } from './ShopForm';

/** "New shop" or "Edit shop" (with the shop file export). */
export function ShopFormScreen({ siteId, shopId }: { siteId: string; shopId?: string }) {
  const shop = useShop(siteId, shopId ?? '');
  const load = useShops((state) => state.load);
  // Asked again on open: the form starts from what the run did since (a skipped step, a company created).
  const [loaded, setLoaded] = useState(!shopId);
  useEffect(() => {
    if (shopId) void load(siteId).then(() => setLoaded(true));
  }, [load, siteId, shopId]);
  if (shopId && (!loaded || !shop)) return <ScreenHeading>{loaded ? 'Shop not found' : 'Loading the shop…'}</ScreenHeading>;
  return (
    <>
      <ScreenHeading>{shop ? `Edit ${shop.name}` : 'New shop'}</ScreenHeading>
      {shop ? (
        <>
          <p className="lead" data-testid="edit-effect">
            Saved changes are used the next time the run goes: Continue, Retry all or a new run. Continue runs only the steps that are left; to apply a change to
            steps already done (a payment method, a cashier…), choose Retry all or Start a new run. Nothing is created twice.
          </p>
          <ExportShopFileButton shopId={shop.id} />
        </>
      ) : (
        <p className="lead">Fill in the shop, or start from a shop file. Everything is checked before anything is sent to ERPNext.</p>
      )}
      <ShopForm siteId={siteId} shop={shop} />
    </>
  );
}
