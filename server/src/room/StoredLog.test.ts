import { describe, expect, it } from 'vitest';
import { StoredLog } from './StoredLog.ts';

const thresholds = { compactAfterUpdates: 3, compactAfterBytes: 1000, shrinkAbove: 500 };

function loaded(logUpdates: number, logBytes: number, snapshotBytes = 100, lastSeq = 10) {
  return new StoredLog(
    {
      lastSeq,
      snapshotBytes,
      logBytes,
      updates: Array.from({ length: logUpdates }, () => new Uint8Array()),
    },
    thresholds,
  );
}

describe('StoredLog', () => {
  it('counts the log loaded with the room and what is stored since', () => {
    const log = loaded(2, 40);
    expect(log.bytes).toBe(140);
    log.stored([11, 12], [5, 7], false);
    expect(log.lastSeq).toBe(12);
    expect(log.logCount).toBe(4);
    expect(log.bytes).toBe(152);
    expect(log.needsCompaction).toBe(true);
  });

  it('subtracts only what a compaction covered when commits were stored beside it', () => {
    const log = loaded(2, 40);
    log.stored([11], [5], false);
    // The compaction read the log up to 11; 12 was stored while it ran.
    log.stored([12], [7], false);
    log.compacted({ upToSeq: 11, snapshotBytes: 130 });
    expect(log.logCount).toBe(1);
    expect(log.bytes).toBe(137);
    expect(log.lastSeq).toBe(12);
    expect(log.needsCompaction).toBe(false);
  });

  it('calls for a compaction after a deletion in a full document until one covers the deletion', () => {
    const log = loaded(0, 0, 600, 10);
    log.stored([11], [1], false);
    expect(log.awaitsShrinking).toBe(false);
    log.stored([12], [1], true);
    expect(log.awaitsShrinking).toBe(true);
    expect(log.needsCompaction).toBe(true);
    // A compaction that read the log before the deletion does not shrink it.
    log.compacted({ upToSeq: 11, snapshotBytes: 601 });
    expect(log.awaitsShrinking).toBe(true);
    log.compacted({ upToSeq: 12, snapshotBytes: 400 });
    expect(log.awaitsShrinking).toBe(false);
    expect(log.needsCompaction).toBe(false);
  });

  it('does not wait for a shrinking compaction below participants’ share', () => {
    const log = loaded(0, 0, 100, 10);
    log.stored([11], [1], true);
    expect(log.awaitsShrinking).toBe(false);
  });

  it('keeps the last update that may change the picture: from load, and past updates that cannot', () => {
    const log = loaded(2, 40, 100, 10);
    expect(log.pictureSeq).toBe(10);
    log.stored([11, 12], [5, 7], false, [true, true]);
    expect(log.lastSeq).toBe(12);
    expect(log.pictureSeq).toBe(10);
    log.stored([13, 14], [5, 7], false, [false, true]);
    expect(log.pictureSeq).toBe(13);
    log.stored([15], [1], false);
    expect(log.pictureSeq).toBe(15);
  });
});
