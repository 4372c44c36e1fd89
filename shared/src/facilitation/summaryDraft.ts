/**
 * "Draft from clusters": a starting outline for a summary — each cluster's
 * heading followed by its most-voted notes (all of them when nobody voted),
 * then the notes outside clusters that got votes. A cluster or board with no
 * notes to list is left out: a heading with nothing under it would be filed
 * as is in the PDF and Markdown exports. Plain text that reads well
 * as is, because the exports print a summary as plain text with its line
 * breaks kept (no Markdown): a heading line, then one "• note" line each,
 * blocks separated by a blank line.
 */
import type * as Y from 'yjs';
import type { BoardId } from '../model/ids.ts';
import type { Note } from '../model/note.ts';
import { readBoardView, readWorkshop } from '../read/workshopView.ts';

export interface DraftLabels {
  unclustered: string;
  /** Heading for a cluster nobody named ("Neuer Cluster"). */
  untitled: string;
  votes: (count: number) => string;
}

const TOP = 3;
const BULLET = '• ';

function line(note: Note, labels: DraftLabels): string {
  const text = note.text.trim().replace(/\s*\n\s*/g, ' ');
  return note.votes.total > 0
    ? `${BULLET}${text} (${labels.votes(note.votes.total)})`
    : `${BULLET}${text}`;
}

function topNotes(notes: readonly Note[]): Note[] {
  const voted = notes.filter((n) => n.votes.total > 0);
  const pool = voted.length > 0 ? voted : notes.filter((n) => n.text.trim() !== '');
  return [...pool].sort((a, b) => b.votes.total - a.votes.total).slice(0, TOP);
}

export function draftBoardSummary(doc: Y.Doc, boardId: BoardId, labels: DraftLabels): string {
  const board = readBoardView(doc, boardId);
  if (!board) return '';
  const parts: string[] = [];
  for (const cluster of board.clusters) {
    const notes = topNotes(cluster.notes);
    if (notes.length === 0) continue;
    const heading = cluster.title.trim() || labels.untitled;
    parts.push([heading, ...notes.map((n) => line(n, labels))].join('\n'));
  }
  const loose = board.unclusteredNotes.filter((n) => n.votes.total > 0);
  if (loose.length > 0 || board.clusters.length === 0) {
    const notes = topNotes(board.unclusteredNotes);
    if (notes.length > 0)
      parts.push([labels.unclustered, ...notes.map((n) => line(n, labels))].join('\n'));
  }
  return parts.join('\n\n');
}

export function draftWorkshopSummary(doc: Y.Doc, labels: DraftLabels): string {
  const view = readWorkshop(doc);
  return view.boards
    .flatMap((board) => {
      const body = draftBoardSummary(doc, board.id, labels);
      if (!body) return [];
      // The board's title set off as a heading by a line of "=" under it.
      const title = board.title.trim();
      return [`${title}\n${'='.repeat(Math.min(40, Math.max(3, title.length)))}\n${body}`];
    })
    .join('\n\n');
}
