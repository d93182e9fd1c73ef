import { ctx } from './context';

// frappe.defaults: site-wide defaults live under parent "__default", user defaults under the user's name
// (tabDefaultValue). get_defaults(user) overlays the user's own on the global ones.
export const SITE = '__default';

export function getDefaults(user = ctx().user): Record<string, string> {
  const store = ctx().store;
  return { ...store.allDefaults(SITE), ...store.allDefaults(user) };
}

export function getGlobalDefault(key: string): string | null {
  return ctx().store.getDefault(SITE, key);
}

export function setGlobalDefault(key: string, value: unknown): void {
  ctx().store.setDefault(SITE, key, value === null || value === undefined ? null : String(value));
}

export function setUserDefault(user: string, key: string, value: unknown): void {
  ctx().store.setDefault(user, key, value === null || value === undefined ? null : String(value));
}
