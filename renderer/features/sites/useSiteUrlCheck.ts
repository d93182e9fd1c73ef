import { useEffect, useState } from 'react';
import type { SiteUrlCheck } from '../../../shared/ipc/contract';
import { api } from '../../api';

/** The address as main would save it (normalised), asked a moment after typing stops; null while empty or invalid. */
export function useSiteUrlCheck(url: string, delayMs = 250): SiteUrlCheck | null {
  const [check, setCheck] = useState<{ url: string; result: SiteUrlCheck | null } | null>(null);
  useEffect(() => {
    const typed = url.trim();
    if (!typed) return;
    let current = true;
    const timer = setTimeout(() => {
      void api.checkSiteUrl(typed).then((result) => {
        if (current) setCheck({ url: typed, result: result.ok ? result.value : null });
      });
    }, delayMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [url, delayMs]);
  return url.trim() && check?.url === url.trim() ? check.result : null;
}
