/**
 * What every serialiser of a workshop shares: the options a facilitator
 * chooses, the cover (title-page information) and the date an export is
 * labelled with, and the order notes are listed in. Kept in one place so that
 * Markdown, PDF and CSV list the same notes in the same order under the same
 * cover.
 *
 * Exports never fail on odd but valid values: a date out of range or NaN is
 * left out, never thrown on.
 */
import type { Lang } from '../model/lang.ts';
import { type Cover, EMPTY_COVER } from '../model/meta.ts';
import type { Note } from '../model/note.ts';
import type { WorkshopView } from '../read/workshopView.ts';
import { type ExportExtension, exportFileName } from './fileName.ts';
import { type ExportLabels, labelsFor } from './labels.ts';

export interface ExportOptions {
  /**
   * Write who wrote each note. Documents (Markdown, PDF, CSV) leave names out
   * unless asked (privacy first); the JSON backup keeps them unless this is
   * `false` (a backup must restore the workshop as it was).
   */
  includeAuthors?: boolean;
  /** Licence line; overrides the workshop's `meta.license` for this export. */
  license?: string;
  /**
   * The day the document is labelled with (ms since epoch). Defaults to the
   * workshop's event date, else its creation day, so that the browser's
   * download and the server's export of the same document are the same bytes
   * whenever they are made.
   */
  date?: number;
  /**
   * The language of the words the document adds (headings, labels, dates,
   * the CSV header and delimiter): the language the person exporting reads
   * the UI in. Defaults to the workshop's language, else German. The notes
   * are printed as written, in whatever language they are.
   */
  lang?: Lang;
}

/** The language of an export's own words: the one asked for, else the workshop's, else German. */
export function exportLang(view: WorkshopView, options: ExportOptions = {}): Lang {
  return options.lang ?? view.meta?.lang ?? 'de';
}

/** The words an export adds, in its language (`exportLang`). */
export function exportLabels(view: WorkshopView, options: ExportOptions = {}): ExportLabels {
  return labelsFor(exportLang(view, options));
}

/** yyyy-mm-dd in UTC (exports must not depend on the machine's time zone); '' for an invalid time. */
export function isoDay(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
}

/**
 * The date the document is labelled with and its files are named by: the
 * event date (`YYYY-MM-DD`, or `YYYY-MM` / `YYYY` when only that is known),
 * else the creation day; '' when neither is usable.
 */
export function documentDate(view: WorkshopView, options: ExportOptions = {}): string {
  if (options.date !== undefined) return isoDay(options.date);
  if (view.cover?.eventDate) return view.cover.eventDate;
  return isoDay(view.meta?.createdAt ?? Number.NaN);
}

/**
 * The download name of an export of `view`, the same in the browser and in
 * the server's Content-Disposition: `<title>-<date>.<ext>`, and a JSON backup
 * without authors marked as such in the export's language.
 */
export function documentFileName(
  title: string,
  view: WorkshopView,
  ext: ExportExtension,
  options: ExportOptions = {},
): string {
  const withoutNames = ext === 'json' && options.includeAuthors === false;
  const variant = withoutNames ? exportLabels(view, options).withoutNames : '';
  return exportFileName(title, documentDate(view, options), ext, variant);
}

/** Start of an ISO (possibly reduced) date in ms, UTC; undefined for ''. */
export function dateStartMs(iso: string): number | undefined {
  const [y, m = 1, d = 1] = iso.split('-').map(Number);
  if (!y) return undefined;
  const ms = Date.UTC(y, m - 1, d);
  return Number.isFinite(ms) ? ms : undefined;
}

/** The cover an export prints: the workshop's, with the export's licence override. */
export function exportCover(view: WorkshopView, options: ExportOptions = {}): Cover {
  const cover = view.cover ?? EMPTY_COVER;
  const license = options.license?.trim();
  return license ? { ...cover, license } : cover;
}

/**
 * Notes as documentation lists them: by votes (most first) when any note has
 * votes, otherwise (and among equals) in the reading order they came in.
 */
export function notesInExportOrder(notes: readonly Note[]): Note[] {
  // Array.prototype.sort is stable, so equal vote counts keep reading order.
  return [...notes].sort((a, b) => b.votes.total - a.votes.total);
}

/** The workshop's title, or a neutral word when the document has none yet. */
export function workshopTitle(view: WorkshopView): string {
  const title = view.meta?.title.trim();
  return title ? title : 'Workshop';
}
