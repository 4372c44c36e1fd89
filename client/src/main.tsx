import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { expectEarlyCards } from './canvas/earlyCards.ts';
import { remembersIdentity } from './facilitation/participantKey.ts';
import { parseRoute } from './routing/route.ts';
import { registerServiceWorkerOnLoad } from './serviceWorker.ts';
import { getIdentity } from './session/identity.ts';
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
  // A device here for the first time, with a name (no prompt comes first),
  // sees the board's cards (the server's preview of it) while the board's
  // code loads; one that has been here may hold the document and draws that.
  if (token && !remembersIdentity(opened.workshopId) && getIdentity().name.trim() !== '')
    expectEarlyCards();
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
