/**
 * What a room sends to its connections, flow-controlled. A connection that
 * does not read is closed as a slow consumer (4408) instead of letting its
 * unread bytes pile up in the server's memory; one room's slow reader costs
 * the others nothing. Answers to SyncStep1 go out through here too, so a
 * client that has not read its previous answers is closed before any work is
 * done for it.
 */
import { CloseCode, type CloseCodeName, CloseReason } from '@pinnwand/shared/protocol/wire';
import type { Limits } from '../config.ts';
import type { Metrics } from '../metrics.ts';
import type { Connection } from './Connection.ts';
import type { SyncAnswers } from './SyncAnswers.ts';

export class RoomSender {
  constructor(
    /** The room's open connections (the room adds and removes them). */
    private readonly connections: ReadonlySet<Connection>,
    private readonly syncAnswers: SyncAnswers,
    private readonly limits: Pick<Limits, 'maxBufferedBytes'>,
    private readonly metrics: Metrics,
  ) {}

  /** Whether a broadcast would reach anyone (so encoding one is worth it). */
  get hasRecipients(): boolean {
    return this.connections.size > 0;
  }

  send(conn: Connection, data: Uint8Array): void {
    if (this.write(conn, data)) this.count(1, data.length);
  }

  /** Sends to every connection but `except` (the sender that already has it). */
  broadcast(data: Uint8Array, except: Connection | null): void {
    let sent = 0;
    for (const conn of this.connections) if (conn !== except && this.write(conn, data)) sent += 1;
    // Counted once per fan-out: two counter updates per recipient cost more than the check.
    if (sent > 0) this.count(sent, data.length);
  }

  close(conn: Connection, code: CloseCodeName): void {
    conn.socket.close(CloseCode[code], CloseReason[code]);
  }

  /**
   * SyncStep2 for `stateVector` from committed state (shared answers, see
   * SyncAnswers.ts); null if the connection is gone. A client that has not
   * read its previous answers is closed as a slow consumer before any work is
   * done for it.
   */
  syncAnswer(conn: Connection, stateVector: Uint8Array): Uint8Array[] | null {
    if (conn.closed) return null;
    if (conn.socket.bufferedAmount > this.limits.maxBufferedBytes) {
      this.closeSlowConsumer(conn);
      return null;
    }
    return this.syncAnswers.answer(stateVector);
  }

  private closeSlowConsumer(conn: Connection): void {
    this.metrics.rejected.inc({ reason: 'slow-consumer' });
    this.close(conn, 'slowConsumer');
  }

  /** Sends unless closed or too slow (then closed); whether it was sent. */
  private write(conn: Connection, data: Uint8Array): boolean {
    if (conn.closed) return false;
    // Flow control counts bytes: what is still unread plus this message must fit
    // (one message of any size is let through into an empty buffer).
    const buffered = conn.socket.bufferedAmount;
    if (buffered > 0 && buffered + data.length > this.limits.maxBufferedBytes) {
      this.closeSlowConsumer(conn);
      return false;
    }
    conn.socket.send(data);
    return true;
  }

  private count(messages: number, bytesEach: number): void {
    this.metrics.messagesOut.inc(messages);
    this.metrics.bytesOut.inc(messages * bytesEach);
  }
}
