/**
 * CSV import: Pinnwand's own export (board, cluster, text, votes, author,
 * created) or any sheet with a text column ("text", "note", "Notiz", …);
 * a sheet with a single column is read as one note per row. Rows are
 * grouped into boards and clusters by their names, in order of appearance.
 */
import { csvUnguard, detectDelimiter, parseCsvRows } from '../export/csvFormat.ts';
import { CSV_COLUMNS, LABELS } from '../export/labels.ts';
import {
  checkLimits,
  emptyBoard,
  IMPORT_LIMITS,
  type ParseResult,
  type PlannedBoard,
  type PlannedNote,
  parseFailure,
} from './importPlan.ts';

type Column = (typeof CSV_COLUMNS)[number];

/** Header names read as columns: our own export's in every language, plus common synonyms. */
const HEADER_NAMES: Readonly<Record<string, Column>> = Object.freeze({
  tafel: 'board',
  pinnwand: 'board',
  gruppe: 'cluster',
  note: 'text',
  'note text': 'text',
  notiz: 'text',
  notes: 'text',
  autor: 'author',
  ...Object.fromEntries(
    Object.values(LABELS).flatMap((labels) =>
      CSV_COLUMNS.map((column) => [labels.csvColumns[column].toLowerCase(), column]),
    ),
  ),
});

function parseTimestamp(value: string): number | null {
  const m =
    /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?(Z)?$/.exec(
      value,
    );
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', ms = '0'] = m;
  const t = Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +s, +ms.padEnd(3, '0'));
  return Number.isFinite(t) ? t : null;
}

export function parseCsv(input: string): ParseResult {
  const text = input.replace(/^\uFEFF/, '');
  if (!text.trim()) return parseFailure('The CSV file is empty.');
  const parsed = parseCsvRows(text, detectDelimiter(text));
  if (!parsed.ok) return parseFailure(parsed.error);
  const [header, ...rest] = parsed.rows;
  if (!header) return parseFailure('The CSV file is empty.');
  const columns = header.cells.map((c) => HEADER_NAMES[c.trim().toLowerCase()]);
  let rows = rest;
  let textColumn = columns.indexOf('text');
  if (textColumn < 0) {
    if (header.cells.length > 1) {
      return parseFailure(
        `Line ${header.line}: no column named "text" (found: ${header.cells.map((c) => `"${c}"`).join(', ')}).`,
      );
    }
    // A single column without a known header: every row, the first included, is a note.
    rows = parsed.rows;
    textColumn = 0;
  }
  const col = (name: string) => columns.indexOf(name as never);
  const [boardCol, clusterCol, votesCol, authorCol, createdCol] = [
    col('board'),
    col('cluster'),
    col('votes'),
    col('author'),
    col('created'),
  ];
  const boards = new Map<string, PlannedBoard>();
  let count = 0;
  for (const row of rows) {
    const cell = (i: number) => (i >= 0 ? csvUnguard(row.cells[i] ?? '') : '');
    const noteText = cell(textColumn).replace(/\r\n?/g, '\n');
    if (!noteText.trim()) continue;
    if (noteText.length > IMPORT_LIMITS.noteText) {
      return parseFailure(
        `Line ${row.line}, column text: ${noteText.length} characters; at most ${IMPORT_LIMITS.noteText}.`,
      );
    }
    const note: PlannedNote = { text: noteText };
    const votes = cell(votesCol).trim();
    if (votes) {
      if (!/^\d{1,6}$/.test(votes)) {
        return parseFailure(`Line ${row.line}, column votes: "${votes}" is not a whole number.`);
      }
      note.votes = Number(votes);
    }
    const author = cell(authorCol).trim();
    if (author) note.author = author;
    const created = cell(createdCol).trim();
    if (created) {
      const t = parseTimestamp(created);
      if (t === null) {
        return parseFailure(
          `Line ${row.line}, column created: "${created}" is not a date (expected yyyy-mm-dd hh:mm:ss).`,
        );
      }
      note.createdAt = t;
    }
    const boardTitle = cell(boardCol).trim();
    let board = boards.get(boardTitle);
    if (!board) {
      board = emptyBoard(boardTitle);
      boards.set(boardTitle, board);
    }
    const clusterTitle = cell(clusterCol).trim();
    if (clusterTitle) {
      let cluster = board.clusters.find((c) => c.title === clusterTitle);
      if (!cluster) {
        cluster = { title: clusterTitle, notes: [] };
        board.clusters.push(cluster);
      }
      cluster.notes.push(note);
    } else {
      board.notes.push(note);
    }
    count++;
  }
  if (count === 0) return parseFailure('The CSV file holds no notes (all text cells are empty).');
  return checkLimits({ format: 'csv', boards: [...boards.values()], summary: '' });
}
