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
 * announces its document's id as soon as it connects, before it sends its
 * changes). A connection that extends another writer's id, or the room's own
 * (server changes), is refused (ClientUpdateApplier closes it with the
 * transient 4509). Honest clients extend only their own ids, also after a
 * reload (a local copy's offline changes under the previous id: same device,
 * same participant key).
 *
 * Writing does not bind an id, only announcing does: a client may rightly
 * pass on someone else's changes that this process does not have yet — with
 * several processes, one that fails over from a process that already relayed
 * them to one that has not read them from storage yet. Binding those ids to
 * the forwarder would lock their real writer out for the room's life. For the
 * same reason the refusal is transient: by the time the client comes back,
 * this process has read the changes and they are skipped as known.
 *
 * Bindings last the room's life and are capped like the awareness registry's
 * (oldest forgotten).
 */
import * as Y from 'yjs';
import type { Connection } from './Connection.ts';
import type { Decoded } from './updateGuard.ts';

/** Ids remembered (oldest forgotten beyond). */
const MAX_ANNOUNCED = 10_000;

/** The writer a connection counts as. */
export function writerOf(conn: Connection): string {
  return conn.participantId !== null ? `participant:${conn.participantId}` : `role:${conn.role}`;
}

export class ClientIdOwners {
  private readonly announced = new Map<number, string>();

  /** The awareness registry gave `clientId` to `conn`: it belongs to its writer unless it has an owner. */
  announce(conn: Connection, clientId: number): void {
    if (this.announced.has(clientId)) return;
    this.announced.set(clientId, writerOf(conn));
    if (this.announced.size > MAX_ANNOUNCED) {
      this.announced.delete(this.announced.keys().next().value!);
    }
  }

  /**
   * Whether `conn` may add what `update` adds to `doc` (structs beyond the
   * document's clock for their client; structs it has are skipped by Yjs and
   * harmless). Linear in the update's structs.
   */
  mayWrite(conn: Connection, doc: Y.Doc, update: Decoded): boolean {
    const writer = writerOf(conn);
    let last = -1;
    for (const struct of update.structs) {
      const client = struct.id.client;
      if (client === last || struct instanceof Y.Skip) continue;
      if (struct.id.clock + struct.length <= Y.getState(doc.store, client)) continue;
      last = client;
      if (client === doc.clientID) return false;
      const owner = this.announced.get(client);
      if (owner !== undefined && owner !== writer) return false;
    }
    return true;
  }
}
