/**
 * Our SyncStep1 (the server's state vector) for each joiner. The joiner is
 * synced by our SyncStep2, which must not wait for a cold room's document to
 * be built; the state vector only asks the joiner for what it has that we
 * lack, so a joiner of an unbuilt room gets it once the document is built.
 */

import * as Y from 'yjs';
import { encodeSyncStep1 } from '../socket/messageCodec.ts';
import type { Batch } from './Batch.ts';
import type { Connection } from './Connection.ts';
import type { LazyDocument } from './LazyDocument.ts';
import type { RoomSender } from './RoomSender.ts';

export class JoinGreeting {
  /** Joiners still to be sent our state vector, once the document is built. */
  private readonly awaiting = new Set<Connection>();

  constructor(
    private readonly document: LazyDocument,
    private readonly sender: RoomSender,
  ) {}

  /** Greets `conn` once the batch is stored; `then` runs right after (the rest of the greeting). */
  greet(conn: Connection, batch: Batch, then: () => void): void {
    const stateVector = this.document.isBuilt
      ? encodeSyncStep1(Y.encodeStateVector(this.document.doc))
      : null;
    batch.after.push(() => {
      if (stateVector) this.sender.send(conn, stateVector);
      else if (this.document.isBuilt) {
        // Built meanwhile: the vector it sent to those waiting did not reach this one.
        this.sender.send(conn, encodeSyncStep1(Y.encodeStateVector(this.document.doc)));
      } else this.awaiting.add(conn);
      then();
    });
  }

  /** The document was just built from the stored state, so its vector is committed state. */
  documentBuilt(doc: Y.Doc): void {
    if (this.awaiting.size === 0) return;
    const message = encodeSyncStep1(Y.encodeStateVector(doc));
    for (const conn of this.awaiting) this.sender.send(conn, message);
    this.awaiting.clear();
  }

  forget(conn: Connection): void {
    this.awaiting.delete(conn);
  }
}
