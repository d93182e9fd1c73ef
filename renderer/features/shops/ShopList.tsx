import { useEffect } from 'react';
import { hrefFor } from '../../state/navigation';
import { useShops } from '../../state/shops';
import { ErrorNotice } from '../ui/ErrorNotice';
import { ShopRow } from './ShopRow';

/** The site's shops with their run state, and "New shop". */
export function ShopList({ siteId }: { siteId: string }) {
  const shops = useShops((state) => state.bySite[siteId]);
  const error = useShops((state) => state.loadErrors[siteId]);
  const load = useShops((state) => state.load);
  useEffect(() => {
    void load(siteId);
  }, [load, siteId]);
  return (
    <section className="panel" aria-labelledby="shops-heading">
      <div className="panel-header">
        <h2 id="shops-heading">Shops</h2>
        <a className="button button-primary button-big" href={hrefFor({ name: 'newShop', siteId })} data-testid="new-shop">
          New shop
        </a>
      </div>
      {error && <ErrorNotice problem={error} title="The shops could not be read" />}
      {shops && shops.length === 0 && <p className="empty">No shop on this site yet. Choose “New shop” to fill in the shop form or import a shop file.</p>}
      {shops && shops.length > 0 && (
        <ul className="shop-list" aria-label="Shops on this site">
          {shops.map((shop) => (
            <li key={shop.id}>
              <ShopRow shop={shop} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
