/**
 * The board preview kept beside each snapshot (Storage.loadPreview), for a
 * room whose document is not built: answering `GET …/board-preview` from it
 * costs a read, where building a 5,000-note document for it costs the better
 * part of a second. Compaction has the whole document built anyway (in its
 * worker thread, compactState.ts), so it reads the preview there — with
 * `readBoardPreview`, the reader the live route uses — and the backend stores
 * it in the same transaction as the snapshot, tagged with the sequence number
 * that snapshot covers. Whoever serves it checks that nothing that may change
 * the picture was committed after (room/RoomManager.ts `storedPreview`).
 *
 * Its cards (`BoardCards`, @pinnwand/shared/read/boardCards: the notes' places
 * and colours, a fifteenth of the bytes) are stored beside it, gzipped too:
 * a new device asks for them first, and projecting them from a stored
 * megabyte of preview cost the freshly started server 0.1–0.25 s of its
 * event loop on the first joiner's path, ahead of every other answer.
 *
 * `format` names what the bytes hold: the shape of BoardPreview and the
 * document schema they were read under. A preview of another format is not
 * used (the room falls back to what it does without one), so a release that
 * changes either never serves an old preview as if it were current.
 */
import { gzipSync } from 'node:zlib';
import { documentFormat } from '@pinnwand/shared/model/migrations';
import { SCHEMA_VERSION } from '@pinnwand/shared/model/schema';
import { boardCards } from '@pinnwand/shared/read/boardCards';
import { readBoardPreview } from '@pinnwand/shared/read/boardPreview';
import type * as Y from 'yjs';

/**
 * Version of what a stored preview holds: raise it whenever `BoardPreview`
 * (shared/src/protocol/http.ts) or what `readBoardPreview` reads changes.
 */
// 2: notes in layer order (a note's `layer`, else its creation time); 3: with its cards.
const PREVIEW_SHAPE = 3;

/** The format tag of a preview read from a document of schema `schemaVersion`. */
export function previewFormat(schemaVersion: number = SCHEMA_VERSION): string {
  return `board-preview-${PREVIEW_SHAPE}/schema-${schemaVersion}`;
}

/** A preview as compaction hands it to the backend. */
export interface PreviewToStore {
  format: string;
  /** The JSON of the BoardPreview, gzipped: served as it is to clients that accept gzip. */
  gzipped: Uint8Array;
  /** The JSON of its BoardCards, gzipped, served likewise. */
  cards: Uint8Array;
}

/**
 * The preview of a compacted document, or null when it must not be stored: a
 * document in another format than this code's (an older one is migrated when
 * its room builds it — the next compaction stores the migrated picture — and a
 * newer or unreadable one this code cannot read for sure), or one that is not
 * a workshop at all. Never throws: the snapshot matters more than its preview.
 */
export function previewToStore(doc: Y.Doc): PreviewToStore | null {
  try {
    if (documentFormat(doc).kind !== 'current') return null;
    const preview = readBoardPreview(doc);
    // Level 6, as the live route's cache (http/boardPreviewCache.ts).
    const gzip = (value: unknown) => gzipSync(JSON.stringify(value), { level: 6 });
    return { format: previewFormat(), gzipped: gzip(preview), cards: gzip(boardCards(preview)) };
  } catch {
    return null;
  }
}
