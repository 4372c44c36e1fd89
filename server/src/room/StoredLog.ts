/**
 * What storage holds of one room, as the room knows it without asking: the
 * last sequence number, the snapshot's size and the log stored after it,
 * whether a deletion is stored that no compaction has covered yet, and the
 * last update that may have changed the board's picture. The room
 * refuses participants' updates by this size (Room: participantCap) and the
 * Committer compacts by it (`needsCompaction`).
 *
 * Commits and compactions run beside each other (a compaction covers whatever
 * was stored when it read the log), so everything here is kept by sequence
 * number and a compaction subtracts exactly the entries it covered, whenever
 * it completes.
 */

import type { Compaction, StoredDocument } from '../storage/Storage.ts';

export interface StoredLogThresholds {
  /** Compact once the log holds this many updates. */
  compactAfterUpdates: number;
  /** Compact once the log holds this many bytes. */
  compactAfterBytes: number;
  /**
   * Above this stored size a stored deletion calls for a compaction at once: a
   * full document shrinks only when compacted (participants' share of the limit).
   */
  shrinkAbove: number;
}

export class StoredLog {
  private lastSeqValue: number;
  private snapshotBytes: number;
  private logBytes = 0;
  private logCountValue = 0;
  /**
   * What the log holds, by highest sequence number (the log loaded with the
   * room is one entry), so that a compaction can be subtracted.
   */
  private readonly entries: { seq: number; count: number; bytes: number }[] = [];
  /**
   * Highest sequence number of a stored deletion no compaction has covered yet,
   * or null. By sequence number because a compaction that read the log before
   * the deletion was stored does not shrink the document.
   */
  private deletedAtSeq: number | null = null;
  /**
   * Sequence number of the last stored update that may change the board's
   * picture. At load the last stored one (a preview stored with the snapshot
   * is stale anyway when a log follows it); then every update but those that
   * cannot (PendingUpdate.outsidePicture: a new device's identity).
   */
  private pictureSeqValue: number;

  constructor(
    stored: Pick<StoredDocument, 'lastSeq' | 'snapshotBytes' | 'logBytes' | 'updates'>,
    private readonly thresholds: StoredLogThresholds,
  ) {
    this.lastSeqValue = stored.lastSeq;
    this.pictureSeqValue = stored.lastSeq;
    this.snapshotBytes = stored.snapshotBytes;
    if (stored.updates.length > 0) {
      this.add(stored.lastSeq, stored.updates.length, stored.logBytes);
    }
  }

  /** Sequence number of the last stored update; 0 when nothing was stored. */
  get lastSeq(): number {
    return this.lastSeqValue;
  }

  /**
   * Sequence number of the last stored update that may change the board's
   * picture: a preview stored at a compaction up to it or later shows the room.
   */
  get pictureSeq(): number {
    return this.pictureSeqValue;
  }

  /** Updates in the log (not yet merged into the snapshot). */
  get logCount(): number {
    return this.logCountValue;
  }

  /** Stored size: snapshot plus log. */
  get bytes(): number {
    return this.snapshotBytes + this.logBytes;
  }

  get needsCompaction(): boolean {
    return (
      this.logCountValue >= this.thresholds.compactAfterUpdates ||
      this.logBytes >= this.thresholds.compactAfterBytes ||
      this.awaitsShrinking
    );
  }

  /**
   * Something was deleted and the document is above participants' share: the
   * compaction that shrinks it is due (and the Committer holds the room back
   * until it ran, so nobody is refused for junk already deleted).
   */
  get awaitsShrinking(): boolean {
    return (
      this.deletedAtSeq !== null &&
      this.bytes > this.thresholds.shrinkAbove &&
      this.logCountValue > 0
    );
  }

  /**
   * Updates of `sizes` bytes were stored under `seqs`; `deletes`: one of them
   * deletes something; `outsidePicture[i]`: the i-th cannot change the board's picture.
   */
  stored(
    seqs: readonly number[],
    sizes: readonly number[],
    deletes: boolean,
    outsidePicture: readonly boolean[] = [],
  ): void {
    if (seqs.length === 0) return;
    if (deletes) this.deletedAtSeq = Math.max(...seqs);
    for (let i = 0; i < seqs.length; i++) {
      this.lastSeqValue = Math.max(this.lastSeqValue, seqs[i]!);
      if (outsidePicture[i] !== true)
        this.pictureSeqValue = Math.max(this.pictureSeqValue, seqs[i]!);
      this.add(seqs[i]!, 1, sizes[i]!);
    }
  }

  /** Storage merged its log up to `upToSeq` into a new snapshot. */
  compacted(compaction: Compaction): void {
    let covered = 0;
    while (covered < this.entries.length && this.entries[covered]!.seq <= compaction.upToSeq) {
      const entry = this.entries[covered]!;
      this.logCountValue -= entry.count;
      this.logBytes -= entry.bytes;
      covered += 1;
    }
    this.entries.splice(0, covered);
    this.snapshotBytes = compaction.snapshotBytes;
    if (this.deletedAtSeq !== null && compaction.upToSeq >= this.deletedAtSeq) {
      this.deletedAtSeq = null;
    }
  }

  private add(seq: number, count: number, bytes: number): void {
    this.entries.push({ seq, count, bytes });
    this.logCountValue += count;
    this.logBytes += bytes;
  }
}
