/**
 * The awareness (presence, cursors, names) of one room, hardened:
 *
 * - a connection may only set or remove the states of client ids it introduced
 *   itself (the first connection to send a client id owns it until it closes,
 *   or until a new connection of the same participant takes it over);
 * - a client id introduced by a participant stays bound to that participant
 *   after its connection closed: nobody else can claim it meanwhile and so
 *   lock the participant's reconnect out (ids of connections without a
 *   participant id are bound to the connection only);
 * - states are parsed only once they passed ownership and size checks, so a
 *   frame of entries the sender does not own costs no JSON parsing;
 * - a state larger than the limit is not relayed;
 * - the server overwrites `state.role` with the connection's capability, so
 *   nobody can pose as the facilitator;
 * - note claims (`editing`, `editingSince`, `takeover`) are stamped with the
 *   server's clock and dropped where the connection may not write
 *   (AwarenessClaims).
 *
 * Awareness is ephemeral: it is relayed at once, never stored.
 */
import {
  AWARENESS_MAX_CLIENT_IDS_PER_CONNECTION,
  AWARENESS_ROLE_FIELD,
} from '@pinnwand/shared/protocol/wire';
import {
  type AwarenessEntry,
  MalformedMessage,
  type OutgoingAwarenessEntry,
  parseAwarenessState,
} from '../socket/messageCodec.ts';
import type { AwarenessClaims } from './AwarenessClaims.ts';
import type { ClientIdOwners } from './ClientIdOwners.ts';
import type { Connection } from './Connection.ts';

interface StateRecord {
  clock: number;
  /** Stamped JSON as relayed; 'null' once removed. */
  json: string;
}

export interface AwarenessResult {
  accepted: OutgoingAwarenessEntry[];
  notOwner: number;
  tooLarge: number;
  tooManyClients: number;
  /** An entry the connection owned was not a JSON object: close it (4400). */
  malformed: boolean;
}

/** Client ids remembered per room for their participant (oldest forgotten beyond). */
const MAX_BOUND_IDS = 10_000;

/**
 * A reconnecting tab may find its previous connection still open on the server
 * (a dead network path is noticed only by the next ping). Its client id may
 * move to the new connection when both proved the same participant key.
 */
function sameParticipant(a: Connection, b: Connection): boolean {
  return a.participantId !== null && a.participantId === b.participantId && a.role === b.role;
}

export class AwarenessRegistry {
  private readonly owners = new Map<number, Connection>();
  private readonly states = new Map<number, StateRecord>();
  private readonly owned = new Map<Connection, number>();
  /** Client id → the participant that introduced it, kept after its connection closed. */
  private readonly bound = new Map<number, string>();

  constructor(
    private readonly maxStateBytes: number,
    /** Told of every id a connection introduces: its document changes belong to the same writer. */
    private readonly clientIds: ClientIdOwners | null = null,
    private readonly claims: AwarenessClaims | null = null,
  ) {}

  apply(conn: Connection, entries: readonly AwarenessEntry[]): AwarenessResult {
    const result: AwarenessResult = {
      accepted: [],
      notOwner: 0,
      tooLarge: 0,
      tooManyClients: 0,
      malformed: false,
    };
    for (const entry of entries) {
      const owner = this.owners.get(entry.clientId);
      if (owner && owner !== conn && !sameParticipant(owner, conn)) {
        result.notOwner += 1;
        continue;
      }
      const boundTo = this.bound.get(entry.clientId);
      if (!owner && boundTo !== undefined && boundTo !== conn.participantId) {
        result.notOwner += 1;
        continue;
      }
      if (entry.json.length > this.maxStateBytes) {
        result.tooLarge += 1;
        continue;
      }
      const ownedCount = this.owned.get(conn) ?? 0;
      if (owner !== conn && ownedCount >= AWARENESS_MAX_CLIENT_IDS_PER_CONNECTION) {
        result.tooManyClients += 1;
        continue;
      }
      let state: Record<string, unknown> | null;
      try {
        state = parseAwarenessState(entry.json);
      } catch (err) {
        if (!(err instanceof MalformedMessage)) throw err;
        result.malformed = true;
        return result;
      }
      const current = this.states.get(entry.clientId);
      const removal = state === null;
      // Same rule as y-protocols: newer clocks win; a removal at the same clock still counts.
      if (current && !(current.clock < entry.clock || (removal && current.clock === entry.clock))) {
        continue;
      }
      if (owner !== conn) {
        // New, or taken over from the same participant's previous (stale) connection.
        if (owner) this.owned.set(owner, (this.owned.get(owner) ?? 1) - 1);
        this.owned.set(conn, ownedCount + 1);
        this.owners.set(entry.clientId, conn);
        if (conn.participantId !== null) this.bind(entry.clientId, conn.participantId);
        this.clientIds?.announce(conn, entry.clientId);
      }
      if (state === null) this.claims?.forget(entry.clientId);
      else this.claims?.judge(conn, entry.clientId, state);
      const json = removal
        ? 'null'
        : JSON.stringify({ ...state, [AWARENESS_ROLE_FIELD]: conn.role });
      this.states.set(entry.clientId, { clock: entry.clock, json });
      result.accepted.push({ clientId: entry.clientId, clock: entry.clock, json });
    }
    return result;
  }

  private bind(clientId: number, participantId: string): void {
    this.bound.delete(clientId);
    this.bound.set(clientId, participantId);
    if (this.bound.size > MAX_BOUND_IDS) this.bound.delete(this.bound.keys().next().value!);
  }

  /** Forgets a closed connection's client ids; returns the removals to relay. */
  removeConnection(conn: Connection): OutgoingAwarenessEntry[] {
    const removed: OutgoingAwarenessEntry[] = [];
    if (!this.owned.delete(conn)) return removed;
    for (const [clientId, owner] of this.owners) {
      if (owner !== conn) continue;
      this.owners.delete(clientId);
      this.claims?.forget(clientId);
      const state = this.states.get(clientId);
      this.states.delete(clientId);
      if (state && state.json !== 'null') {
        removed.push({ clientId, clock: state.clock + 1, json: 'null' });
      }
    }
    return removed;
  }

  /** Every current (non-removed) state, for a client that joins or asks. */
  all(): OutgoingAwarenessEntry[] {
    const entries: OutgoingAwarenessEntry[] = [];
    for (const [clientId, state] of this.states) {
      if (state.json !== 'null') entries.push({ clientId, clock: state.clock, json: state.json });
    }
    return entries;
  }
}
