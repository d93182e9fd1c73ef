import { useEffect } from 'react';
import { useShop, useShops } from '../../state/shops';
import { ScreenHeading } from '../app/ScreenHeading';
import { ExportShopFileButton } from './ExportShopFileButton';
import { ShopForm } from './ShopForm';

/** "New shop" or "Edit shop" (with the shop file export). */
export function ShopFormScreen({ siteId, shopId }: { siteId: string; shopId?: string }) {
  const shop = useShop(siteId, shopId ?? '');
  const loaded = useShops((state) => Boolean(state.bySite[siteId]));
  const load = useShops((state) => state.load);
  useEffect(() => {
    if (shopId && !loaded) void load(siteId);
  }, [load, loaded, siteId, shopId]);
  if (shopId && !shop) return <ScreenHeading>{loaded ? 'Shop not found' : 'Loading the shop…'}</ScreenHeading>;
  return (
    <>
      <ScreenHeading>{shop ? `Edit ${shop.name}` : 'New shop'}</ScreenHeading>
      {shop ? (
        <>
          <p className="lead">Changes apply to the next run. Steps already done check what exists and only add what is missing.</p>
          <ExportShopFileButton shopId={shop.id} />
        </>
      ) : (
        <p className="lead">Fill in the shop, or start from a shop file. Everything is checked before anything is sent to ERPNext.</p>
      )}
      <ShopForm siteId={siteId} shop={shop} />
    </>
  );
}
