import { type Route, hrefFor } from '../../state/navigation';
import { useShop } from '../../state/shops';
import { useSite } from '../../state/sites';

/** Where you are: Sites › site › shop. The last crumb is the current page. */
export function Breadcrumbs({ route }: { route: Route }) {
  const siteId = 'siteId' in route ? route.siteId : '';
  const shopId = 'shopId' in route ? route.shopId : '';
  const site = useSite(siteId);
  const shop = useShop(siteId, shopId);
  const crumbs: { label: string; href: string }[] = [{ label: 'Sites', href: hrefFor({ name: 'sites' }) }];
  if (siteId) crumbs.push({ label: site?.displayUrl ?? 'Site', href: hrefFor({ name: 'site', siteId }) });
  if (shopId) crumbs.push({ label: shop?.name ?? 'Shop', href: hrefFor({ name: 'run', siteId, shopId }) });
  if (route.name === 'fleet') crumbs.push({ label: 'Fleet', href: hrefFor(route) });
  if (route.name === 'timeline') crumbs.push({ label: 'Run', href: hrefFor(route) });
  if (crumbs.length < 2) return null;
  return (
    <nav aria-label="Breadcrumb" className="breadcrumbs">
      <ol>
        {crumbs.map((crumb, index) => (
          <li key={crumb.href}>{index === crumbs.length - 1 ? <span>{crumb.label}</span> : <a href={crumb.href}>{crumb.label}</a>}</li>
        ))}
      </ol>
    </nav>
  );
}
