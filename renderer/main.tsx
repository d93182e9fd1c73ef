import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { followLocation } from './state/navigation';
import { followRunUpdates } from './state/runs';
import './styles.css';

followLocation();
followRunUpdates();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
