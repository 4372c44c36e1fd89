/**
 * What one room hands the Committer per tick (Room.takeBatch): the updates its
 * document produced while applying the inbox, to be stored in one transaction
 * and only then relayed, and what to run once they are stored (or not).
 */

import * as Y from 'yjs';
import { type Connection, ConnectionOrigin } from './Connection.ts';

export interface PendingUpdate {
  bytes: Uint8Array;
  /** Connection that already has it (its sender); null: send to everyone. */
  except: Connection | null;
  /**
   * True only for an update that cannot change the board's picture: a cold
   * room's server write under roots the preview does not read (ServerChanges).
   * Absent: it may, and a stored preview older than it is stale (StoredLog).
   */
  outsidePicture?: true;
}

export interface Batch {
  updates: PendingUpdate[];
  /** Run after the updates are committed (answers to sync requests, acknowledgements). */
  after: (() => void)[];
  /** Run instead of `after` when the commit failed. */
  failed: ((err: unknown) => void)[];
  /** Some update of the batch deletes something. */
  deletes?: boolean;
}

/**
 * Applying a batch failed inside Yjs or a server change: the document may hold
 * changes that are not stored, so the room must be reloaded from storage.
 */
export class RoomCorrupted extends Error {}

/** Updates merged into one stored row and relayed frame (see mergeInGroups). */
const MERGE_GROUP = 32;

/**
 * One stored row and one frame per recipient for a group of updates instead of
 * one per update: under load the fan-out, not Yjs, is what costs. Senders get
 * the merged update too; their own structs in it are no-ops to them. In groups:
 * Y.mergeUpdates sorts its inputs at every struct, so its cost grows with the
 * square of their number — a backlog of thousands in one tick took minutes,
 * and the next tick's backlog grew meanwhile.
 */
export function mergeInGroups(updates: PendingUpdate[]): PendingUpdate[] {
  if (updates.length <= 1) return updates;
  const groups: PendingUpdate[] = [];
  for (let i = 0; i < updates.length; i += MERGE_GROUP) {
    const group = updates.slice(i, i + MERGE_GROUP);
    if (group.length === 1) {
      groups.push(group[0]!);
      continue;
    }
    const merged: PendingUpdate = {
      bytes: Y.mergeUpdates(group.map((u) => u.bytes)),
      except: null,
    };
    if (group.every((u) => u.outsidePicture)) merged.outsidePicture = true;
    groups.push(merged);
  }
  return groups;
}

/**
 * Routes the document's updates into the batch being applied. Only what the
 * room applies on purpose is collected; the document's listener calls `take`
 * for every update.
 */
export class UpdateCollector {
  private target: PendingUpdate[] | null = null;

  /** Runs `fn`; the updates the document makes meanwhile go to `into`. */
  into<T>(into: PendingUpdate[], fn: () => T): T {
    this.target = into;
    try {
      return fn();
    } finally {
      this.target = null;
    }
  }

  /** The document made `update` in a transaction of `origin`. */
  take(update: Uint8Array, origin: unknown): void {
    if (!this.target) return;
    const except = origin instanceof ConnectionOrigin ? origin.connection : null;
    this.target.push({ bytes: update, except });
  }
}
