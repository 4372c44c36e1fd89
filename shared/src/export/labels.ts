/**
 * The few fixed words an export writes around the facilitators' own text, in
 * the workshop's language (meta.lang). The Markdown and CSV importers
 * recognise the labels of every language, so a German export imports into an
 * English workshop and back.
 */
import type { Lang } from '../model/lang.ts';
import type { CoverField } from '../model/meta.ts';

/** The CSV columns, in order; their header names are per language (`csvColumns`). */
export const CSV_COLUMNS = ['board', 'cluster', 'text', 'votes', 'author', 'created'] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

export interface ExportLabels {
  date: string;
  license: string;
  /** Cover lines other than the date and the licence. */
  cover: Readonly<Record<Exclude<CoverField, 'eventDate' | 'license'>, string>>;
  question: string;
  unclustered: string;
  /** A heading repeated at the top of a page its section runs onto. */
  continued: (heading: string) => string;
  boardSummary: string;
  workshopSummary: string;
  orphans: string;
  /** Stands in for a note without text, so it is never dropped silently. */
  emptyNote: string;
  /** Said under a board that has no notes (PDF). */
  noNotes: string;
  /** "1 Stimme" / "3 Stimmen". */
  votes: (count: number) => string;
  page: (page: number, of: number) => string;
  contents: string;
  notes: (count: number) => string;
  clusters: (count: number) => string;
  exportedWith: string;
  /** Alternative text of a board's drawing in the PDF. */
  drawing: (board: string, clusters: number, notes: number) => string;
  /** The CSV header row. */
  csvColumns: Readonly<Record<CsvColumn, string>>;
  /** An ISO date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`) as written in running text. */
  day: (iso: string) => string;
  /** File-name suffix of a JSON backup without authors, so it is never mistaken for the full one. */
  withoutNames: string;
}

const plural = (count: number, one: string, many: string) =>
  count === 1 ? `1 ${one}` : `${count} ${many}`;

export const LABELS: Readonly<Record<Lang, ExportLabels>> = Object.freeze({
  de: {
    date: 'Datum',
    license: 'Lizenz',
    cover: {
      organizer: 'Veranstalter',
      facilitators: 'Moderation',
      place: 'Ort',
      attribution: 'Namensnennung',
    },
    question: 'Leitfrage',
    unclustered: 'Ohne Cluster',
    continued: (heading) => `${heading} (Fortsetzung)`,
    boardSummary: 'Zusammenfassung',
    workshopSummary: 'Zusammenfassung des Workshops',
    orphans: 'Notizen gelöschter Tafeln',
    emptyNote: '(leer)',
    noNotes: 'Keine Notizen.',
    votes: (count) => plural(count, 'Stimme', 'Stimmen'),
    page: (page, of) => `Seite ${page} von ${of}`,
    contents: 'Inhalt',
    notes: (count) => plural(count, 'Notiz', 'Notizen'),
    clusters: (count) => plural(count, 'Cluster', 'Cluster'),
    exportedWith: 'Dokumentation erstellt mit Pinnwand',
    drawing: (board, clusters, notes) =>
      `Übersicht der Tafel „${board}“: ${plural(clusters, 'Cluster', 'Cluster')} und ${plural(notes, 'Notiz', 'Notizen')} in ihrer Anordnung auf der Pinnwand. Die Texte folgen als Liste.`,
    csvColumns: {
      board: 'Tafel',
      cluster: 'Cluster',
      text: 'Text',
      votes: 'Stimmen',
      author: 'Autor*in',
      created: 'Erstellt',
    },
    day: (iso) => iso.split('-').reverse().join('.'),
    withoutNames: 'ohne-Namen',
  },
  en: {
    date: 'Date',
    license: 'Licence',
    cover: {
      organizer: 'Organised by',
      facilitators: 'Facilitation',
      place: 'Place',
      attribution: 'Attribution',
    },
    question: 'Guiding question',
    unclustered: 'Not clustered',
    continued: (heading) => `${heading} (continued)`,
    boardSummary: 'Summary',
    workshopSummary: 'Workshop summary',
    orphans: 'Notes of deleted boards',
    emptyNote: '(empty)',
    noNotes: 'No notes.',
    votes: (count) => plural(count, 'vote', 'votes'),
    page: (page, of) => `Page ${page} of ${of}`,
    contents: 'Contents',
    notes: (count) => plural(count, 'note', 'notes'),
    clusters: (count) => plural(count, 'cluster', 'clusters'),
    exportedWith: 'Documentation made with Pinnwand',
    drawing: (board, clusters, notes) =>
      `Overview of the board "${board}": ${plural(clusters, 'cluster', 'clusters')} and ${plural(notes, 'note', 'notes')} as arranged on the board. The texts follow as a list.`,
    csvColumns: {
      board: 'board',
      cluster: 'cluster',
      text: 'text',
      votes: 'votes',
      author: 'author',
      created: 'created',
    },
    day: (iso) => iso,
    withoutNames: 'without-names',
  },
});

export function labelsFor(lang: Lang | undefined): ExportLabels {
  return LABELS[lang ?? 'de'] ?? LABELS.de;
}

/**
 * The cover as labelled lines, in the order the title page and the Markdown
 * header print them: date, organizer, facilitators, place, licence,
 * attribution. Empty fields are left out.
 */
export function coverLines(
  labels: ExportLabels,
  cover: Readonly<Record<CoverField, string>>,
  date: string,
): { label: string; value: string; key: CoverField | 'date' }[] {
  const lines: { label: string; value: string; key: CoverField | 'date' }[] = [];
  if (date) lines.push({ key: 'date', label: labels.date, value: labels.day(date) });
  for (const key of ['organizer', 'facilitators', 'place'] as const) {
    if (cover[key]) lines.push({ key, label: labels.cover[key], value: cover[key] });
  }
  if (cover.license) lines.push({ key: 'license', label: labels.license, value: cover.license });
  if (cover.attribution) {
    lines.push({
      key: 'attribution',
      label: labels.cover.attribution,
      value: cover.attribution,
    });
  }
  return lines;
}
