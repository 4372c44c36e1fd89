/**
 * What an import will create, before it touches the document. Every format's
 * parser turns a file into an ImportPlan (or one error message that names the
 * line or field at fault); only a valid plan is applied, in one transaction
 * (applyImport.ts). So a broken file creates nothing, and the import dialog
 * can show the plan as a preview before the facilitator commits.
 */
import { z } from 'zod';
import { NOTE_TEXT_MAX } from '../model/note.ts';

export const IMPORT_FORMATS = ['text', 'csv', 'md', 'structured', 'json'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export const importFormatSchema = z.enum(IMPORT_FORMATS);

/** Limits that keep one import from flooding a live workshop. */
export const IMPORT_LIMITS = {
  /** Notes in one import. */
  notes: 5000,
  /** Characters in one note's text. */
  noteText: NOTE_TEXT_MAX,
  /** Characters in a title or question. */
  title: 500,
  /** Characters in a summary. */
  summary: 20_000,
  /** Boards in one import. */
  boards: 50,
  /** People's vote entries on one note of a backup (a workshop issues at most 500 identities by default). */
  votesPerNote: 500,
} as const;

/**
 * The shape a backup's JSON text may have before it is parsed at all
 * (jsonShape.ts): the limits above, as bounds on nesting, objects, lists and
 * strings. Far above the real OZG workshop (shared/fixtures, 94 notes,
 * 7.5 KB), far below what would stall a server.
 */
export const BACKUP_SHAPE_LIMITS = {
  depth: 16,
  objectMembers: 2 * IMPORT_LIMITS.votesPerNote,
  arrayElements: IMPORT_LIMITS.notes,
  stringLength: IMPORT_LIMITS.summary,
} as const;

/**
 * The shape a structured-results file (structuredResults.ts) may have before
 * it is parsed: workshop → boards → board → clusters → cluster → notes is six
 * levels, two spare; the workshop object has eleven known fields, a board five
 * and a cluster two, so a few dozen leave room for fields other tools add
 * (ignored) but not for a stuffed object; no list can hold more than all
 * notes; no text is longer than a summary.
 */
export const STRUCTURED_SHAPE_LIMITS = {
  depth: 8,
  objectMembers: 64,
  arrayElements: IMPORT_LIMITS.notes,
  stringLength: IMPORT_LIMITS.summary,
} as const;

export interface PlannedNote {
  text: string;
  /** Vote total to record (attributed to no one in particular). */
  votes?: number;
  /** Votes per participant, from a backup (wins over `votes`). */
  votesByParticipant?: Record<string, number>;
  author?: string;
  authorId?: string;
  color?: string;
  createdAt?: number;
  /** Place in the board's drawing order from a backup (model/note.ts `layer`); absent: creation order. */
  layer?: number;
  /** Position from a backup; laid out in a grid when absent. */
  x?: number;
  y?: number;
}

export interface PlannedCluster {
  title: string;
  notes: PlannedNote[];
  /** Frame from a backup; fitted around a grid of its notes when absent. */
  frame?: { x: number; y: number; width: number; height: number };
}

export interface PlannedBoard {
  title: string;
  question: string;
  clusters: PlannedCluster[];
  /** Notes in no cluster. */
  notes: PlannedNote[];
  summary: string;
  locked?: boolean;
}

export interface ImportPlan {
  format: ImportFormat;
  /** The workshop title the file carries, if any. */
  title?: string;
  license?: string;
  boards: PlannedBoard[];
  /** The workshop summary the file carries ('' when none). */
  summary: string;
}

export type ParseResult = { ok: true; plan: ImportPlan } | { ok: false; error: string };

export function parseFailure(error: string): ParseResult {
  return { ok: false, error };
}

/** An empty board of a plan, for parsers that fill one. */
export function emptyBoard(title = '', question = ''): PlannedBoard {
  return { title, question, clusters: [], notes: [], summary: '' };
}

export function planNotes(plan: ImportPlan): number {
  let count = 0;
  for (const board of plan.boards) {
    count += board.notes.length;
    for (const cluster of board.clusters) count += cluster.notes.length;
  }
  return count;
}

/** Checks the limits every format shares; the message names what is too large. */
export function checkLimits(plan: ImportPlan): ParseResult {
  const notes = planNotes(plan);
  if (notes > IMPORT_LIMITS.notes) {
    return parseFailure(
      `The file holds ${notes} notes; at most ${IMPORT_LIMITS.notes} can be imported at once.`,
    );
  }
  if (plan.boards.length > IMPORT_LIMITS.boards) {
    return parseFailure(
      `The file holds ${plan.boards.length} boards; at most ${IMPORT_LIMITS.boards}.`,
    );
  }
  for (const board of plan.boards) {
    const all = [...board.notes, ...board.clusters.flatMap((c) => c.notes)];
    const long = all.find((n) => n.text.length > IMPORT_LIMITS.noteText);
    if (long) {
      return parseFailure(
        `A note starting "${long.text.slice(0, 40)}…" has ${long.text.length} characters; at most ${IMPORT_LIMITS.noteText}.`,
      );
    }
  }
  return { ok: true, plan };
}

const countedSchema = z.object({ title: z.string(), notes: z.number() });

/** What an import will create; also part of the import route's answer (protocol/http.ts). */
export const importPreviewSchema = z.object({
  format: importFormatSchema,
  notes: z.number(),
  boards: z.array(countedSchema.extend({ clusters: z.array(countedSchema) })),
  /** Distinct cluster titles, in order of appearance. */
  clusters: z.array(z.string()),
  hasSummary: z.boolean(),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

/** What the import dialog shows before the facilitator commits. */
export function previewImport(plan: ImportPlan): ImportPreview {
  const clusters: string[] = [];
  for (const board of plan.boards) {
    for (const cluster of board.clusters) {
      if (!clusters.includes(cluster.title)) clusters.push(cluster.title);
    }
  }
  return {
    format: plan.format,
    notes: planNotes(plan),
    boards: plan.boards.map((b) => ({
      title: b.title,
      notes: b.notes.length + b.clusters.reduce((sum, c) => sum + c.notes.length, 0),
      clusters: b.clusters.map((c) => ({ title: c.title, notes: c.notes.length })),
    })),
    clusters,
    hasSummary: plan.summary.trim() !== '' || plan.boards.some((b) => b.summary.trim() !== ''),
  };
}
