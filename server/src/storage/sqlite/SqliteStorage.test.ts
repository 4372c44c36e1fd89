import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { runStorageContract } from '../storageContract.ts';
import { SqliteStorage } from './SqliteStorage.ts';

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

describe('SqliteStorage on a full disk', () => {
  it('rejects the whole batch and stores none of it', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pinnwand-sqlite-'));
    const storage = new SqliteStorage({
      file: path.join(dir, 'db.sqlite'),
      pragmas: ['max_page_count = 32'],
    });
    try {
      const doc = new Y.Doc();
      const record = {
        id: 'full-disk-1',
        title: 't',
        createdAt: 0,
        tokenHashes: {
          facilitator: Buffer.alloc(32),
          participant: Buffer.alloc(32),
          viewer: Buffer.alloc(32),
        },
      };
      await storage.createWorkshop(record, Y.encodeStateAsUpdate(doc));
      const small = new Uint8Array(10);
      const huge = new Uint8Array(8 * 1024 * 1024);
      await expect(
        storage.append([
          { workshopId: record.id, update: small },
          { workshopId: record.id, update: huge },
        ]),
      ).rejects.toThrow(/full/i);
      expect((await storage.load(record.id)).updates).toHaveLength(0);
    } finally {
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('SqliteStorage checkpoints', () => {
  it('copies committed pages into the database file from its own thread, not in the commits', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pinnwand-sqlite-'));
    const file = path.join(dir, 'db.sqlite');
    const storage = await SqliteStorage.open({ file });
    try {
      const doc = new Y.Doc();
      const record = {
        id: 'checkpointed-1',
        title: 't',
        createdAt: 0,
        tokenHashes: {
          facilitator: Buffer.alloc(32),
          participant: Buffer.alloc(32),
          viewer: Buffer.alloc(32),
        },
      };
      await storage.createWorkshop(record, Y.encodeStateAsUpdate(doc));
      const before = statSync(file).size;
      // 2 MB in 32 commits: far below the writer's own autocheckpoint threshold
      // (40 MB), so only the checkpoint thread can move them into the file.
      const bytes = 64 * 1024;
      for (let i = 0; i < 32; i++) {
        await storage.append([{ workshopId: record.id, update: new Uint8Array(bytes).fill(i) }]);
      }
      while (statSync(file).size < before + 32 * bytes) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect((await storage.load(record.id)).updates).toHaveLength(32);
    } finally {
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('SqliteStorage last-update stamps', () => {
  it('stamps a workshop at most once a minute while it is written, and at the first write after', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pinnwand-sqlite-'));
    let now = 1_000;
    const storage = await SqliteStorage.open({ file: path.join(dir, 'db.sqlite'), now: () => now });
    try {
      const record = {
        id: 'stamped-1',
        title: 't',
        createdAt: 1_000,
        tokenHashes: {
          facilitator: Buffer.alloc(32),
          participant: Buffer.alloc(32),
          viewer: Buffer.alloc(32),
        },
      };
      await storage.createWorkshop(record, Y.encodeStateAsUpdate(new Y.Doc()));
      const write = (at: number) => {
        now = at;
        return storage.append([{ workshopId: record.id, update: new Uint8Array([at % 256]) }]);
      };
      await write(2_000);
      expect(await storage.workshopsIdleSince(2_000)).not.toContain(record.id);
      await write(50_000); // within a minute of the last stamp: not stamped
      expect(await storage.workshopsIdleSince(2_001)).toContain(record.id);
      await write(62_000);
      expect(await storage.workshopsIdleSince(62_000)).not.toContain(record.id);
    } finally {
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
