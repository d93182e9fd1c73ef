import { create } from 'zustand';
import { type StepId, isStepId } from '../../shared/steps/catalog';

/** Filters a link into the log can open it with ("View log" on a step, "Show in log" on an error). */
export interface LogLink {
  stepId?: StepId;
  runId?: string;
  correlationId?: string;
}

/** The screens of the app. The route lives in the URL hash, so a reload shows the same screen. */
export type Route =
  | { name: 'sites' }
  | { name: 'newSite' }
  | { name: 'site'; siteId: string }
  | { name: 'editSite'; siteId: string }
  | { name: 'newShop'; siteId: string }
  | { name: 'run'; siteId: string; shopId: string }
  | { name: 'plan'; siteId: string; shopId: string }
  | { name: 'logs'; siteId: string; shopId: string; filters?: LogLink }
  | { name: 'editShop'; siteId: string; shopId: string }
  | { name: 'fleet'; siteId: string }
  | { name: 'history'; siteId: string; shopId: string }
  | { name: 'timeline'; siteId: string; shopId: string; runId: string }
  | { name: 'insights' }
  | { name: 'notFound' };

function parseLogLink(query: string): LogLink | undefined {
  const params = new URLSearchParams(query);
  const step = params.get('step');
  const link: LogLink = {
    ...(step && isStepId(step) ? { stepId: step } : {}),
    ...(params.get('run') ? { runId: params.get('run')! } : {}),
    ...(params.get('correlation') ? { correlationId: params.get('correlation')! } : {}),
  };
  return Object.keys(link).length > 0 ? link : undefined;
}

function logLinkQuery(link: LogLink | undefined): string {
  if (!link) return '';
  const params = new URLSearchParams();
  if (link.stepId) params.set('step', link.stepId);
  if (link.runId) params.set('run', link.runId);
  if (link.correlationId) params.set('correlation', link.correlationId);
  const query = params.toString();
  return query ? `?${query}` : '';
}

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, siteId, second, shopId, third] = parts;
  if (parts.length === 0) return { name: 'sites' };
  if (first === 'insights' && parts.length === 1) return { name: 'insights' };
  if (first === 'sites' && siteId && second === 'fleet' && parts.length === 3) return { name: 'fleet', siteId };
  if (first === 'sites' && siteId && second === 'shops' && shopId && third === 'history') {
    if (parts.length === 5) return { name: 'history', siteId, shopId };
    if (parts.length === 6) return { name: 'timeline', siteId, shopId, runId: parts[5]! };
  }
  if (first !== 'sites' || !siteId) return { name: 'notFound' };
  if (siteId === 'new' && parts.length === 2) return { name: 'newSite' };
  if (parts.length === 2) return { name: 'site', siteId };
  if (second === 'edit' && parts.length === 3) return { name: 'editSite', siteId };
  if (second !== 'shops' || !shopId) return { name: 'notFound' };
  if (shopId === 'new' && parts.length === 4) return { name: 'newShop', siteId };
  if (parts.length === 4) return { name: 'run', siteId, shopId };
  if (third === 'logs' && parts.length === 5) {
    const filters = parseLogLink(query);
    return filters ? { name: 'logs', siteId, shopId, filters } : { name: 'logs', siteId, shopId };
  }
  if (third === 'edit' && parts.length === 5) return { name: 'editShop', siteId, shopId };
  if (third === 'plan' && parts.length === 5) return { name: 'plan', siteId, shopId };
  return { name: 'notFound' };
}

/** The href of a route, for plain links (`<a href>` keeps keyboard and middle-click behaviour). */
export function hrefFor(route: Route): string {
  const e = encodeURIComponent;
  switch (route.name) {
    case 'sites':
    case 'notFound':
      return '#/';
    case 'newSite':
      return '#/sites/new';
    case 'site':
      return `#/sites/${e(route.siteId)}`;
    case 'editSite':
      return `#/sites/${e(route.siteId)}/edit`;
    case 'newShop':
      return `#/sites/${e(route.siteId)}/shops/new`;
    case 'run':
      return `#/sites/${e(route.siteId)}/shops/${e(route.shopId)}`;
    case 'logs':
      return `#/sites/${e(route.siteId)}/shops/${e(route.shopId)}/logs${logLinkQuery(route.filters)}`;
    case 'editShop':
      return `#/sites/${e(route.siteId)}/shops/${e(route.shopId)}/edit`;
    case 'plan':
      return `#/sites/${e(route.siteId)}/shops/${e(route.shopId)}/plan`;
    case 'fleet':
      return `#/sites/${e(route.siteId)}/fleet`;
    case 'history':
      return `#/sites/${e(route.siteId)}/shops/${e(route.shopId)}/history`;
    case 'timeline':
      return `#/sites/${e(route.siteId)}/shops/${e(route.shopId)}/history/${e(route.runId)}`;
    case 'insights':
      return '#/insights';
  }
}

export const useRoute = create<{ route: Route }>(() => ({ route: parseRoute(window.location.hash) }));

export function navigate(route: Route): void {
  window.location.hash = hrefFor(route);
}

/** Follows the hash (links, back/forward); call once at start-up. */
export function followLocation(): () => void {
  const update = () => useRoute.setState({ route: parseRoute(window.location.hash) });
  window.addEventListener('hashchange', update);
  return () => window.removeEventListener('hashchange', update);
}
