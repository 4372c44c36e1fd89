/**
 * Reading a JSON backup (export/jsonBackup.ts): validated with zod, every
 * problem reported with the path of the bad field ("boards.1.notes.4.x:
 * expected number"). A valid backup can be
 * - restored into an empty document (`restoreBackup`): ids, positions,
 *   votes, settings and summaries exactly as they were — a new workshop;
 * - turned into an ImportPlan (`backupToPlan`) to import its notes into a
 *   board or its boards into a running workshop.
 */
import { decodeUtf8 } from 'lib0/string';
import * as Y from 'yjs';
import { type BackupNote, backupSchema, type WorkshopBackup } from '../export/backupFormat.ts';
import { boardFieldsSchema } from '../model/board.ts';
import { clusterFieldsSchema } from '../model/cluster.ts';
import { entryMap, pickFields } from '../model/fields.ts';
import type { Lang } from '../model/lang.ts';
import { settingsPatchSchema } from '../model/meta.ts';
import { noteFieldsSchema, noteVotesMap } from '../model/note.ts';
import { IMPORT_ORIGIN, type TransactionOrigin } from '../model/origin.ts';
import { describeZodError } from '../model/result.ts';
import {
  META,
  metaMap,
  notesMap,
  SCHEMA_VERSION,
  summariesMap,
  WORKSHOP_SUMMARY_KEY,
} from '../model/schema.ts';
import { insertBoard, insertCluster, insertNote } from '../ops/entries.ts';
import { transact } from '../ops/transact.ts';
import { updateCover, updateSettings } from '../ops/workshopOps.ts';
import {
  BACKUP_SHAPE_LIMITS,
  checkLimits,
  IMPORT_LIMITS,
  type ParseResult,
  type PlannedBoard,
  type PlannedNote,
  parseFailure,
} from './importPlan.ts';
import { jsonShapeProblem } from './jsonShape.ts';

export type BackupParse =
  | { ok: true; backup: WorkshopBackup }
  /** `tooLarge`: the file is beyond the import limits (HTTP 413), not malformed. */
  | { ok: false; error: string; tooLarge?: boolean };

/**
 * Parses and validates a backup file: its text, or its bytes (UTF-8, already
 * validated), which are decoded only once their shape passed.
 */
export function parseBackup(input: string | Uint8Array): BackupParse {
  // Shape first: a stuffed file is refused before JSON.parse builds it (jsonShape.ts).
  const tooBig = jsonShapeProblem(input, BACKUP_SHAPE_LIMITS);
  if (tooBig) return { ok: false, error: `Backup: ${tooBig}.`, tooLarge: true };
  const text = typeof input === 'string' ? input : decodeUtf8(input);
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, error: `Not valid JSON: ${(error as Error).message}` };
  }
  const parsed = backupSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: describeZodError('Backup', parsed.error) };
  const backup = parsed.data;
  // Cross-references: a note's clusterId must name a cluster of its board.
  for (const [b, board] of backup.boards.entries()) {
    const clusters = new Set(board.clusters.map((c) => c.id));
    for (const [n, note] of board.notes.entries()) {
      if (note.clusterId !== null && !clusters.has(note.clusterId)) {
        return {
          ok: false,
          error: `Backup: boards.${b}.notes.${n}.clusterId: names no cluster of board "${board.title}"`,
        };
      }
    }
  }
  const notes = backup.boards.reduce((sum, b) => sum + b.notes.length, backup.orphanNotes.length);
  if (notes > IMPORT_LIMITS.notes) {
    return {
      ok: false,
      error: `Backup: ${notes} notes; at most ${IMPORT_LIMITS.notes}.`,
      tooLarge: true,
    };
  }
  return { ok: true, backup };
}

function plannedNote(note: BackupNote): PlannedNote {
  return {
    text: note.text,
    votesByParticipant: note.votes,
    author: note.author,
    authorId: note.authorId,
    color: note.color,
    createdAt: note.createdAt,
    // Absent stays absent: the note then lies in creation order, as it did.
    ...(note.layer === undefined ? {} : { layer: note.layer }),
    x: note.x,
    y: note.y,
  };
}

/** The backup's boards as a plan (positions kept) for `applyImport`. */
export function backupToPlan(backup: WorkshopBackup): ParseResult {
  const boards: PlannedBoard[] = backup.boards.map((board) => ({
    title: board.title,
    question: board.question,
    summary: board.summary,
    locked: board.locked,
    clusters: [...board.clusters]
      .sort((a, b) => a.order - b.order)
      .map((c) => ({
        title: c.title,
        frame: { x: c.x, y: c.y, width: c.width, height: c.height },
        notes: board.notes.filter((n) => n.clusterId === c.id).map(plannedNote),
      })),
    notes: board.notes.filter((n) => n.clusterId === null).map(plannedNote),
  }));
  return checkLimits({
    format: 'json',
    title: backup.meta.title,
    boards,
    summary: backup.summary,
  });
}

export function parseJsonBackup(input: string): ParseResult {
  const parsed = parseBackup(input);
  return parsed.ok ? backupToPlan(parsed.backup) : parseFailure(parsed.error);
}

function writeBackupNote(doc: Y.Doc, note: BackupNote): void {
  insertNote(doc, note.id, pickFields(note, noteFieldsSchema));
  const votes = noteVotesMap(entryMap(notesMap(doc), note.id) as Y.Map<unknown>);
  for (const [participant, count] of Object.entries(note.votes)) {
    if (count > 0) votes?.set(participant, count);
  }
}

/**
 * Restores a backup into an empty document: the same workshop, ids and all.
 * Throws if the document already holds a workshop (a restore never merges).
 */
const RESTORED: Readonly<Record<Lang, string>> = { de: 'wiederhergestellt', en: 'restored' };

/**
 * The title of a workshop restored from a backup: "… (wiederhergestellt)", so
 * that the copy is never mistaken for the workshop it was saved from.
 */
export function restoredTitle(title: string, lang: string): string {
  const base = title.trim() || 'Workshop';
  const suffix = ` (${RESTORED[lang as Lang] ?? RESTORED.de})`;
  return base.endsWith(suffix) ? base : `${base}${suffix}`;
}

export function restoreBackup(
  doc: Y.Doc,
  backup: WorkshopBackup,
  origin: TransactionOrigin = IMPORT_ORIGIN,
): void {
  const meta = metaMap(doc);
  if (meta.has(META.schemaVersion)) throw new Error('This document already holds a workshop.');
  transact(doc, origin, () => {
    meta.set(META.schemaVersion, SCHEMA_VERSION);
    meta.set(META.title, backup.meta.title);
    meta.set(META.createdAt, backup.meta.createdAt);
    meta.set(META.template, backup.meta.template);
    meta.set(META.lang, backup.meta.lang);
    updateSettings(doc, settingsPatchSchema.parse(backup.settings), origin);
    if (backup.cover) updateCover(doc, backup.cover, origin);
    summariesMap(doc).set(WORKSHOP_SUMMARY_KEY, new Y.Text(backup.summary));
    for (const board of backup.boards) {
      insertBoard(doc, board.id, pickFields(board, boardFieldsSchema), board.summary);
      for (const c of board.clusters) {
        insertCluster(doc, c.id, { ...pickFields(c, clusterFieldsSchema), boardId: board.id });
      }
      for (const note of board.notes) writeBackupNote(doc, note);
    }
    for (const note of backup.orphanNotes) writeBackupNote(doc, note);
  });
}
