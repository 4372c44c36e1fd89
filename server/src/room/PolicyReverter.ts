/**
 * Runs the update policy's `check` on every transaction a connection's update
 * causes, and reverts refused ones. See updatePolicy.ts for why a refused
 * update is applied and then undone rather than dropped.
 *
 * The check runs in `afterTransaction`, before Yjs garbage-collects what the
 * transaction deleted, so rules can still read deleted content. A Y.UndoManager
 * scoped to the whole document tracks exactly the refused transactions (its
 * `captureTransaction` asks for the verdict; every connection origin is tracked
 * through the ConnectionOrigin class), so `revert` undoes that transaction and
 * nothing else: inserted items are deleted, deleted items restored as copies.
 */
import type { Logger } from 'pino';
import * as Y from 'yjs';
import { type Connection, ConnectionOrigin } from './Connection.ts';
import type { UpdatePolicy } from './updatePolicy.ts';

export interface Refusal {
  transaction: Y.Transaction;
  reason: string;
}

export class PolicyReverter {
  private readonly refused = new WeakMap<Y.Transaction, string>();
  private readonly undoManager: Y.UndoManager;
  private lastTransaction: Y.Transaction | null = null;

  constructor(
    private readonly doc: Y.Doc,
    private readonly workshopId: string,
    private readonly policy: UpdatePolicy,
    private readonly logger: Logger,
  ) {
    // Registered before the undo manager's own listener, so the verdict exists when it asks.
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      this.lastTransaction = tr;
      if (tr.origin instanceof ConnectionOrigin) this.judge(tr, tr.origin.connection);
    });
    this.undoManager = new Y.UndoManager(doc, {
      trackedOrigins: new Set<unknown>([ConnectionOrigin]),
      captureTimeout: 0,
      captureTransaction: (tr) => this.refused.has(tr),
    });
  }

  /** Call before applying an update; `refusal()` then tells whether its transaction was refused. */
  begin(): void {
    this.lastTransaction = null;
  }

  refusal(): Refusal | null {
    const tr = this.lastTransaction;
    if (!tr) return null;
    const reason = this.refused.get(tr);
    return reason === undefined ? null : { transaction: tr, reason };
  }

  /** Undoes the refused transaction (a new transaction with the undo manager as origin). */
  revert(refusal: Refusal): void {
    this.undoManager.undo();
    this.undoManager.clear();
    // The refused content was kept for the undo; collect it now so it is never stored or relayed.
    Y.tryGc(refusal.transaction.deleteSet, this.doc.store, () => true);
  }

  destroy(): void {
    this.undoManager.destroy();
  }

  private judge(tr: Y.Transaction, conn: Connection): void {
    if (!this.policy.check) return;
    try {
      const verdict = this.policy.check({
        workshopId: this.workshopId,
        role: conn.role,
        connectionId: conn.id,
        participantId: conn.participantId,
        doc: this.doc,
        transaction: tr,
      });
      if (!verdict.allow) this.refused.set(tr, verdict.reason);
    } catch (err) {
      this.logger.error({ err, room: this.workshopId }, 'update policy threw; refusing the change');
      this.refused.set(tr, 'the server could not check this change');
    }
  }
}
