/**
 * A complete backup of a workshop as JSON: meta, settings, every board with
 * its clusters (frames) and notes (positions, colours, votes per person),
 * notes of deleted boards, all summaries. Its shape is backupFormat.ts;
 * `BACKUP_FORMAT` and `schemaVersion` (the document schema it was read from)
 * let a later version migrate it; import/jsonBackup.ts validates it with zod
 * and restores it into a new workshop or imports its notes into a board.
 *
 * A backup is complete by default: author names included, so a restored
 * workshop shows who wrote what. Sharing a backup without names is the
 * explicit variant (`includeAuthors: false`); author ids are random and stay
 * either way, so votes and "my notes" survive a restore.
 */
import { boardFieldsSchema } from '../model/board.ts';
import { clusterFieldsSchema } from '../model/cluster.ts';
import { pickFields } from '../model/fields.ts';
import { COVER_FIELDS, type WorkshopSettings } from '../model/meta.ts';
import { type Note, noteFieldsSchema } from '../model/note.ts';
import { SCHEMA_VERSION } from '../model/schema.ts';
import type { ClusterView, WorkshopView } from '../read/workshopView.ts';
import {
  BACKUP_FORMAT,
  type BackupCluster,
  type BackupNote,
  type WorkshopBackup,
} from './backupFormat.ts';
import type { ExportOptions } from './exportOptions.ts';

function backupNote(note: Note, authors: boolean): BackupNote {
  return {
    id: note.id,
    ...pickFields(note, noteFieldsSchema),
    ...(authors ? {} : { author: '' }),
    votes: { ...note.votes.byParticipant },
  };
}

function backupCluster(cluster: ClusterView): BackupCluster {
  const { boardId: _board, ...fields } = pickFields(cluster, clusterFieldsSchema);
  return { id: cluster.id, ...fields };
}

function settingsWithoutTimer(settings: WorkshopSettings): WorkshopBackup['settings'] {
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
      ...pickFields(board, boardFieldsSchema),
      summary: board.summary,
      clusters: board.clusters.map(backupCluster),
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
