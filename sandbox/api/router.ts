import { FrappeError } from '../core/errors';
import { callMethod, type SiteInfo } from './methods';
import { resourceRoute, type RouteResult } from './resource';

// frappe/api/__init__.py: rules mounted at /api and /api/v1 (v15; v14 knows only /api), trailing slash
// optional, names may contain "/", anything else under /api is a bare 404 DoesNotExistError.

export function route(httpMethod: string, path: string, form: Record<string, unknown>, site: SiteInfo & { v14: boolean }): RouteResult {
  let rest = path.replace(/\/+$/, '');
  if (!site.v14 && rest.startsWith('/api/v1/')) rest = rest.slice('/api/v1'.length);
  else if (rest.startsWith('/api/')) rest = rest.slice('/api'.length);
  else throw new FrappeError('DoesNotExistError', '');
  const method = /^\/method\/([^/]+)$/.exec(rest);
  if (method) return { key: 'message', value: callMethod(method[1] ?? '', httpMethod, form, site) };
  const resource = /^\/resource\/([^/]+)(?:\/(.+))?$/.exec(rest);
  if (resource) return resourceRoute(httpMethod, resource[1] ?? '', resource[2] ?? null, form, site.v14);
  throw new FrappeError('DoesNotExistError', '');
}
