import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import './styles.css';

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('#root missing in index.html');
createRoot(rootElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The service worker keeps the app shell so a reload while offline still opens
// the board (the board itself comes from IndexedDB). Not in `vite dev`.
if ('serviceWorker' in navigator && import.meta.env.PROD) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
  });
}
