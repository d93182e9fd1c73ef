import type { Sandbox } from '../../sandbox';

/**
 * Holds the next run at its first look at the site (the engine check's get_logged_user) until the returned
 * release is called: a run takes less than a second, too fast for a page to be seen "running" by timing.
 */
export function holdAtFirstLook(sandbox: Sandbox): () => void {
  const rule = sandbox.faults.add({ method: 'GET', path: '/api/method/frappe.auth.get_logged_user', kind: 'hold' });
  return () => sandbox.faults.remove(rule);
}
