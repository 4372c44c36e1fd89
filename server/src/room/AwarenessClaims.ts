/**
 * The note claims in a room's awareness (`editing`, `editingSince`,
 * `takeover`; @pinnwand/shared/protocol/writingClaims), rewritten by the
 * server before a state is relayed, because a claim locks others out of a
 * note and clients settle crossed claims by their time:
 *
 * - `editingSince` is the server's: stamped (ClaimClock) when a client id's
 *   `editing` changes, kept while it stays the same. What a client sends there
 *   is ignored, so a fake early time does not beat anyone, and skewed clocks
 *   do not decide who writes. A client reads its own stamp from the echo of
 *   its state (the relay sends every state to its sender too).
 * - `editing` and `takeover` are dropped (null) unless they name a note id of
 *   bounded length that the connection may write (policy/claimPolicy.ts:
 *   never a viewer's, not on a locked board).
 * - A claim "taken over" (`takeover` = `editing`, which beats a plain claim)
 *   keeps its `takeover` only if the client id's request for that note has
 *   stood TAKEOVER_MIN_ASKED_MS: nobody throws a writer out at once.
 *
 * Fields a state does not carry are not added, so a stock y-protocols client
 * (no claims) gets its state relayed as it sent it, plus `role`.
 *
 * With several processes, a room's awareness is only ever handled by the
 * process that serves the room (others pipe the websocket's bytes to it,
 * cluster/proxyUpgrade.ts), so a claim is stamped once. After a failover the
 * clients reconnect and their claims are stamped anew by the new owner, like
 * after any reconnect: the server forgets a client id's claim with its state.
 */
import {
  CLAIM_FIELD,
  CLAIM_SINCE_FIELD,
  ClaimClock,
  claimedNote,
  TAKEOVER_FIELD,
  TAKEOVER_MIN_ASKED_MS,
} from '@pinnwand/shared/protocol/writingClaims';
import type * as Y from 'yjs';
import { mayClaimNote } from '../policy/claimPolicy.ts';
import type { Connection } from './Connection.ts';

interface StampedClaim {
  note: string;
  since: number;
}

export class AwarenessClaims {
  private readonly clock: ClaimClock;
  /** Client id → its standing claim as last relayed. */
  private readonly claims = new Map<number, StampedClaim>();
  /** Client id → its request to take a note over, and since when it stands (server time). */
  private readonly requests = new Map<number, StampedClaim>();

  constructor(
    /** The room's document, or null while it is not built (then only roles are judged). */
    private readonly document: () => Y.Doc | null,
    private readonly now: () => number = Date.now,
  ) {
    this.clock = new ClaimClock(now);
  }

  /** Rewrites the claim fields of `state` (a parsed awareness state) in place. */
  judge(conn: Connection, clientId: number, state: Record<string, unknown>): void {
    const hasClaim = CLAIM_FIELD in state || CLAIM_SINCE_FIELD in state;
    if (hasClaim) {
      const note = this.allowed(conn, state[CLAIM_FIELD]);
      const previous = this.claims.get(clientId);
      let since: number | null = null;
      if (note === null) this.claims.delete(clientId);
      else if (previous?.note === note) since = previous.since;
      else {
        since = this.clock.stamp();
        this.claims.set(clientId, { note, since });
      }
      state[CLAIM_FIELD] = note;
      state[CLAIM_SINCE_FIELD] = since;
    } else {
      this.claims.delete(clientId);
    }
    if (!(TAKEOVER_FIELD in state)) {
      this.requests.delete(clientId);
      return;
    }
    const asked = this.allowed(conn, state[TAKEOVER_FIELD]);
    let request = this.requests.get(clientId);
    if (asked === null) this.requests.delete(clientId);
    else if (request?.note !== asked) {
      request = { note: asked, since: this.now() };
      this.requests.set(clientId, request);
    }
    const early =
      asked !== null &&
      asked === state[CLAIM_FIELD] &&
      request !== undefined &&
      this.now() - request.since < TAKEOVER_MIN_ASKED_MS;
    state[TAKEOVER_FIELD] = early ? null : asked;
  }

  /** The client id's state was removed: a claim it makes again is a new one. */
  forget(clientId: number): void {
    this.claims.delete(clientId);
    this.requests.delete(clientId);
  }

  private allowed(conn: Connection, value: unknown): string | null {
    const note = claimedNote(value);
    return note !== null && mayClaimNote(conn, note, this.document()) ? note : null;
  }
}
