import type { Route } from '../../state/navigation';
import { FleetScreen } from '../fleet/FleetScreen';
import { HistoryScreen } from '../history/HistoryScreen';
import { TimelineScreen } from '../history/TimelineScreen';
import { InsightsScreen } from '../insights/InsightsScreen';
import { LogsScreen } from '../logs/LogsScreen';
import { PlanScreen } from '../plan/PlanScreen';
import { RunScreen } from '../run/RunScreen';
import { ShopFormScreen } from '../shops/ShopFormScreen';
import { SiteFormScreen } from '../sites/SiteFormScreen';
import { SiteScreen } from '../sites/SiteScreen';
import { SitesScreen } from '../sites/SitesScreen';
import { ScreenHeading } from './ScreenHeading';

/** One screen per route; the key remounts a screen when its ids change. */
export function Router({ route }: { route: Route }) {
  switch (route.name) {
    case 'sites':
      return <SitesScreen />;
    case 'newSite':
      return <SiteFormScreen key="new" />;
    case 'editSite':
      return <SiteFormScreen key={route.siteId} siteId={route.siteId} />;
    case 'site':
      return <SiteScreen key={route.siteId} siteId={route.siteId} />;
    case 'newShop':
      return <ShopFormScreen key={`new-${route.siteId}`} siteId={route.siteId} />;
    case 'editShop':
      return <ShopFormScreen key={route.shopId} siteId={route.siteId} shopId={route.shopId} />;
    case 'run':
      return <RunScreen key={route.shopId} siteId={route.siteId} shopId={route.shopId} />;
    case 'plan':
      return <PlanScreen key={route.shopId} siteId={route.siteId} shopId={route.shopId} />;
    case 'logs':
      return <LogsScreen key={`${route.shopId}?${JSON.stringify(route.filters ?? {})}`} siteId={route.siteId} shopId={route.shopId} filters={route.filters} />;
    case 'fleet':
      return <FleetScreen key={route.siteId} siteId={route.siteId} />;
    case 'history':
      return <HistoryScreen key={route.shopId} siteId={route.siteId} shopId={route.shopId} />;
    case 'timeline':
      return <TimelineScreen key={route.runId} siteId={route.siteId} shopId={route.shopId} runId={route.runId} />;
    case 'insights':
      return <InsightsScreen />;
    case 'notFound':
      return (
        <>
          <ScreenHeading>Page not found</ScreenHeading>
          <p>
            <a href="#/">Back to the sites</a>
          </p>
        </>
      );
  }
}
