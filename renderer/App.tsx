import { useEffect, useState } from 'react';
import { api } from './api';

/** Placeholder shell; the real screens are built in renderer/features. */
export function App() {
  const [version, setVersion] = useState('…');
  useEffect(() => {
    void api.appInfo().then((result) => setVersion(result.ok ? result.value.version : result.error.message));
  }, []);
  return <main data-testid="app">POS Provisioner {version}</main>;
}
