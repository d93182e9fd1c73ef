import { useEffect, useState } from 'react';
import type { EngineEvent } from '../../../shared/ipc/contract';
import { api } from '../../api';
import { Icon, type IconName } from '../ui/Icon';

/** How long "Engine restarted" stays once everything is going again. */
export const RESTARTED_VISIBLE_MS = 6_000;

interface Banner {
  tone: 'warning' | 'success' | 'danger';
  icon: IconName;
  text: string;
  hint?: string;
}

function bannerFor(event: EngineEvent): Banner {
  switch (event.type) {
    case 'engine.stopped':
      return { tone: 'warning', icon: 'running', text: 'The engine stopped; restarting…', hint: 'Nothing already done is lost: a run that was going resumes where it stopped.' };
    case 'engine.restarted':
      return { tone: 'success', icon: 'check', text: event.resumedRuns > 0 ? 'Engine restarted; runs resumed.' : 'Engine restarted.' };
    case 'engine.failed':
      return { tone: 'danger', icon: 'cross', text: event.message, hint: event.hint };
  }
}

/**
 * On every screen, while the engine process (runs, ERPNext, SQLite) restarts after a crash: a polite
 * status line, so a screen reader hears it without losing its place. "Restarted" goes away by itself.
 * The container stays in the page (empty) so its first message is announced.
 */
export function EngineBanner() {
  const [banner, setBanner] = useState<Banner | null>(null);
  const [shown, setShown] = useState(0);
  useEffect(
    () =>
      api.onEngineEvent((event) => {
        setBanner(bannerFor(event));
        setShown((n) => n + 1);
      }),
    [],
  );
  useEffect(() => {
    if (banner?.tone !== 'success') return;
    const timer = setTimeout(() => setBanner(null), RESTARTED_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [banner, shown]);
  return (
    <div role="status" className={banner ? `engine-banner notice tone-${banner.tone}` : 'engine-banner-idle'} data-testid="engine-banner" data-state={banner?.tone ?? 'idle'}>
      {banner && (
        <>
          <Icon name={banner.icon} />
          <div>
            <p className="engine-banner-text">{banner.text}</p>
            {banner.hint && <p className="hint">{banner.hint}</p>}
          </div>
        </>
      )}
    </div>
  );
}
