/**
 * Building the Y.Map entries of boards, clusters and notes. The only place
 * that writes a whole entry, used by the operations and by the importer, so a
 * note created by a person and one loaded from a file look the same. The
 * fields written are those each entity's schema declares (model/board.ts,
 * cluster.ts, note.ts). Call inside a transaction.
 */
import * as Y from 'yjs';
import { type BoardFields, boardFieldsSchema } from '../model/board.ts';
import { type ClusterFields, clusterFieldsSchema } from '../model/cluster.ts';
import { writeFields } from '../model/fields.ts';
import type { BoardId, ClusterId, NoteId } from '../model/ids.ts';
import { NOTE, type NoteFields, noteFieldsSchema } from '../model/note.ts';
import { boardsMap, clustersMap, notesMap, summariesMap } from '../model/schema.ts';

export function insertBoard(doc: Y.Doc, id: BoardId, fields: BoardFields, summary = ''): void {
  const map = new Y.Map<unknown>();
  // `locked: false` stays absent, as a foreign client would leave it.
  writeFields(map, boardFieldsSchema, { ...fields, locked: fields.locked || undefined });
  boardsMap(doc).set(id, map);
  // Created with the board, never lazily: see model/summary.ts.
  summariesMap(doc).set(id, new Y.Text(summary));
}

export function insertCluster(doc: Y.Doc, id: ClusterId, fields: ClusterFields): void {
  const map = new Y.Map<unknown>();
  writeFields(map, clusterFieldsSchema, fields);
  clustersMap(doc).set(id, map);
}

export function insertNote(doc: Y.Doc, id: NoteId, fields: NoteFields): void {
  const map = new Y.Map<unknown>();
  writeFields(map, noteFieldsSchema, fields, { text: (text: string) => new Y.Text(text) });
  // Created with the note, for the same reason as summaries: two first voters
  // must not each create a map and lose one of them.
  map.set(NOTE.votes, new Y.Map<number>());
  notesMap(doc).set(id, map);
}
