/**
 * Reconnect back-off for clients closed for what they sent.
 *
 * Closing a connection that sent a hostile message ends that connection, but
 * a hostile client simply opens the next one, and every new connection costs
 * an upgrade, an authorisation and whatever the next hostile message costs
 * before it is refused again — hundreds of times a second. So each close for
 * what a client sent is a strike against the client's key, and further
 * upgrades under that key are refused with HTTP 429, before any work, for a
 * time that doubles with every strike (250 ms up to 30 s) and is forgotten
 * after a minute without strikes. Judged once the link is authorised (a
 * lookup), before the websocket handshake and everything after it; a client
 * that asks again exactly as before (`requestKey`) is refused before the lookup.
 *
 * The key is what identifies the client as closely as the server can: its
 * address, the workshop, the link's role and the participant identity its key
 * proved (an unproven key counts as none, or a fresh made-up key would be a
 * fresh client). Clients of the app prove their own participant key, so a
 * penalty reaches another client only if it connects from the same address
 * (behind one proxy) with the same link and no proven key — as anonymous as
 * the offender. Held in memory, never logged.
 */

import { createHash } from 'node:crypto';

/** The first penalty; each further strike doubles it. */
const BASE_MS = 250;
const MAX_MS = 30_000;
/** Strikes are forgotten this long after their penalty ended. */
const FORGET_MS = 60_000;
/** Keys remembered at most (the oldest penalties are forgotten first). */
const MAX_KEYS = 10_000;

interface Entry {
  strikes: number;
  until: number;
}

export function penaltyKey(
  address: string | undefined,
  workshopId: string,
  role: string | null,
  participantId: string | null,
): string {
  return `${address ?? ''}\n${workshopId}\n${role ?? ''}\n${participantId ?? ''}`;
}

/**
 * The client as its upgrade request names it, before any lookup: address,
 * workshop, token and participant key as sent (hashed: raw tokens are not
 * kept). Exactly one `penaltyKey` stands behind it, so a penalty struck under
 * both lets its reconnects be refused before the authorisation's lookup.
 */
export function requestKey(
  address: string | undefined,
  workshopId: string,
  token: string | null,
  participantKey: string | null,
): string {
  return createHash('sha256')
    .update(`${address ?? ''}\n${workshopId}\n${token ?? ''}\n${participantKey ?? ''}`)
    .digest('base64url');
}

export class ReconnectPenalty {
  private readonly entries = new Map<string, Entry>();

  /** The client behind `key` was closed for what it sent. */
  strike(key: string, now = Date.now()): void {
    let entry = this.entries.get(key);
    if (entry && now > entry.until + FORGET_MS) entry = undefined;
    const strikes = (entry?.strikes ?? 0) + 1;
    this.entries.delete(key);
    this.entries.set(key, {
      strikes,
      until: now + Math.min(MAX_MS, BASE_MS * 2 ** (strikes - 1)),
    });
    if (this.entries.size > MAX_KEYS) {
      this.entries.delete(this.entries.keys().next().value!);
    }
  }

  /** Milliseconds the client behind `key` must still wait before it may connect; 0: now. */
  waitMs(key: string, now = Date.now()): number {
    const entry = this.entries.get(key);
    if (!entry) return 0;
    if (now > entry.until + FORGET_MS) {
      this.entries.delete(key);
      return 0;
    }
    return Math.max(0, entry.until - now);
  }
}
