/**
 * The storage contract's cases for the board preview stored with each
 * compaction (storedPreview.ts): what it covers, when it is kept, dropped and
 * deleted.
 */

import { boardCards } from '@pinnwand/shared/read/boardCards';
import { expect, it } from 'vitest';
import {
  cardsIn,
  previewIn,
  record,
  type StorageFactory,
  withStorage,
  workshopWriter,
} from './storageContractFixtures.ts';
import { previewFormat } from './storedPreview.ts';

export function storedPreviewCases(factory: StorageFactory): void {
  it('stores the board preview with each compaction, tagged with the sequence number it covers, and none before the first', () =>
    withStorage(factory, async ({ storage, reopen }) => {
      const w = workshopWriter();
      const r = record();
      await storage.createWorkshop(r, w.initial);
      expect(await storage.loadPreview(r.id)).toBeNull();
      await storage.append([{ workshopId: r.id, update: w.addNote('Erste', 10, 20) }]);
      expect(await storage.loadPreview(r.id)).toBeNull();
      const first = await storage.compact(r.id);
      const stored = await storage.loadPreview(r.id);
      expect(stored?.upToSeq).toBe(first?.upToSeq);
      expect(stored?.storedSeq).toBe(first?.upToSeq);
      expect(stored?.format).toBe(previewFormat());
      expect(previewIn(stored!)).toEqual(w.preview());
      expect(previewIn(stored!).notes).toMatchObject([{ text: 'Erste', x: 10, y: 20 }]);
      // Its cards beside it, for a new device's first sight of the board.
      expect(cardsIn(stored!)).toEqual(boardCards(w.preview()));
      expect(cardsIn(stored!)?.cards).toHaveLength(3);
      // A later commit leaves it showing the state it was read from, older than the log.
      const [late] = (await storage.append([
        { workshopId: r.id, update: w.addNote('Zweite', 200, 20) },
      ])) as [number];
      const behind = await storage.loadPreview(r.id);
      expect(behind?.upToSeq).toBe(first?.upToSeq);
      expect(behind!.upToSeq).toBeLessThan(late);
      // …and says so: something was stored after it.
      expect(behind?.storedSeq).toBe(late);
      expect(previewIn(behind!).notes).toHaveLength(1);
      const second = await storage.compact(r.id);
      expect(second?.upToSeq).toBe(late);
      const again = reopen ? await reopen() : storage;
      const now = await again.loadPreview(r.id);
      expect(now?.upToSeq).toBe(late);
      expect(now?.storedSeq).toBe(late);
      expect(previewIn(now!)).toEqual(w.preview());
      expect(cardsIn(now!)).toEqual(boardCards(w.preview()));
      expect(cardsIn(now!)?.cards).toHaveLength(6);
      expect(await again.loadPreview('never-created')).toBeNull();
    }));

  it('keeps the stored preview when a compaction has nothing to merge, and drops it when the new snapshot has none', () =>
    withStorage(factory, async ({ storage }) => {
      const w = workshopWriter();
      const r = record();
      await storage.createWorkshop(r, w.initial);
      await storage.append([{ workshopId: r.id, update: w.addNote('Bleibt', 0, 0) }]);
      const compaction = await storage.compact(r.id);
      const stored = await storage.loadPreview(r.id);
      expect(await storage.compact(r.id)).toBeNull();
      const kept = await storage.loadPreview(r.id);
      expect(kept?.upToSeq).toBe(compaction?.upToSeq);
      expect(Buffer.from(kept!.gzipped)).toEqual(Buffer.from(stored!.gzipped));
      expect(Buffer.from(kept!.cards!)).toEqual(Buffer.from(stored!.cards!));
      // A document this code cannot read as current gets no preview, and the
      // one before, of an older state, goes with the snapshot it was read from.
      await storage.append([{ workshopId: r.id, update: w.newerSchema() }]);
      expect(await storage.compact(r.id)).not.toBeNull();
      expect(await storage.loadPreview(r.id)).toBeNull();
    }));

  it("deletes a workshop's stored preview with it, and no other's", () =>
    withStorage(factory, async ({ storage, reopen }) => {
      const gone = record();
      const kept = record();
      for (const r of [gone, kept]) {
        const w = workshopWriter();
        await storage.createWorkshop(r, w.initial);
        await storage.append([{ workshopId: r.id, update: w.addNote(r.id, 0, 0) }]);
        await storage.compact(r.id);
        expect(await storage.loadPreview(r.id)).not.toBeNull();
      }
      expect(await storage.deleteWorkshop(gone.id)).toBe(true);
      const again = reopen ? await reopen() : storage;
      expect(await again.loadPreview(gone.id)).toBeNull();
      expect(previewIn((await again.loadPreview(kept.id))!).notes[0]?.text).toBe(kept.id);
    }));
}
