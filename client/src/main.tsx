import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { parseRoute } from './routing/route.ts';
import { registerServiceWorkerOnLoad } from './serviceWorker.ts';
import { rememberedToken } from './session/remembered.ts';
import { startBoardPreview } from './sync/boardPreview.ts';
import './styles.css';

// Opened on a workshop link: ask the server for the board's first picture,
// the session and this device's identity now, while the board's chunk loads,
// not after it (sync/boardPreview.ts, workshopGate.ts).
const opened = parseRoute(location.pathname, location.hash);
if (opened.kind === 'workshop') {
  const token = opened.token ?? rememberedToken(opened.workshopId);
  if (token) startBoardPreview(opened.workshopId, token);
  void import('./session/workshopGate.ts').then((m) =>
    m.startGate(opened.workshopId, opened.token),
  );
}

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('#root missing in index.html');
createRoot(rootElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

if (opened.kind !== 'workshop') registerServiceWorkerOnLoad();
