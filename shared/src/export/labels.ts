/**
 * The few fixed words an export writes around the facilitators' own text, in
 * the workshop's language (meta.lang). The Markdown importer recognises the
 * labels of every language, so a German export imports into an English
 * workshop and back.
 */
import type { Lang } from '../model/meta.ts';

export interface ExportLabels {
  date: string;
  license: string;
  question: string;
  unclustered: string;
  boardSummary: string;
  workshopSummary: string;
  orphans: string;
  /** "1 Stimme" / "3 Stimmen". */
  votes: (count: number) => string;
  page: (page: number, of: number) => string;
  contents: string;
  notes: (count: number) => string;
  exportedWith: string;
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
    votes: (count) => (count === 1 ? '1 Stimme' : `${count} Stimmen`),
    page: (page, of) => `Seite ${page} von ${of}`,
    contents: 'Inhalt',
    notes: (count) => (count === 1 ? '1 Notiz' : `${count} Notizen`),
    exportedWith: 'Dokumentation erstellt mit Pinnwand',
  },
  en: {
    date: 'Date',
    license: 'Licence',
    question: 'Guiding question',
    unclustered: 'Not clustered',
    boardSummary: 'Summary',
    workshopSummary: 'Workshop summary',
    orphans: 'Notes of deleted boards',
    votes: (count) => (count === 1 ? '1 vote' : `${count} votes`),
    page: (page, of) => `Page ${page} of ${of}`,
    contents: 'Contents',
    notes: (count) => (count === 1 ? '1 note' : `${count} notes`),
    exportedWith: 'Documentation made with Pinnwand',
  },
});

export function labelsFor(lang: Lang | undefined): ExportLabels {
  return LABELS[lang ?? 'de'];
}
