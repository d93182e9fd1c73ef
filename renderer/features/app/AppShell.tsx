import { useEffect } from 'react';
import { useAppInfo } from '../../state/appInfo';
import { useRoute } from '../../state/navigation';
import { useSites } from '../../state/sites';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Breadcrumbs } from './Breadcrumbs';
import { EngineBanner } from './EngineBanner';
import { LiveAnnouncer } from './LiveAnnouncer';
import { Router } from './Router';
import { RunsIndicator } from './RunsIndicator';

/** Landmarks (banner, main), the skip link, the engine's restart banner, the breadcrumb, the current screen and the live region. */
export function AppShell() {
  const route = useRoute((state) => state.route);
  const { info, error } = useAppInfo();
  const loadSites = useSites((state) => state.loadAndRecheck);
  const loadInfo = useAppInfo((state) => state.load);
  useEffect(() => {
    void loadInfo();
    void loadSites();
  }, [loadInfo, loadSites]);
  return (
    <>
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          // The hash is the route: move focus without navigating.
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to content
      </a>
      <header className="app-header">
        <a className="brand" href="#/">
          POS Provisioner
        </a>
        <a className="app-nav" href="#/insights" data-testid="nav-insights">
          Insights
        </a>
        <span className="app-version" data-testid="app-version">
          {info ? `version ${info.version}` : ''}
        </span>
        <RunsIndicator />
      </header>
      <main id="main" tabIndex={-1} data-testid="app">
        <EngineBanner />
        {error && <ErrorNotice problem={error} title="The app cannot reach its main process" />}
        <Breadcrumbs route={route} />
        <Router route={route} />
      </main>
      <LiveAnnouncer />
    </>
  );
}
