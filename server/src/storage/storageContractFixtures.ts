/**
 * What the storage contract's cases (storageContract.ts) build on: workshop
 * records with fresh ids, writers that produce real Yjs updates, and a fresh
 * storage per case.
 */
import { gunzipSync } from 'node:zlib';
import { asParticipantId, type BoardId } from '@pinnwand/shared/model/ids';
import { SERVER_ORIGIN } from '@pinnwand/shared/model/origin';
import { META, metaMap, SCHEMA_VERSION } from '@pinnwand/shared/model/schema';
import { addNote } from '@pinnwand/shared/ops/noteOps';
import { createWorkshop } from '@pinnwand/shared/ops/workshopOps';
import type { BoardCards, BoardPreview } from '@pinnwand/shared/protocol/http';
import { readBoardPreview } from '@pinnwand/shared/read/boardPreview';
import * as Y from 'yjs';
import type { Storage, StoredDocument, StoredPreview, WorkshopRecord } from './Storage.ts';

export interface StorageUnderTest {
  storage: Storage;
  reopen?: () => Promise<Storage>;
  cleanup?: () => Promise<void>;
}

export type StorageFactory = () => Promise<StorageUnderTest>;

let counter = 0;
export function record(title = 'Workshop'): WorkshopRecord {
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

export function docFrom(stored: StoredDocument): Y.Doc {
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const update of stored.updates) Y.applyUpdate(doc, update);
  return doc;
}

/** A writer that produces one Yjs update per call, each adding a key to `notes`. */
export function writer() {
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
export function workshopWriter() {
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

export function previewIn(stored: StoredPreview): BoardPreview {
  return JSON.parse(gunzipSync(stored.gzipped).toString('utf8')) as BoardPreview;
}

/** The stored preview's cards (null: none stored with it). */
export function cardsIn(stored: StoredPreview): BoardCards | null {
  return stored.cards && (JSON.parse(gunzipSync(stored.cards).toString('utf8')) as BoardCards);
}

export async function withStorage(
  factory: StorageFactory,
  fn: (t: StorageUnderTest) => Promise<void>,
) {
  const t = await factory();
  try {
    await fn(t);
  } finally {
    await t.cleanup?.();
  }
}
