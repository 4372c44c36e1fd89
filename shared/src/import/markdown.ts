/**
 * Reads the Markdown that export/markdown.ts writes (the round trip), and
 * simple hand-written Markdown of the same shape: `##` boards, `###`
 * clusters, `-` list items as notes. Labels the export adds (italic
 * headings such as "*Zusammenfassung*") are recognised in every language.
 * A line that fits nowhere is an error naming the line, so a wrong file is
 * refused instead of half imported.
 */
import { LABELS } from '../export/labels.ts';
import { unescapeMarkdownText } from '../export/markdownText.ts';
import {
  checkLimits,
  emptyBoard,
  type ParseResult,
  type PlannedBoard,
  type PlannedCluster,
  type PlannedNote,
  parseFailure,
} from './importPlan.ts';

const labelSet = (pick: (l: (typeof LABELS)['de']) => string) =>
  new Set(Object.values(LABELS).map((l) => pick(l).toLowerCase()));
const UNCLUSTERED = labelSet((l) => l.unclustered);
const BOARD_SUMMARY = labelSet((l) => l.boardSummary);
const WORKSHOP_SUMMARY = labelSet((l) => l.workshopSummary);
// German exports before the UI's word "Tafel" reached them wrote "Boards".
const ORPHANS = new Set([...labelSet((l) => l.orphans), 'notizen gelöschter boards']);
const EMPTY_NOTE = labelSet((l) => l.emptyNote);
const DATE_LINE = new RegExp(
  `^(?:${Object.values(LABELS)
    .map((l) => l.date)
    .join('|')}):`,
  'i',
);
const LICENSE_LINE = /^(?:Lizenz|Licence|License):\s*(.*)$/i;

// "- text _— author_ **(3 Stimmen)**": the suffixes use unescaped `_` / `*`
// (either for the italics), which escaped note text never contains.
const ITEM_SUFFIX = /^(.*?)(?: ([_*])— ((?:\\.|[^\\*_])+)\2)?(?: \*\*\((\d+) [^()*]+\)\*\*)?$/s;
const LIST_ITEM = /^(?:[-*+]|\d{1,9}[.)])(?: (.*))?$/;

/** An italic heading "_Label_" (or "*Label*") → the label, else null. */
function italicLabel(raw: string): string | null {
  const m = /^([_*])([^*_]+)\1$/.exec(raw.trim());
  return m ? (m[2] as string).toLowerCase() : null;
}

/** Joins lines of one block: a trailing backslash is a hard break (newline). */
function joinHardBreaks(lines: string[]): string {
  let out = '';
  lines.forEach((line, i) => {
    const last = i === lines.length - 1;
    if (!last && /(?<!\\)(?:\\\\)*\\$/.test(line))
      out += `${unescapeMarkdownText(line.slice(0, -1))}\n`;
    else out += unescapeMarkdownText(line) + (last ? '' : ' ');
  });
  return out;
}

function parseItem(lines: string[]): PlannedNote {
  const last = lines.length - 1;
  // The export puts the suffix one space after the last line's text. When a
  // note ends in a blank line that space starts a continuation line
  // ("   _— author_") and was taken off with the indentation: put it back.
  const tail = last > 0 ? ` ${lines[last]}` : (lines[last] as string);
  const m = ITEM_SUFFIX.exec(tail);
  const head = (m?.[1] ?? tail).slice(last > 0 ? 1 : 0);
  // "_(leer)_" is how the export writes a note without text.
  const empty = last === 0 && EMPTY_NOTE.has(italicLabel(head) ?? '');
  const note: PlannedNote = { text: empty ? '' : joinHardBreaks([...lines.slice(0, last), head]) };
  if (m?.[3]) note.author = unescapeMarkdownText(m[3]);
  if (m?.[4]) note.votes = Number(m[4]);
  return note;
}

type Mode = 'notes' | 'boardSummary' | 'workshopSummary' | 'header';

export function parseMarkdown(input: string): ParseResult {
  const lines = input.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
  let title: string | undefined;
  let license: string | undefined;
  const boards: PlannedBoard[] = [];
  let board: PlannedBoard | null = null;
  let cluster: PlannedCluster | null = null;
  let mode: Mode = 'header';
  let questionOpen = false;
  const summaryLines: { board: string[]; workshop: string[] } = { board: [], workshop: [] };
  let notes = 0;

  const flushBoardSummary = () => {
    if (board && summaryLines.board.length > 0) board.summary = paragraphs(summaryLines.board);
    summaryLines.board = [];
  };
  const currentBoard = (): PlannedBoard => {
    if (!board) {
      board = emptyBoard();
      boards.push(board);
    }
    return board;
  };

  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as string;
    const lineNo = i + 1;
    const heading = /^(#{1,6})\s+(.*?)\s*$/.exec(line);
    if (heading) {
      const level = (heading[1] as string).length;
      const raw = heading[2] as string;
      const label = italicLabel(raw);
      questionOpen = false;
      if (level === 1) {
        if (title !== undefined || boards.length > 0) {
          return parseFailure(
            `Line ${lineNo}: a second title ("# …"); expected "## " for a board.`,
          );
        }
        title = unescapeMarkdownText(raw);
        mode = 'header';
      } else if (level === 2) {
        flushBoardSummary();
        cluster = null;
        if (label && WORKSHOP_SUMMARY.has(label)) {
          mode = 'workshopSummary';
          board = null;
        } else {
          board = emptyBoard(
            label && ORPHANS.has(label) ? raw.trim().slice(1, -1) : unescapeMarkdownText(raw),
          );
          boards.push(board);
          mode = 'notes';
          questionOpen = true;
        }
      } else if (level === 3) {
        if (mode === 'workshopSummary') {
          return parseFailure(`Line ${lineNo}: a heading inside the workshop summary.`);
        }
        flushBoardSummary();
        const target = currentBoard();
        if (label && BOARD_SUMMARY.has(label)) {
          mode = 'boardSummary';
          cluster = null;
        } else if (label && UNCLUSTERED.has(label)) {
          mode = 'notes';
          cluster = null;
        } else {
          mode = 'notes';
          cluster = { title: unescapeMarkdownText(raw), notes: [] };
          target.clusters.push(cluster);
        }
      } else {
        return parseFailure(`Line ${lineNo}: headings deeper than "###" are not understood.`);
      }
      i++;
      continue;
    }
    if (mode === 'boardSummary' || mode === 'workshopSummary') {
      (mode === 'boardSummary' ? summaryLines.board : summaryLines.workshop).push(line);
      i++;
      continue;
    }
    if (!line.trim()) {
      i++;
      continue;
    }
    if (mode === 'header') {
      const licenseMatch = LICENSE_LINE.exec(line.replace(/\\$/, ''));
      if (licenseMatch) license = unescapeMarkdownText(licenseMatch[1] as string).trim();
      else if (!DATE_LINE.test(line) && title === undefined) {
        return parseFailure(
          `Line ${lineNo}: expected a title ("# …"), a board ("## …") or notes ("- …").`,
        );
      }
      // Other text under the title (a date, an intro) is not part of the board.
      i++;
      continue;
    }
    if (questionOpen && line.startsWith('>')) {
      const quoted: string[] = [];
      while (i < lines.length && (lines[i] as string).startsWith('>')) {
        quoted.push((lines[i] as string).replace(/^> ?/, ''));
        i++;
      }
      currentBoard().question = joinHardBreaks(quoted).trim();
      questionOpen = false;
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      const itemLines = [item[1] ?? ''];
      i++;
      while (i < lines.length && /^ {2,}\S/.test(lines[i] as string)) {
        itemLines.push((lines[i] as string).replace(/^ {2,4}/, ''));
        i++;
      }
      const note = parseItem(itemLines);
      if (note.text.trim()) {
        (cluster ?? currentBoard()).notes.push(note);
        notes++;
      }
      questionOpen = false;
      continue;
    }
    return parseFailure(
      `Line ${lineNo}: expected a note ("- …") or a heading, found "${line.slice(0, 60)}".`,
    );
  }
  flushBoardSummary();
  if (boards.length === 0 && notes === 0) {
    return parseFailure('The Markdown holds no boards ("## …") and no notes ("- …").');
  }
  const plan = {
    format: 'md' as const,
    boards,
    summary: paragraphs(summaryLines.workshop),
    ...(title !== undefined ? { title } : {}),
    ...(license ? { license } : {}),
  };
  return checkLimits(plan);
}

/** Summary paragraphs: blank lines separate them, hard breaks are newlines. */
function paragraphs(lines: string[]): string {
  const out: string[] = [];
  let current: string[] = [];
  for (const line of [...lines, '']) {
    if (line.trim()) current.push(line);
    else if (current.length > 0) {
      out.push(joinHardBreaks(current));
      current = [];
    }
  }
  return out.join('\n\n');
}
