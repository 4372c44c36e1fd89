/**
 * The first picture of a workshop as a small, plain value (the HTTP contract's
 * `BoardPreview`): the boards, and the notes and cluster frames of the board a
 * device opens first. The server answers it from the room's document before a
 * new device has the document itself (2.3 MB, more than a second to apply for
 * 5,000 notes), so the board can be drawn at once and the document applied
 * behind it.
 *
 * It holds only what the board's picture shows, read with the same readers
 * and rules the client draws with — the first board by order, its notes in
 * drawing order, each note's vote total unless a voting round hides the totals
 * (`readRound`) — so that the picture drawn from it and the one drawn from the
 * document are the same. Notes written during a hidden-writing phase are not
 * in the document (they stay on their author's device until the reveal), so
 * they are not here either.
 */
import type * as Y from 'yjs';
import { readRound } from '../facilitation/votingRound.ts';
import type { Note } from '../model/note.ts';
import { ROOT } from '../model/schema.ts';
import type { BoardPreview, PreviewNote } from '../protocol/http.ts';
import { getMeta, getNote, listBoards, listClusters, listNoteIds } from './lookups.ts';
import { compareNotesByLayer } from './workshopView.ts';

/** A note as the board's picture shows it: the same for the preview and a client's first sketches. */
export function previewNote(note: Note, votesShown: boolean): PreviewNote {
  return {
    id: note.id,
    x: note.x,
    y: note.y,
    color: note.color,
    author: note.author,
    text: note.text,
    votes: votesShown ? note.votes.total : 0,
  };
}

/**
 * The document roots `readBoardPreview` reads (votes live in `notes`, a voting
 * round's settings in `meta`): a change under any other root cannot change the
 * picture, so the server keeps a stored preview for it (RoomManager.storedPreview).
 * Add a root here whenever the reader starts reading it.
 */
export const BOARD_PREVIEW_ROOTS: readonly string[] = [
  ROOT.meta,
  ROOT.boards,
  ROOT.clusters,
  ROOT.notes,
];

export function readBoardPreview(doc: Y.Doc): BoardPreview {
  const boards = listBoards(doc);
  const board = boards[0];
  const title = getMeta(doc)?.title ?? '';
  if (!board) return { title, boards, boardId: null, clusters: [], notes: [] };
  const votesShown = !readRound(doc).totalsHidden;
  const notes: Note[] = [];
  for (const id of listNoteIds(doc, board.id)) {
    const note = getNote(doc, id);
    if (note) notes.push(note);
  }
  notes.sort(compareNotesByLayer);
  return {
    title,
    boards,
    boardId: board.id,
    clusters: listClusters(doc, board.id),
    notes: notes.map((n) => previewNote(n, votesShown)),
  };
}
