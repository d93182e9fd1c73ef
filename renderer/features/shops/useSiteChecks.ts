import { useEffect, useState } from 'react';
import type { ShopSiteConflict } from '../../../shared/plan';
import { api } from '../../api';

export type SiteChecks = { state: 'idle' | 'checking' | 'unavailable' } | { state: 'checked'; conflicts: ShopSiteConflict[] };

/** A pause after typing before the site is asked (each check reads the site: a dozen requests). */
const DEBOUNCE_MS = 700;

/**
 * The shop form's live checks against the chosen site (issue 10): the same plan checks a Start's
 * preflight makes for the fields a person types (abbreviation free, cashiers and payment modes exist).
 * Asked only for a draft that is valid on its own, after a pause; an answer for an older draft is dropped.
 */
export function useSiteChecks(siteId: string, file: unknown, valid: boolean): SiteChecks {
  const [checks, setChecks] = useState<SiteChecks>({ state: 'idle' });
  const key = JSON.stringify(file);
  useEffect(() => {
    if (!valid) {
      setChecks({ state: 'idle' });
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      setChecks({ state: 'checking' });
      void api.checkShopOnSite({ siteId, config: JSON.parse(key) as unknown }).then((result) => {
        if (!current) return;
        if (!result.ok || !result.value.checked) setChecks({ state: 'unavailable' });
        else setChecks({ state: 'checked', conflicts: result.value.check.conflicts });
      });
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [siteId, key, valid]);
  return checks;
}
