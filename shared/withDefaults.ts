/** Defaults overridden only by values that are actually given (`undefined` never erases a default). */
export function withDefaults<T extends object>(defaults: T, overrides: Partial<T> | undefined): T {
  const given = Object.entries(overrides ?? {}).filter(([, value]) => value !== undefined);
  return { ...defaults, ...Object.fromEntries(given) } as T;
}
