import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asParticipantId, type BoardId } from '@pinnwand/shared/model/ids';
import { SERVER_ORIGIN } from '@pinnwand/shared/model/origin';
import { addNote } from '@pinnwand/shared/ops/noteOps';
import { createWorkshop } from '@pinnwand/shared/ops/workshopOps';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { runStorageContract } from '../storageContract.ts';
import { previewFormat } from '../storedPreview.ts';
import { SqliteStorage, type SqliteStorageOptions } from './SqliteStorage.ts';

runStorageContract('SqliteStorage', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pinnwand-sqlite-'));
  const file = path.join(dir, 'pinnwand.sqlite');
  let storage = new SqliteStorage({ file });
  return {
    storage,
    reopen: async () => {
      await storage.close();
      storage = new SqliteStorage({ file });
      return storage;
    },
    cleanup: async () => {
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

/** A workshop's record as the storage takes it (token hashes do not matter here). */
const record = (id: string, createdAt = 0) => ({
  id,
  title: 't',
  createdAt,
  tokenHashes: {
    facilitator: Buffer.alloc(32),
    participant: Buffer.alloc(32),
    viewer: Buffer.alloc(32),
  },
});

/** Runs `fn` with a storage on a database file in a fresh folder, closed and removed after. */
async function withStorage(
  options: Omit<SqliteStorageOptions, 'file'>,
  fn: (storage: SqliteStorage, file: string) => Promise<void>,
): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pinnwand-sqlite-'));
  const file = path.join(dir, 'db.sqlite');
  const storage = await SqliteStorage.open({ ...options, file });
  try {
    await fn(storage, file);
  } finally {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('SqliteStorage on a full disk', () => {
  it('rejects the whole batch and stores none of it', () =>
    withStorage({ pragmas: ['max_page_count = 32'] }, async (storage) => {
      const w = record('full-disk-1');
      await storage.createWorkshop(w, Y.encodeStateAsUpdate(new Y.Doc()));
      const small = new Uint8Array(10);
      const huge = new Uint8Array(8 * 1024 * 1024);
      await expect(
        storage.append([
          { workshopId: w.id, update: small },
          { workshopId: w.id, update: huge },
        ]),
      ).rejects.toThrow(/full/i);
      expect((await storage.load(w.id)).updates).toHaveLength(0);
    }));
});

describe('SqliteStorage checkpoints', () => {
  it('copies committed pages into the database file from its own thread, not in the commits', () =>
    withStorage({}, async (storage, file) => {
      const w = record('checkpointed-1');
      await storage.createWorkshop(w, Y.encodeStateAsUpdate(new Y.Doc()));
      const before = statSync(file).size;
      // 2 MB in 32 commits: far below the writer's own autocheckpoint threshold
      // (40 MB), so only the checkpoint thread can move them into the file.
      const bytes = 64 * 1024;
      for (let i = 0; i < 32; i++) {
        await storage.append([{ workshopId: w.id, update: new Uint8Array(bytes).fill(i) }]);
      }
      while (statSync(file).size < before + 32 * bytes) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect((await storage.load(w.id)).updates).toHaveLength(32);
      // Closed, it leaves the database in one file (the last connection folds the WAL in).
      await storage.close();
      expect(existsSync(`${file}-wal`)).toBe(false);
    }));
});

describe('SqliteStorage schema', () => {
  /** A workshop with one note logged, and a writer of more notes into it. */
  async function workshopWithNote(storage: SqliteStorage, id: string) {
    const doc = new Y.Doc();
    const { boardIds } = createWorkshop(
      doc,
      { title: 'Alt', template: 'blank', createdAt: 1 },
      SERVER_ORIGIN,
    );
    const w = record(id);
    await storage.createWorkshop(w, Y.encodeStateAsUpdate(doc));
    const write = async (into: SqliteStorage, text: string) => {
      const before = Y.encodeStateVector(doc);
      const note = { boardId: boardIds[0] as BoardId, x: 5, y: 6, text, author: 'A' };
      addNote(doc, { ...note, authorId: asParticipantId('p-a') }, SERVER_ORIGIN);
      await into.append([{ workshopId: w.id, update: Y.encodeStateAsUpdate(doc, before) }]);
    };
    await write(storage, 'Alt');
    return { w, write };
  }

  it('adds the board previews to a database from before them, keeping what it holds', () =>
    withStorage({}, async (storage, file) => {
      const { w } = await workshopWithNote(storage, 'before-previews-1');
      await storage.close();
      // The layout of the release before: no board_previews table.
      const old = new Database(file);
      old.exec('DROP TABLE board_previews');
      old.close();
      const reopened = await SqliteStorage.open({ file });
      try {
        expect((await reopened.load(w.id)).updates).toHaveLength(1);
        expect(await reopened.loadPreview(w.id)).toBeNull();
        const compaction = await reopened.compact(w.id);
        expect((await reopened.loadPreview(w.id))?.upToSeq).toBe(compaction?.upToSeq);
      } finally {
        await reopened.close();
      }
    }));

  it("adds the previews' cards to a database from before them: its stored preview stays, of the older format and without cards, until the next compaction", () =>
    withStorage({}, async (storage, file) => {
      const { w, write } = await workshopWithNote(storage, 'before-cards-1');
      await storage.compact(w.id);
      await storage.close();
      // The layout of the release before: previews without their cards.
      const old = new Database(file);
      old.exec('ALTER TABLE board_previews DROP COLUMN cards');
      old.prepare("UPDATE board_previews SET format = 'board-preview-2/schema-1'").run();
      old.close();
      const reopened = await SqliteStorage.open({ file });
      try {
        const kept = await reopened.loadPreview(w.id);
        expect(kept?.format).toBe('board-preview-2/schema-1');
        expect(kept?.cards).toBeNull();
        await write(reopened, 'Neu');
        const compaction = await reopened.compact(w.id);
        const now = await reopened.loadPreview(w.id);
        expect(now?.upToSeq).toBe(compaction?.upToSeq);
        expect(now?.format).toBe(previewFormat());
        expect(now?.cards).not.toBeNull();
      } finally {
        await reopened.close();
      }
    }));
});

describe('SqliteStorage last-update stamps', () => {
  it('stamps a workshop at most once a minute while it is written, and at the first write after', () => {
    let now = 1_000;
    return withStorage({ now: () => now }, async (storage) => {
      const w = record('stamped-1', 1_000);
      await storage.createWorkshop(w, Y.encodeStateAsUpdate(new Y.Doc()));
      const write = (at: number) => {
        now = at;
        return storage.append([{ workshopId: w.id, update: new Uint8Array([at % 256]) }]);
      };
      await write(2_000);
      expect(await storage.workshopsIdleSince(2_000)).not.toContain(w.id);
      await write(50_000); // within a minute of the last stamp: not stamped
      expect(await storage.workshopsIdleSince(2_001)).toContain(w.id);
      await write(62_000);
      expect(await storage.workshopsIdleSince(62_000)).not.toContain(w.id);
    });
  });
});

describe('SqliteStorage pipelined appends', () => {
  it('fails the appends handed over behind a failed one, stores none of them, and takes the next', () =>
    withStorage({ pragmas: ['max_page_count = 32'] }, async (storage) => {
      const w = record('pipelined-1');
      await storage.createWorkshop(w, Y.encodeStateAsUpdate(new Y.Doc()));
      const append = (bytes: number) =>
        storage.append([{ workshopId: w.id, update: new Uint8Array(bytes) }]);
      // Handed over without waiting: the load between them keeps the second out
      // of the first one's transaction, so it is refused for having been sent
      // before the first one's failure was known.
      const failing = append(8 * 1024 * 1024);
      const between = storage.load(w.id);
      const behind = append(10);
      await expect(failing).rejects.toThrow(/full/i);
      await expect(behind).rejects.toThrow(/full/i);
      expect((await between).updates).toHaveLength(0);
      expect((await storage.load(w.id)).updates).toHaveLength(0);
      // Sent once the failure was known: stored.
      await append(10);
      expect((await storage.load(w.id)).updates).toHaveLength(1);
    }));

  it('commits appends handed over at once in call order, with increasing sequence numbers', () =>
    withStorage({}, async (storage) => {
      const [a, b] = [record('pipelined-a'), record('pipelined-b')];
      await storage.createWorkshop(a, Y.encodeStateAsUpdate(new Y.Doc()));
      await storage.createWorkshop(b, Y.encodeStateAsUpdate(new Y.Doc()));
      const appends = Array.from({ length: 20 }, (_, i) =>
        storage.append([
          { workshopId: i % 2 ? a.id : b.id, update: new Uint8Array([i]) },
          { workshopId: a.id, update: new Uint8Array([100 + i]) },
        ]),
      );
      const seqs = (await Promise.all(appends)).flat();
      expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
      expect(new Set(seqs).size).toBe(40);
      const stored = await storage.load(a.id);
      expect(stored.updates.map((u) => u[0])).toEqual(
        Array.from({ length: 20 }, (_, i) => (i % 2 ? [i, 100 + i] : [100 + i])).flat(),
      );
    }));
});
