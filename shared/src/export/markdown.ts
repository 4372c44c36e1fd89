/**
 * The workshop as a Markdown document: the documentation a facilitator files
 * or mails. Layout (German labels shown; English ones in English exports, see
 * ExportOptions.lang):
 *
 *   # <workshop title>
 *   Datum: dd.mm.yyyy\            the cover: date, then (when given) Veranstalter,
 *   Lizenz: CC BY 4.0\            Moderation, Ort, Lizenz, Namensnennung
 *   Namensnennung: …
 *   ## <board title>              one per board, in board order
 *   > <guiding question>
 *   ### <cluster title>           one per cluster, in cluster order
 *   - <note> _— <author>_ **(3 Stimmen)**
 *   ### _Ohne Cluster_            unclustered notes (no heading on a board without clusters)
 *   ### _Zusammenfassung_         the board's summary
 *   ## _Notizen gelöschter Tafeln_
 *   ## _Zusammenfassung des Workshops_
 *
 * Labels the document adds are set in italics (with `_`, the form Markdown
 * formatters such as Biome normalise to) and everything taken from the
 * workshop is escaped where it would become markup (markdownText.ts), so a
 * cluster the facilitators named "_Zusammenfassung_" can never be mistaken
 * for the summary, while ordinary text reads as typed: the importer
 * (import/markdown.ts) reads this layout back exactly. Invisible bidi
 * overrides and zero-width characters are shown as `[U+202E]`
 * (invisibleChars.ts) so they cannot reorder or hide what a reader sees.
 */
import type { Note } from '../model/note.ts';
import type { BoardView, WorkshopView } from '../read/workshopView.ts';
import {
  documentDate,
  type ExportOptions,
  exportCover,
  exportLabels,
  notesInExportOrder,
  workshopTitle,
} from './exportOptions.ts';
import { revealInvisibles } from './invisibleChars.ts';
import { coverLines, type ExportLabels } from './labels.ts';
import {
  escapeMarkdownHeading as escapeHeading,
  escapeMarkdownParagraph,
  escapeMarkdownStrict,
  textLines,
} from './markdownText.ts';

/** The lines of one paragraph, escaped, with invisible controls shown. */
const paragraphLines = (lines: readonly string[]) =>
  escapeMarkdownParagraph(lines.map(revealInvisibles));
const escapeMarkdownHeading = (text: string) => escapeHeading(revealInvisibles(text));

export type MarkdownOptions = ExportOptions;

/** One list item; continuation lines are indented and joined by hard breaks (`\`). */
export function noteListItem(note: Note, labels: ExportLabels, includeAuthors: boolean): string {
  const lines = note.text.trim() ? paragraphLines(textLines(note.text)) : [`_${labels.emptyNote}_`];
  let suffix = '';
  if (includeAuthors && note.author.trim()) {
    const author = revealInvisibles(note.author.trim().replace(/\s+/g, ' '));
    suffix += ` _— ${escapeMarkdownStrict(author)}_`;
  }
  if (note.votes.total > 0) suffix += ` **(${labels.votes(note.votes.total)})**`;
  // A hard break needs something after it in its paragraph: a note's trailing
  // empty lines are written only when the author or votes follow on the last
  // one. Otherwise a reader would see a stray backslash, and the import would
  // keep it; the empty lines themselves show nothing.
  while (suffix === '' && lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const last = lines.length - 1;
  lines[last] = `${lines[last]}${suffix}`;
  return `- ${lines.join('\\\n  ')}`;
}

/** Paragraphs separated by blank lines; single line breaks become hard breaks. */
export function markdownParagraphs(text: string): string {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((p) => p.replace(/^\n+|\n+$/g, ''))
    .filter((p) => p.trim() !== '');
  return paragraphs.map((p) => paragraphLines(textLines(p)).join('\\\n')).join('\n\n');
}

function quote(text: string): string {
  return paragraphLines(textLines(text.trim()))
    .map((line, i, all) => `> ${line}${i < all.length - 1 ? '\\' : ''}`)
    .join('\n');
}

function noteList(notes: readonly Note[], labels: ExportLabels, authors: boolean): string {
  return notesInExportOrder(notes)
    .map((note) => noteListItem(note, labels, authors))
    .join('\n');
}

function boardSection(board: BoardView, labels: ExportLabels, authors: boolean): string[] {
  const out: string[] = [`## ${escapeMarkdownHeading(board.title)}`];
  if (board.question.trim()) out.push(quote(board.question));
  for (const cluster of board.clusters) {
    out.push(`### ${escapeMarkdownHeading(cluster.title)}`);
    if (cluster.notes.length > 0) out.push(noteList(cluster.notes, labels, authors));
  }
  if (board.unclusteredNotes.length > 0) {
    if (board.clusters.length > 0) out.push(`### _${labels.unclustered}_`);
    out.push(noteList(board.unclusteredNotes, labels, authors));
  }
  if (board.summary.trim()) {
    out.push(`### _${labels.boardSummary}_`, markdownParagraphs(board.summary));
  }
  return out;
}

export function workshopToMarkdown(view: WorkshopView, options: MarkdownOptions = {}): string {
  const labels = exportLabels(view, options);
  const authors = options.includeAuthors === true;
  const blocks: string[] = [`# ${escapeMarkdownHeading(workshopTitle(view))}`];
  const cover = coverLines(labels, exportCover(view, options), documentDate(view, options));
  const header = paragraphLines(
    cover.map((line) => `${line.label}: ${line.value.replace(/\s+/g, ' ')}`),
  );
  if (header.length > 0) blocks.push(header.join('\\\n'));
  for (const board of view.boards) blocks.push(...boardSection(board, labels, authors));
  if (view.orphanNotes.length > 0) {
    blocks.push(`## _${labels.orphans}_`, noteList(view.orphanNotes, labels, authors));
  }
  if (view.summary.trim()) {
    blocks.push(`## _${labels.workshopSummary}_`, markdownParagraphs(view.summary));
  }
  return `${blocks.join('\n\n')}\n`;
}
