import { useSyncExternalStore } from 'react';
import { parseRoute, type Route } from './route.ts';

// The location is the router's only state; navigate() pushes and notifies.
const listeners = new Set<() => void>();
let cached: { key: string; route: Route } | null = null;

function snapshot(): Route {
  const key = `${location.pathname}${location.hash}`;
  if (cached?.key !== key) cached = { key, route: parseRoute(location.pathname, location.hash) };
  return cached.route;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  window.addEventListener('hashchange', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
    window.removeEventListener('hashchange', listener);
  };
}

export function navigate(path: string): void {
  history.pushState(null, '', path);
  for (const listener of listeners) listener();
}

export function useRoute(): Route {
  return useSyncExternalStore(subscribe, snapshot);
}
