/**
 * The storage contract's cases for a workshop's document: the snapshot and
 * the log of updates appended after it, batches across documents, compaction
 * (also while updates are appended), unload and reopen.
 */
import { expect, it } from 'vitest';
import {
  docFrom,
  record,
  type StorageFactory,
  withStorage,
  writer,
} from './storageContractFixtures.ts';

export function documentLogCases(factory: StorageFactory): void {
  it('loads the initial state of a new workshop', () =>
    withStorage(factory, async ({ storage }) => {
      const w = writer();
      w.write('a', 'first');
      const r = record();
      await storage.createWorkshop(r, w.initial());
      const stored = await storage.load(r.id);
      expect(stored.updates).toHaveLength(0);
      expect(docFrom(stored).getMap('notes').get('a')).toBe('first');
    }));

  it('loads the snapshot plus every appended update in order', () =>
    withStorage(factory, async ({ storage }) => {
      const w = writer();
      const r = record();
      await storage.createWorkshop(r, w.initial());
      const seqs: number[] = [];
      for (let i = 0; i < 20; i++) {
        seqs.push(
          ...(await storage.append([{ workshopId: r.id, update: w.write(`k${i}`, `v${i}`) }])),
        );
      }
      for (let i = 1; i < seqs.length; i++) expect(seqs[i]!).toBeGreaterThan(seqs[i - 1]!);
      const stored = await storage.load(r.id);
      expect(stored.updates).toHaveLength(20);
      expect(stored.lastSeq).toBe(seqs[seqs.length - 1]);
      expect(stored.logBytes).toBeGreaterThan(0);
      expect(docFrom(stored).getMap('notes').toJSON()).toEqual(w.doc.getMap('notes').toJSON());
    }));

  it('commits a batch of several documents at once and keeps them apart', () =>
    withStorage(factory, async ({ storage }) => {
      const a = writer();
      const b = writer();
      const ra = record();
      const rb = record();
      await storage.createWorkshop(ra, a.initial());
      await storage.createWorkshop(rb, b.initial());
      const seqs = await storage.append([
        { workshopId: ra.id, update: a.write('x', 'in a') },
        { workshopId: rb.id, update: b.write('y', 'in b') },
        { workshopId: ra.id, update: a.write('z', 'in a too') },
      ]);
      expect(seqs).toHaveLength(3);
      expect(
        docFrom(await storage.load(ra.id))
          .getMap('notes')
          .toJSON(),
      ).toEqual({
        x: 'in a',
        z: 'in a too',
      });
      expect(
        docFrom(await storage.load(rb.id))
          .getMap('notes')
          .toJSON(),
      ).toEqual({ y: 'in b' });
    }));

  it('compacts the log into a snapshot that holds everything stored', () =>
    withStorage(factory, async ({ storage }) => {
      const w = writer();
      const r = record();
      await storage.createWorkshop(r, w.initial());
      let last = 0;
      for (let i = 0; i < 10; i++) {
        [last] = (await storage.append([{ workshopId: r.id, update: w.write(`k${i}`, 'v') }])) as [
          number,
        ];
      }
      const compaction = await storage.compact(r.id);
      expect(compaction?.upToSeq).toBe(last);
      const stored = await storage.load(r.id);
      expect(stored.updates).toHaveLength(0);
      expect(stored.lastSeq).toBe(last);
      expect(stored.snapshotBytes).toBe(compaction?.snapshotBytes);
      expect(docFrom(stored).getMap('notes').toJSON()).toEqual(w.doc.getMap('notes').toJSON());
      await storage.append([{ workshopId: r.id, update: w.write('late', 'after snapshot') }]);
      const later = await storage.load(r.id);
      expect(later.updates).toHaveLength(1);
      expect(docFrom(later).getMap('notes').get('late')).toBe('after snapshot');
    }));

  it('keeps updates appended while a compaction runs, and shrinks overwritten values', () =>
    withStorage(factory, async ({ storage }) => {
      const w = writer();
      const r = record();
      await storage.createWorkshop(r, w.initial());
      let logged = 0;
      for (let i = 0; i < 50; i++) {
        const update = w.write('moved', `position ${i} `.repeat(50));
        logged += update.length;
        await storage.append([{ workshopId: r.id, update }]);
      }
      const compacting = storage.compact(r.id);
      const appending = storage.append([{ workshopId: r.id, update: w.write('during', 'x') }]);
      const [compaction] = await Promise.all([compacting, appending]);
      expect(compaction?.snapshotBytes).toBeLessThan(logged / 10);
      expect(
        docFrom(await storage.load(r.id))
          .getMap('notes')
          .toJSON(),
      ).toEqual(w.doc.getMap('notes').toJSON());
    }));

  it('has nothing to compact without a log', () =>
    withStorage(factory, async ({ storage }) => {
      const w = writer();
      const r = record();
      await storage.createWorkshop(r, w.initial());
      expect(await storage.compact(r.id)).toBeNull();
      await storage.append([{ workshopId: r.id, update: w.write('a', '1') }]);
      expect(await storage.compact(r.id)).not.toBeNull();
      expect(await storage.compact(r.id)).toBeNull();
      expect(await storage.compact('never-created')).toBeNull();
    }));

  it('loads the same state after unload', () =>
    withStorage(factory, async ({ storage }) => {
      const w = writer();
      const r = record();
      await storage.createWorkshop(r, w.initial());
      await storage.append([{ workshopId: r.id, update: w.write('a', '1') }]);
      await storage.unload(r.id);
      expect(
        docFrom(await storage.load(r.id))
          .getMap('notes')
          .toJSON(),
      ).toEqual({ a: '1' });
    }));

  it('keeps everything committed when reopened', () =>
    withStorage(factory, async (t) => {
      if (!t.reopen) return;
      const w = writer();
      const r = record();
      await t.storage.createWorkshop(r, w.initial());
      await t.storage.append([{ workshopId: r.id, update: w.write('a', '1') }]);
      await t.storage.compact(r.id);
      await t.storage.append([{ workshopId: r.id, update: w.write('b', '2') }]);
      const again = await t.reopen();
      expect((await again.getWorkshop(r.id))?.title).toBe(r.title);
      expect(
        docFrom(await again.load(r.id))
          .getMap('notes')
          .toJSON(),
      ).toEqual({ a: '1', b: '2' });
    }));

  it('loads an empty document for an id without stored state', () =>
    withStorage(factory, async ({ storage }) => {
      const stored = await storage.load('never-created');
      expect(stored.snapshot).toBeNull();
      expect(stored.updates).toEqual([]);
      expect(stored.lastSeq).toBe(0);
    }));
}
