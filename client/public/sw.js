// Pinnwand service worker: keeps the app shell so a reload without network
// still opens the board (whose content comes from IndexedDB). Navigations and
// index.html go to the network first and fall back to the cached shell; hashed
// files under /assets/ never change, so they are served from the cache first.
// API calls and the websocket are never cached here.
const CACHE = 'pinnwand-shell-v3';
const SHELL = ['/', '/index.html', '/favicon.svg'];

// The page that registers the worker was loaded before the worker existed, so
// its hashed script and style are not in the cache yet: read them from
// index.html and cache them with the shell.
async function precache() {
  const cache = await caches.open(CACHE);
  await cache.addAll(SHELL);
  const html = await (await cache.match('/index.html')).text();
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
  await cache.addAll(assets);
  // The lazily loaded board page and its parts (listed at build time).
  const list = await fetch('/precache.json', { cache: 'no-store' });
  if (list.ok) {
    const lazy = (await list.json()).filter(
      (url) => typeof url === 'string' && url.startsWith('/assets/'),
    );
    await cache.addAll(lazy);
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

async function networkFirst(request, fallbackUrl) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    const html = (response.headers.get('Content-Type') ?? '').includes('text/html');
    if (response.ok && (!fallbackUrl || html))
      await cache.put(fallbackUrl ?? request, response.clone());
    return response;
  } catch (error) {
    const cached = (await cache.match(fallbackUrl ?? request)) ?? (await cache.match('/'));
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // Only the app's own routes are the shell; a navigation to a download
    // (an export under /api/) must never land in the cache as index.html.
    const appRoute = url.pathname === '/' || url.pathname.startsWith('/w/');
    // Every app route is the same index.html; cache it under one key.
    if (appRoute) event.respondWith(networkFirst(request, '/index.html'));
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(request));
    return;
  }
  if (url.pathname === '/index.html' || url.pathname === '/favicon.svg') {
    event.respondWith(networkFirst(request));
  }
});
