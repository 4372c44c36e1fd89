/**
 * What every serialiser of a workshop shares: the options a facilitator
 * chooses, the date an export is labelled with, and the order notes are
 * listed in. Kept in one place so that Markdown, PDF and CSV list the same
 * notes in the same order.
 */
import type { Note } from '../model/note.ts';
import type { WorkshopView } from '../read/workshopView.ts';

export interface ExportOptions {
  /** Write who wrote each note. Off by default: privacy first. */
  includeAuthors?: boolean;
  /** Licence line under the title, e.g. "CC BY 4.0"; none when absent or empty. */
  license?: string;
  /**
   * The date the document is labelled with (ms since epoch). Defaults to the
   * workshop's creation date, so that the browser's download and the server's
   * export of the same document are the same bytes whenever they are made.
   */
  date?: number;
}

/** The date an export of `view` is labelled with. */
export function exportDate(view: WorkshopView, options: ExportOptions): number {
  return options.date ?? view.meta?.createdAt ?? 0;
}

/** yyyy-mm-dd in UTC (exports must not depend on the machine's time zone). */
export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
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
