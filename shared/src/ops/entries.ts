/**
 * Building the Y.Map entries of boards, clusters and notes. The only place
 * that writes a whole entry, used by the operations and by the importer, so a
 * note created by a person and one loaded from a file look the same.
 * Call inside a transaction.
 */
import * as Y from 'yjs';
import type { BoardId, ClusterId, NoteId } from '../model/ids.ts';
import {
  BOARD,
  boardsMap,
  CLUSTER,
  clustersMap,
  NOTE,
  notesMap,
  summariesMap,
} from '../model/schema.ts';

export interface BoardFields {
  title: string;
  question: string;
  order: number;
  locked?: boolean;
}

export function insertBoard(doc: Y.Doc, id: BoardId, fields: BoardFields, summary = ''): void {
  const map = new Y.Map<unknown>();
  map.set(BOARD.title, fields.title);
  map.set(BOARD.question, fields.question);
  map.set(BOARD.order, fields.order);
  if (fields.locked) map.set(BOARD.locked, true);
  boardsMap(doc).set(id, map);
  // Created with the board, never lazily: see model/summary.ts.
  summariesMap(doc).set(id, new Y.Text(summary));
}

export interface ClusterFields {
  boardId: BoardId;
  title: string;
  x: number;
  y: number;
  width: number;
  height: number;
  order: number;
}

export function insertCluster(doc: Y.Doc, id: ClusterId, fields: ClusterFields): void {
  const map = new Y.Map<unknown>();
  map.set(CLUSTER.boardId, fields.boardId);
  map.set(CLUSTER.title, fields.title);
  map.set(CLUSTER.x, fields.x);
  map.set(CLUSTER.y, fields.y);
  map.set(CLUSTER.width, fields.width);
  map.set(CLUSTER.height, fields.height);
  map.set(CLUSTER.order, fields.order);
  clustersMap(doc).set(id, map);
}

export interface NoteFields {
  boardId: BoardId;
  clusterId?: ClusterId | null;
  text: string;
  x: number;
  y: number;
  color: string;
  author: string;
  authorId: string;
  createdAt: number;
}

export function insertNote(doc: Y.Doc, id: NoteId, fields: NoteFields): void {
  const map = new Y.Map<unknown>();
  map.set(NOTE.boardId, fields.boardId);
  if (fields.clusterId) map.set(NOTE.clusterId, fields.clusterId);
  map.set(NOTE.text, new Y.Text(fields.text));
  map.set(NOTE.x, fields.x);
  map.set(NOTE.y, fields.y);
  map.set(NOTE.color, fields.color);
  map.set(NOTE.author, fields.author);
  map.set(NOTE.authorId, fields.authorId);
  map.set(NOTE.createdAt, fields.createdAt);
  // Created with the note, for the same reason as summaries: two first voters
  // must not each create a map and lose one of them.
  map.set(NOTE.votes, new Y.Map<number>());
  notesMap(doc).set(id, map);
}
