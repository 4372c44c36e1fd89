/**
 * The storage contract's cases for workshop records: registration with the
 * token hashes, issued identities, sealed invites, deletion and the list of
 * idle workshops.
 */
import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { record, type StorageFactory, withStorage, writer } from './storageContractFixtures.ts';

export function workshopRecordCases(factory: StorageFactory): void {
  it('registers a workshop and returns its record with token hashes', () =>
    withStorage(factory, async ({ storage }) => {
      const r = record('Erfahrungsaustausch');
      await storage.createWorkshop(r, new Y.Doc() && Y.encodeStateAsUpdate(new Y.Doc()));
      const got = await storage.getWorkshop(r.id);
      expect(got?.title).toBe('Erfahrungsaustausch');
      expect(got?.createdAt).toBe(r.createdAt);
      expect(Buffer.compare(got!.tokenHashes.viewer, r.tokenHashes.viewer)).toBe(0);
      expect(Buffer.compare(got!.tokenHashes.facilitator, r.tokenHashes.facilitator)).toBe(0);
    }));

  it('returns null for a workshop that was never created', () =>
    withStorage(factory, async ({ storage }) => {
      expect(await storage.getWorkshop('no-such-workshop')).toBeNull();
    }));

  it('rejects a second workshop with the same id', () =>
    withStorage(factory, async ({ storage }) => {
      const r = record();
      await storage.createWorkshop(r, Y.encodeStateAsUpdate(new Y.Doc()));
      await expect(storage.createWorkshop(r, Y.encodeStateAsUpdate(new Y.Doc()))).rejects.toThrow();
    }));

  it('counts issued identities up to a limit, durably, and knows no count of a missing workshop', () =>
    withStorage(factory, async ({ storage, reopen }) => {
      const r = record();
      await storage.createWorkshop(r, Y.encodeStateAsUpdate(new Y.Doc()));
      expect(await storage.countIdentity(r.id, 2, null)).toBe('counted');
      expect(await storage.countIdentity(r.id, 2, null)).toBe('counted');
      expect(await storage.countIdentity(r.id, 2, null)).toBe('full');
      // No limit (a facilitator's request): counted all the same.
      expect(await storage.countIdentity(r.id, null, null)).toBe('counted');
      const again = reopen ? await reopen() : storage;
      expect(await again.countIdentity(r.id, 3, null)).toBe('full');
      // A kept count is not replaced by the one given.
      expect(await again.countIdentity(r.id, 3, 0)).toBe('full');
      expect(await again.countIdentity(r.id, 5, null)).toBe('counted');
      expect(await again.countIdentity('no-such-workshop', 5, 0)).toBe('unknown');
    }));

  it('keeps the sealed invites, null when none were given', () =>
    withStorage(factory, async ({ storage }) => {
      const sealed = { ...record(), sealedInvites: Buffer.from([1, 2, 3, 4]) };
      const plain = record();
      await storage.createWorkshop(sealed, Y.encodeStateAsUpdate(new Y.Doc()));
      await storage.createWorkshop(plain, Y.encodeStateAsUpdate(new Y.Doc()));
      const got = await storage.getWorkshop(sealed.id);
      expect(Buffer.from(got!.sealedInvites!)).toEqual(Buffer.from([1, 2, 3, 4]));
      expect((await storage.getWorkshop(plain.id))?.sealedInvites ?? null).toBeNull();
    }));

  it('deletes a workshop with its snapshot and log, and nothing else', () =>
    withStorage(factory, async ({ storage }) => {
      const w = writer();
      const gone = record();
      const kept = record();
      await storage.createWorkshop(gone, w.initial());
      await storage.createWorkshop(kept, w.initial());
      await storage.append([{ workshopId: gone.id, update: w.write('a', '1') }]);
      await storage.compact(gone.id);
      await storage.append([
        { workshopId: gone.id, update: w.write('b', '2') },
        { workshopId: kept.id, update: w.write('c', '3') },
      ]);
      expect(await storage.deleteWorkshop(gone.id)).toBe(true);
      expect(await storage.getWorkshop(gone.id)).toBeNull();
      const left = await storage.load(gone.id);
      expect(left.snapshot).toBeNull();
      expect(left.updates).toEqual([]);
      expect(await storage.deleteWorkshop(gone.id)).toBe(false);
      expect((await storage.getWorkshop(kept.id))?.title).toBe(kept.title);
      expect((await storage.load(kept.id)).updates).toHaveLength(1);
    }));

  it('lists workshops without an update since a cutoff (creation counts as one)', () =>
    withStorage(factory, async ({ storage }) => {
      const w = writer();
      const old = { ...record(), createdAt: 1_000 };
      const written = { ...record(), createdAt: 1_000 };
      await storage.createWorkshop(old, w.initial());
      await storage.createWorkshop(written, w.initial());
      await storage.append([{ workshopId: written.id, update: w.write('a', '1') }]);
      const idle = await storage.workshopsIdleSince(2_000);
      expect(idle).toContain(old.id);
      expect(idle).not.toContain(written.id);
    }));
}
