/**
 * The shape of a JSON backup file, declared once as zod schemas: the writer
 * (jsonBackup.ts) produces `WorkshopBackup`, the reader (import/jsonBackup.ts)
 * validates a file with `backupSchema`. Boards, clusters and notes are their
 * entities' field schemas (model/) plus their ids, held to the limits of an
 * import: a file is hostile until checked, a document entry is not re-checked
 * against these limits.
 */
import { z } from 'zod';
import { IMPORT_LIMITS } from '../import/importPlan.ts';
import { boardFieldsSchema } from '../model/board.ts';
import { clusterFieldsSchema } from '../model/cluster.ts';
import { boardIdSchema, clusterIdSchema, ID_PATTERN, noteIdSchema } from '../model/ids.ts';
import { langSchema } from '../model/lang.ts';
import { coverPatchSchema, metaSchema, settingsPatchSchema } from '../model/meta.ts';
import { noteFieldsSchema } from '../model/note.ts';
import { SCHEMA_VERSION } from '../model/schema.ts';
import { votesByParticipantSchema } from '../model/vote.ts';

export const BACKUP_FORMAT = 'pinnwand-backup';

const URL_SAFE = 'not a URL-safe id';
// Ids in a file become keys of the restored document: URL-safe, like ours.
const fileBoardId = boardIdSchema.regex(ID_PATTERN, URL_SAFE);
const fileClusterId = clusterIdSchema.regex(ID_PATTERN, URL_SAFE);

const note = noteFieldsSchema.shape;
export const backupNoteSchema = noteFieldsSchema.extend({
  id: noteIdSchema.regex(ID_PATTERN, URL_SAFE),
  boardId: fileBoardId,
  clusterId: fileClusterId.nullable(),
  text: note.text.max(IMPORT_LIMITS.noteText),
  color: note.color.max(64),
  author: note.author.max(200),
  authorId: note.authorId.max(200),
  /** Votes by participant id. */
  votes: votesByParticipantSchema.refine(
    (votes) => Object.keys(votes).length <= IMPORT_LIMITS.votesPerNote,
    `at most ${IMPORT_LIMITS.votesPerNote} people's votes per note`,
  ),
});
export type BackupNote = z.infer<typeof backupNoteSchema>;

/** A cluster inside its board (the board it belongs to is the one that holds it). */
export const backupClusterSchema = clusterFieldsSchema.omit({ boardId: true }).extend({
  id: fileClusterId,
  title: clusterFieldsSchema.shape.title.max(IMPORT_LIMITS.title),
});
export type BackupCluster = z.infer<typeof backupClusterSchema>;

const board = boardFieldsSchema.shape;
export const backupBoardSchema = boardFieldsSchema.extend({
  id: fileBoardId,
  title: board.title.max(IMPORT_LIMITS.title),
  question: board.question.max(IMPORT_LIMITS.title * 4),
  summary: z.string().max(IMPORT_LIMITS.summary),
  clusters: z.array(backupClusterSchema),
  /** Every note on the board, clustered or not, in reading order. */
  notes: z.array(backupNoteSchema),
});
export type BackupBoard = z.infer<typeof backupBoardSchema>;

export const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  /** The document schema the backup was read from, so a later version can migrate it. */
  schemaVersion: metaSchema.shape.schemaVersion.max(
    SCHEMA_VERSION,
    `this Pinnwand reads backups up to schema version ${SCHEMA_VERSION}`,
  ),
  meta: metaSchema.pick({ createdAt: true }).extend({
    title: metaSchema.shape.title.max(IMPORT_LIMITS.title),
    template: metaSchema.shape.template.max(100),
    lang: langSchema,
  }),
  /** The timer is a moment of the live session, not part of the result. */
  settings: settingsPatchSchema.omit({ timer: true }),
  /** The cover fields that are set (absent in backups of older versions). */
  cover: coverPatchSchema.optional(),
  boards: z.array(backupBoardSchema).max(IMPORT_LIMITS.boards),
  /** Notes whose board was deleted. */
  orphanNotes: z.array(backupNoteSchema),
  summary: z.string().max(IMPORT_LIMITS.summary),
});
export type WorkshopBackup = z.infer<typeof backupSchema>;
