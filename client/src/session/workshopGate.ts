// The way into a workshop before its board opens: find the token (fragment or
// remembered), ask the server what it allows (or, offline, use the last
// answer) and, for anyone who writes, make sure this device holds an issued
// participant identity (the socket carries its key).
//
// main.tsx starts this as soon as the page opens on a workshop link, while the
// board's code (its own, larger chunk) is still loading: the two requests then
// overlap the download instead of following it, and so does the board's socket
// (sync/earlyConnection.ts). The build's preload script has usually made both
// requests already, before the main bundle arrived (earlyRequests.ts). WorkshopPage takes that answer, or asks afresh when
// there is none (navigated here within the app).
import type { SessionInfo } from '@pinnwand/shared/protocol/http';
import { fetchSession } from '../api/httpApi.ts';
import { ensureParticipantIdentity } from '../facilitation/participantKey.ts';
import { openEarlyConnection } from '../sync/earlyConnection.ts';
import { takeEarlySession } from './earlyRequests.ts';
import { getIdentity } from './identity.ts';
import {
  rememberedSession,
  rememberedToken,
  rememberSession,
  rememberToken,
} from './remembered.ts';

export type Gate =
  | { kind: 'loading' }
  | {
      kind: 'error';
      message: 'session.badToken' | 'session.notFound' | 'session.noToken' | 'session.unreachable';
    }
  | { kind: 'ready'; session: SessionInfo; token: string };

async function openGate(workshopId: string, fromUrl: string | null): Promise<Gate> {
  const token = fromUrl ?? rememberedToken(workshopId);
  if (!token) return { kind: 'error', message: 'session.noToken' };
  if (fromUrl) rememberToken(workshopId, fromUrl);
  // Votes and authorship need an identity the server issued (viewers write
  // nothing). A device without one asks for it alongside the session rather
  // than after it (one round trip less before the board's socket opens); a
  // viewer's link is refused it, and that answer is not used.
  const identity = ensureParticipantIdentity(workshopId, token);
  const result = await fetchSession(workshopId, token, takeEarlySession(workshopId, token));
  if (result.ok) {
    rememberSession(result.value);
    if (result.value.role !== 'viewer') await identity;
    return { kind: 'ready', session: result.value, token };
  }
  if (result.reason === 'badToken' || result.reason === 'forbidden')
    return { kind: 'error', message: 'session.badToken' };
  if (result.reason === 'notFound') return { kind: 'error', message: 'session.notFound' };
  // Offline or a server in trouble: the last answer lets the board open from IndexedDB.
  const cached = rememberedSession(workshopId);
  if (!cached) return { kind: 'error', message: 'session.unreachable' };
  if (cached.role !== 'viewer') await identity;
  return { kind: 'ready', session: cached, token };
}

interface Opening {
  gate: Promise<Gate>;
  settled: boolean;
  /** Started at page load and not taken yet: kept for its taker even once settled. */
  untaken: boolean;
}

/** Gates being opened, by workshop and token: whoever asks meanwhile shares the requests. */
const openings = new Map<string, Opening>();

function begin(workshopId: string, fromUrl: string | null, untaken: boolean): Opening {
  const key = `${workshopId}#${fromUrl ?? ''}`;
  const opening: Opening = { gate: openGate(workshopId, fromUrl), settled: false, untaken };
  openings.set(key, opening);
  void opening.gate.finally(() => {
    opening.settled = true;
    if (!opening.untaken && openings.get(key) === opening) openings.delete(key);
  });
  return opening;
}

/**
 * Starts opening the workshop the page was opened on (main.tsx), and its
 * socket once through, when no name prompt stands before the board.
 */
export function startGate(workshopId: string, fromUrl: string | null): void {
  // Loaded beside the requests, so the socket opens in the same turn the gate
  // is through, before the board takes its connection.
  const connection = import('../sync/connection.ts');
  void Promise.all([begin(workshopId, fromUrl, true).gate, connection]).then(([gate, m]) => {
    if (gate.kind === 'ready' && getIdentity().name.trim() !== '')
      openEarlyConnection(gate.session.workshopId, gate.token, m.openConnection);
  });
}

/**
 * The gate for this workshop and token: the one started at page load (once,
 * even if it settled before the board's code arrived) or still under way (a
 * remount's), else a new one — a later visit within the page asks afresh.
 */
export function takeGate(workshopId: string, fromUrl: string | null): Promise<Gate> {
  const key = `${workshopId}#${fromUrl ?? ''}`;
  const current = openings.get(key);
  if (current && (!current.settled || current.untaken)) {
    current.untaken = false;
    if (current.settled) openings.delete(key);
    return current.gate;
  }
  return begin(workshopId, fromUrl, false).gate;
}
