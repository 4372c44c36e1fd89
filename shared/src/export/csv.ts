/**
 * The workshop as CSV, one row per note: board, cluster, note text, votes,
 * author, created. Written for spreadsheets: UTF-8 with a byte order mark (so
 * Excel shows umlauts), CRLF line ends, ';' as delimiter for German
 * workshops (what a German Excel splits on) and ',' otherwise, cells that
 * would run as formulas guarded with an apostrophe. The header names are
 * fixed English words so the importer and scripts can rely on them.
 */
import type { Note } from '../model/note.ts';
import type { WorkshopView } from '../read/workshopView.ts';
import { csvCell } from './csvFormat.ts';
import { type ExportOptions, notesInExportOrder } from './exportOptions.ts';
import { labelsFor } from './labels.ts';

export const CSV_COLUMNS = ['board', 'cluster', 'text', 'votes', 'author', 'created'] as const;

/** "2023-09-14 10:30:00" (UTC): a form every spreadsheet reads as a date and time. */
export function csvTimestamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

export function workshopToCsv(view: WorkshopView, options: ExportOptions = {}): string {
  const delimiter = view.meta?.lang === 'en' ? ',' : ';';
  const authors = options.includeAuthors === true;
  const rows: string[][] = [[...CSV_COLUMNS]];
  const add = (board: string, cluster: string, notes: readonly Note[]) => {
    for (const note of notesInExportOrder(notes)) {
      rows.push([
        board,
        cluster,
        note.text.replace(/\r\n?/g, '\n'),
        String(note.votes.total),
        authors ? note.author : '',
        csvTimestamp(note.createdAt),
      ]);
    }
  };
  for (const board of view.boards) {
    for (const cluster of board.clusters) add(board.title, cluster.title, cluster.notes);
    add(board.title, '', board.unclusteredNotes);
  }
  add(labelsFor(view.meta?.lang).orphans, '', view.orphanNotes);
  const body = rows.map((row) => row.map((cell) => csvCell(cell, delimiter)).join(delimiter));
  return `\uFEFF${body.join('\r\n')}\r\n`;
}
