/**
 * The workshop as CSV, one row per note: board, cluster, note text, votes,
 * author, created. Written for spreadsheets: UTF-8 with a byte order mark (so
 * Excel shows umlauts), CRLF line ends, ';' as delimiter for German
 * exports (what a German Excel splits on) and ',' otherwise, header names in
 * the export's language (exportLang; the importer reads both), cells that would run as
 * formulas guarded with an apostrophe. A note whose creation time is out of
 * range gets an empty "created" cell instead of failing the export.
 */
import type { Note } from '../model/note.ts';
import type { WorkshopView } from '../read/workshopView.ts';
import { csvCell } from './csvFormat.ts';
import { type ExportOptions, exportLang, notesInExportOrder } from './exportOptions.ts';
import { CSV_COLUMNS, labelsFor } from './labels.ts';

/** "2023-09-14 10:30:00" (UTC): a form every spreadsheet reads; '' for an invalid time. */
export function csvTimestamp(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 19).replace('T', ' ');
}

export function workshopToCsv(view: WorkshopView, options: ExportOptions = {}): string {
  const lang = exportLang(view, options);
  const delimiter = lang === 'en' ? ',' : ';';
  const labels = labelsFor(lang);
  const authors = options.includeAuthors === true;
  const rows: string[][] = [CSV_COLUMNS.map((column) => labels.csvColumns[column])];
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
  add(labels.orphans, '', view.orphanNotes);
  const body = rows.map((row) => row.map((cell) => csvCell(cell, delimiter)).join(delimiter));
  return `\uFEFF${body.join('\r\n')}\r\n`;
}
