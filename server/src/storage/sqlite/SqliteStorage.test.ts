import { mkdtempSync, rmSync } from 'node:fs';
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
