import { AppShell } from './features/app/AppShell';

/** The page: sites, shops, runs and logs, over the typed API to main (renderer/api). */
export function App() {
  return <AppShell />;
}
