// The service worker keeps the app shell so a reload while offline still opens
// the board (the board itself comes from IndexedDB). Not in `vite dev`.
//
// Registering it starts its install, which downloads every script of the app
// once more (sw.js precaches them). On a workshop link that download would
// compete with opening the board — the session, the identity, the document and
// the board's own chunk — so there it waits until the board's document is in
// and the browser is idle; elsewhere it registers once the page has loaded.

import { whenIdle } from './ui/whenIdle.ts';

let registered = false;

function register(): void {
  if (registered || !('serviceWorker' in navigator) || !import.meta.env.PROD) return;
  registered = true;
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
}

/** Registers the service worker once the page has loaded. */
export function registerServiceWorkerOnLoad(): void {
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}

/** Registers the service worker when the browser is next idle (the board's document is in). */
export function registerServiceWorkerWhenIdle(): void {
  if (!registered) whenIdle(register);
}
