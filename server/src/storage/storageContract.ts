/**
 * The contract every Storage backend must pass (conventions.md §10). Run it from
 * a backend's test file:
 *
 *   runStorageContract('SqliteStorage', async () => ({ storage, reopen, cleanup }));
 *
 * `reopen` (optional) closes the backend and opens it again on the same data,
 * to prove that what was committed is durable.
 */
import { gunzipSync } from 'node:zlib';
import { asParticipantId, type BoardId } from '@pinnwand/shared/model/ids';
import { SERVER_ORIGIN } from '@pinnwand/shared/model/origin';
import { META, metaMap, SCHEMA_VERSION } from '@pinnwand/shared/model/schema';
import { addNote } from '@pinnwand/shared/ops/noteOps';
import { createWorkshop } from '@pinnwand/shared/ops/workshopOps';
import type { BoardPreview } from '@pinnwand/shared/protocol/http';
import { readBoardPreview } from '@pinnwand/shared/read/boardPreview';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Storage, StoredDocument, StoredPreview, WorkshopRecord } from './Storage.ts';
import { previewFormat } from './storedPreview.ts';

export interface StorageUnderTest {
  storage: Storage;
  reopen?: () => Promise<Storage>;
  cleanup?: () => Promise<void>;
}

export type StorageFactory = () => Promise<StorageUnderTest>;

let counter = 0;
function record(title = 'Workshop'): WorkshopRecord {
  counter += 1;
  const id = `contract-${Date.now().toString(36)}-${counter}`;
  return {
    id,
    title,
    createdAt: 1_700_000_000_000,
    tokenHashes: {
      facilitator: Buffer.alloc(32, 1),
      participant: Buffer.alloc(32, 2),
      viewer: Buffer.alloc(32, 3),
    },
  };
}

function docFrom(stored: StoredDocument): Y.Doc {
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const update of stored.updates) Y.applyUpdate(doc, update);
  return doc;
}

/** A writer that produces one Yjs update per call, each adding a key to `notes`. */
function writer() {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  return {
    doc,
    write(key: string, value: string): Uint8Array {
      doc.getMap('notes').set(key, value);
      return updates[updates.length - 1]!;
    },
    initial(): Uint8Array {
      return Y.encodeStateAsUpdate(doc);
    },
  };
}

/** A workshop document (schema, one board) and the update of each change made to it. */
function workshopWriter() {
  const doc = new Y.Doc();
  const { boardIds } = createWorkshop(
    doc,
    { title: 'Vorschau', template: 'blank', createdAt: 1000 },
    SERVER_ORIGIN,
  );
  const initial = Y.encodeStateAsUpdate(doc);
  const pending: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => pending.push(update));
  const taken = () => Y.mergeUpdates(pending.splice(0));
  return {
    initial,
    addNote(text: string, x: number, y: number): Uint8Array {
      const boardId = boardIds[0] as BoardId;
      const author = { author: 'Ada', authorId: asParticipantId('p-ada') };
      addNote(doc, { boardId, x, y, text, ...author }, SERVER_ORIGIN);
      return taken();
    },
    /** A format version this code does not know (a newer release wrote the document). */
    newerSchema(): Uint8Array {
      metaMap(doc).set(META.schemaVersion, SCHEMA_VERSION + 1);
      return taken();
    },
    preview: (): BoardPreview => readBoardPreview(doc),
  };
}

function previewIn(stored: StoredPreview): BoardPreview {
  return JSON.parse(gunzipSync(stored.gzipped).toString('utf8')) as BoardPreview;
}

async function withStorage(factory: StorageFactory, fn: (t: StorageUnderTest) => Promise<void>) {
  const t = await factory();
  try {
    await fn(t);
  } finally {
    await t.cleanup?.();
  }
}

export function runStorageContract(name: string, factory: StorageFactory): void {
  describe(`${name} fulfils the storage contract`, () => {
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
        await expect(
          storage.createWorkshop(r, Y.encodeStateAsUpdate(new Y.Doc())),
        ).rejects.toThrow();
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
          [last] = (await storage.append([
            { workshopId: r.id, update: w.write(`k${i}`, 'v') },
          ])) as [number];
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
        expect(stored?.format).toBe(previewFormat());
        expect(previewIn(stored!)).toEqual(w.preview());
        expect(previewIn(stored!).notes).toMatchObject([{ text: 'Erste', x: 10, y: 20 }]);
        // A later commit leaves it showing the state it was read from, older than the log.
        const [late] = (await storage.append([
          { workshopId: r.id, update: w.addNote('Zweite', 200, 20) },
        ])) as [number];
        const behind = await storage.loadPreview(r.id);
        expect(behind?.upToSeq).toBe(first?.upToSeq);
        expect(behind!.upToSeq).toBeLessThan(late);
        expect(previewIn(behind!).notes).toHaveLength(1);
        const second = await storage.compact(r.id);
        expect(second?.upToSeq).toBe(late);
        const again = reopen ? await reopen() : storage;
        const now = await again.loadPreview(r.id);
        expect(now?.upToSeq).toBe(late);
        expect(previewIn(now!)).toEqual(w.preview());
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

    it('loads an empty document for an id without stored state', () =>
      withStorage(factory, async ({ storage }) => {
        const stored = await storage.load('never-created');
        expect(stored.snapshot).toBeNull();
        expect(stored.updates).toEqual([]);
        expect(stored.lastSeq).toBe(0);
      }));
  });
}
