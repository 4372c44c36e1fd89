/**
 * Whose Yjs client ids are whose, in one room. Yjs names every change by its
 * writer's client id and clock, and skips a clock it already has: whoever
 * writes first under someone's id at their next clock makes that person's own
 * change at that clock vanish, and their following changes land wherever the
 * impostor's sits (origins are ids). Client ids are public — every relayed
 * update and awareness state carries them — so a hostile participant could
 * wait for someone to go offline and claim their next clocks: everything that
 * person wrote offline would be lost on their return.
 *
 * So each client id belongs to one writer (the participant id the connection
 * proved, else one writer per role: connections without a key cannot be told
 * apart): the writer that announced it in awareness first (a stock client
 * announces its document's id as soon as it connects), or that wrote its very
 * first change. A connection that extends another writer's id, or the room's
 * own (server changes), is refused (ClientUpdateApplier closes it with 4400).
 * Honest clients extend only their own ids, also after a reload (a local copy's
 * offline changes under the previous id: same device, same participant key).
 *
 * Bindings last the room's life. Ids bound by writing are in the document's
 * state vector anyway; ids only announced are capped like the awareness
 * registry's (oldest forgotten).
 */
import * as Y from 'yjs';
import type { Connection } from './Connection.ts';
import type { Decoded } from './updateGuard.ts';

/** Ids remembered only from awareness (oldest forgotten beyond). */
const MAX_ANNOUNCED = 10_000;

/** The writer a connection counts as. */
export function writerOf(conn: Connection): string {
  return conn.participantId !== null ? `participant:${conn.participantId}` : `role:${conn.role}`;
}

export class ClientIdOwners {
  private readonly written = new Map<number, string>();
  private readonly announced = new Map<number, string>();

  /** The awareness registry gave `clientId` to `conn`: it belongs to its writer unless it has an owner. */
  announce(conn: Connection, clientId: number): void {
    if (this.written.has(clientId) || this.announced.has(clientId)) return;
    this.announced.set(clientId, writerOf(conn));
    if (this.announced.size > MAX_ANNOUNCED) {
      this.announced.delete(this.announced.keys().next().value!);
    }
  }

  /**
   * Whether `conn` may add what `update` adds to `doc` (structs beyond the
   * document's clock for their client; structs it has are skipped by Yjs and
   * harmless). Ids new to the document and without an owner become the
   * writer's. Linear in the update's structs.
   */
  mayWrite(conn: Connection, doc: Y.Doc, update: Decoded): boolean {
    const writer = writerOf(conn);
    const claims: number[] = [];
    let last = -1;
    for (const struct of update.structs) {
      const client = struct.id.client;
      if (client === last || struct instanceof Y.Skip) continue;
      const state = Y.getState(doc.store, client);
      if (struct.id.clock + struct.length <= state) continue;
      last = client;
      if (client === doc.clientID) return false;
      const owner = this.written.get(client) ?? this.announced.get(client);
      if (owner === undefined) {
        if (state === 0) claims.push(client);
      } else if (owner !== writer) {
        return false;
      }
    }
    for (const client of claims) {
      this.written.set(client, writer);
      this.announced.delete(client);
    }
    return true;
  }
}
