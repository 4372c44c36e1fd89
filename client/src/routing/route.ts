// Three routes: `/` (landing), `/barrierefreiheit` (the accessibility
// statement) and `/w/<workshopId>` (a board). The capability
// token travels in the fragment (`#token=…`) so it never reaches server logs or
// Referer headers; it is remembered per workshop so a reload without the
// fragment still works.
export type Route =
  | { kind: 'landing' }
  | { kind: 'accessibility' }
  | { kind: 'workshop'; workshopId: string; token: string | null };

/** The accessibility statement ("Erklärung zur Barrierefreiheit"). */
export const ACCESSIBILITY_PATH = '/barrierefreiheit';

const WORKSHOP_PATH = /^\/w\/([A-Za-z0-9_-]{1,128})\/?$/;

export function parseRoute(pathname: string, hash: string): Route {
  if (pathname.replace(/\/+$/, '') === ACCESSIBILITY_PATH) return { kind: 'accessibility' };
  const match = WORKSHOP_PATH.exec(pathname);
  if (!match?.[1]) return { kind: 'landing' };
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('token');
  return { kind: 'workshop', workshopId: match[1], token: token || null };
}

export function workshopPath(workshopId: string, token?: string): string {
  return `/w/${encodeURIComponent(workshopId)}${token ? `#token=${encodeURIComponent(token)}` : ''}`;
}
