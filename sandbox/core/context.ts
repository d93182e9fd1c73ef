import type { ServerMessage } from './errors';
import type { Store } from './store';

// One request runs synchronously from start to commit (better-sqlite3 is synchronous), so a single
// "current request" slot is safe and spares every controller from threading a context through.
export interface RequestContext {
  store: Store;
  user: string;
  roles: Set<string>;
  log: ServerMessage[];
  siteUrl: string;
  /** "YYYY-MM-DD HH:mm:ss.ffffff" in the site time zone, strictly increasing */
  timestamp(): string;
  /** today's date in the site time zone */
  today(): string;
  /** current year in the site time zone (naming series .YYYY.) */
  year(): string;
  /** 10-character Frappe-style random name (seeded PRNG when a seed was given) */
  hash(): string;
  random(): number;
  flags: Record<string, unknown>;
}

let current: RequestContext | null = null;

export function ctx(): RequestContext {
  if (!current) throw new Error('no request context');
  return current;
}

export function runInContext<T>(context: RequestContext, fn: () => T): T {
  const previous = current;
  current = context;
  try {
    return fn();
  } finally {
    current = previous;
  }
}

/** Run fn as another user (ERPNext's ignore_permissions / frappe.set_user style internal writes). */
export function asUser<T>(user: string, roles: Set<string>, fn: () => T): T {
  const c = ctx();
  const saved = { user: c.user, roles: c.roles };
  c.user = user;
  c.roles = roles;
  try {
    return fn();
  } finally {
    c.user = saved.user;
    c.roles = saved.roles;
  }
}
