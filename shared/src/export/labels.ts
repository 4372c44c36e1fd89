/**
 * The few fixed words an export writes around the facilitators' own text, in
 * the workshop's language (meta.lang). The Markdown importer recognises the
 * labels of every language, so a German export imports into an English
 * workshop and back.
 */
import type { Lang } from '../model/meta.ts';
import { isoDay } from './exportOptions.ts';

export interface ExportLabels {
  date: string;
  license: string;
  question: string;
  unclustered: string;
  boardSummary: string;
  workshopSummary: string;
  orphans: string;
  /** Stands in for a note without text, so it is never dropped silently. */
  emptyNote: string;
  /** "1 Stimme" / "3 Stimmen". */
  votes: (count: number) => string;
  page: (page: number, of: number) => string;
  contents: string;
  notes: (count: number) => string;
  exportedWith: string;
  /** The date as written in running text (UTC day). */
  day: (ms: number) => string;
}

export const LABELS: Readonly<Record<Lang, ExportLabels>> = Object.freeze({
  de: {
    date: 'Datum',
    license: 'Lizenz',
    question: 'Leitfrage',
    unclustered: 'Ohne Cluster',
    boardSummary: 'Zusammenfassung',
    workshopSummary: 'Zusammenfassung des Workshops',
    orphans: 'Notizen gelöschter Boards',
    emptyNote: '(leer)',
    votes: (count) => (count === 1 ? '1 Stimme' : `${count} Stimmen`),
    page: (page, of) => `Seite ${page} von ${of}`,
    contents: 'Inhalt',
    notes: (count) => (count === 1 ? '1 Notiz' : `${count} Notizen`),
    exportedWith: 'Dokumentation erstellt mit Pinnwand',
    day: (ms) => {
      const [y, m, d] = isoDay(ms).split('-');
      return `${d}.${m}.${y}`;
    },
  },
  en: {
    date: 'Date',
    license: 'Licence',
    question: 'Guiding question',
    unclustered: 'Not clustered',
    boardSummary: 'Summary',
    workshopSummary: 'Workshop summary',
    orphans: 'Notes of deleted boards',
    emptyNote: '(empty)',
    votes: (count) => (count === 1 ? '1 vote' : `${count} votes`),
    page: (page, of) => `Page ${page} of ${of}`,
    contents: 'Contents',
    notes: (count) => (count === 1 ? '1 note' : `${count} notes`),
    exportedWith: 'Documentation made with Pinnwand',
    day: (ms) => isoDay(ms),
  },
});

export function labelsFor(lang: Lang | undefined): ExportLabels {
  return LABELS[lang ?? 'de'];
}
