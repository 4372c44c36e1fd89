/**
 * A complete backup of a workshop as JSON: meta, settings, every board with
 * its clusters (frames) and notes (positions, colours, votes per person),
 * notes of deleted boards, all summaries. `BACKUP_FORMAT` and
 * `schemaVersion` (the document schema it was read from) let a later version
 * migrate it; import/jsonBackup.ts validates it with zod and restores it into
 * a new workshop or imports its notes into a board.
 *
 * A backup is complete by default: author names included, so a restored
 * workshop shows who wrote what. Sharing a backup without names is the
 * explicit variant (`includeAuthors: false`); author ids are random and stay
 * either way, so votes and "my notes" survive a restore.
 */
import { COVER_FIELDS, type CoverPatch, type WorkshopSettings } from '../model/meta.ts';
import type { Note } from '../model/note.ts';
import { SCHEMA_VERSION } from '../model/schema.ts';
import type { WorkshopView } from '../read/workshopView.ts';
import type { ExportOptions } from './exportOptions.ts';

export const BACKUP_FORMAT = 'pinnwand-backup';

export interface BackupNote {
  id: string;
  boardId: string;
  clusterId: string | null;
  text: string;
  x: number;
  y: number;
  color: string;
  author: string;
  authorId: string;
  createdAt: number;
  /** Votes by participant id. */
  votes: Record<string, number>;
}

export interface BackupCluster {
  id: string;
  title: string;
  x: number;
  y: number;
  width: number;
  height: number;
  order: number;
}

export interface BackupBoard {
  id: string;
  title: string;
  question: string;
  order: number;
  locked: boolean;
  summary: string;
  clusters: BackupCluster[];
  /** Every note on the board, clustered or not, in reading order. */
  notes: BackupNote[];
}

export interface WorkshopBackup {
  format: typeof BACKUP_FORMAT;
  schemaVersion: number;
  meta: { title: string; createdAt: number; template: string; lang: string };
  settings: Record<string, unknown>;
  /** The cover fields that are set (organizer, facilitators, place, eventDate, license, attribution). */
  cover?: CoverPatch;
  boards: BackupBoard[];
  orphanNotes: BackupNote[];
  summary: string;
}

function backupNote(note: Note, authors: boolean): BackupNote {
  return {
    id: note.id,
    boardId: note.boardId,
    clusterId: note.clusterId,
    text: note.text,
    x: note.x,
    y: note.y,
    color: note.color,
    author: authors ? note.author : '',
    authorId: note.authorId,
    createdAt: note.createdAt,
    votes: { ...note.votes.byParticipant },
  };
}

function settingsWithoutTimer(settings: WorkshopSettings): Record<string, unknown> {
  const { timer: _timer, ...rest } = settings;
  return rest;
}

export function workshopToBackup(view: WorkshopView, options: ExportOptions = {}): WorkshopBackup {
  const authors = options.includeAuthors !== false;
  const cover = Object.fromEntries(
    COVER_FIELDS.filter((key) => view.cover?.[key]).map((key) => [key, view.cover[key]]),
  );
  return {
    format: BACKUP_FORMAT,
    schemaVersion: view.meta?.schemaVersion ?? SCHEMA_VERSION,
    meta: {
      title: view.meta?.title ?? '',
      createdAt: view.meta?.createdAt ?? 0,
      template: view.meta?.template ?? 'blank',
      lang: view.meta?.lang ?? 'de',
    },
    // The timer is a moment of the live session, not part of the result.
    settings: settingsWithoutTimer(view.settings),
    cover,
    boards: view.boards.map((board) => ({
      id: board.id,
      title: board.title,
      question: board.question,
      order: board.order,
      locked: board.locked,
      summary: board.summary,
      clusters: board.clusters.map((c) => ({
        id: c.id,
        title: c.title,
        x: c.x,
        y: c.y,
        width: c.width,
        height: c.height,
        order: c.order,
      })),
      notes: [...board.clusters.flatMap((c) => c.notes), ...board.unclusteredNotes].map((n) =>
        backupNote(n, authors),
      ),
    })),
    orphanNotes: view.orphanNotes.map((n) => backupNote(n, authors)),
    summary: view.summary,
  };
}

/** The backup as the text of a .json file (stable key order, two-space indent). */
export function workshopToJsonBackup(view: WorkshopView, options: ExportOptions = {}): string {
  return `${JSON.stringify(workshopToBackup(view, options), null, 2)}\n`;
}
