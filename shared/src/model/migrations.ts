/**
 * Schema versioning. `meta.schemaVersion` says which format a document is in;
 * `MIGRATIONS` is the ordered list of named steps from each version to the
 * next. Only the server migrates: `openDocument` runs when a room's document
 * is built from storage (server/src/room/Room.ts), as a server change that is
 * stored and relayed like any other, so exactly one peer ever writes a
 * migration. Clients only ask `documentFormat` and, when the server's document
 * is newer than they understand, say so and open it read-only.
 *
 * - older than the code: the pending steps run, each in its own transaction
 *   with the migration origin, each bumping `schemaVersion`, so a step is
 *   never run twice on the same document;
 * - newer than the code: nothing is written and the caller gets
 *   `readOnly: true` with a message for the person, because writing with an
 *   older model could corrupt fields it does not know;
 * - empty (not created or not synced yet): nothing to do.
 *
 * Migrations must be deterministic and idempotent: if two peers ever do run
 * the same step concurrently, both write the same values and Yjs merges them.
 */
import type * as Y from 'yjs';
import { MIGRATION_ORIGIN } from './origin.ts';
import { META, metaMap, SCHEMA_VERSION } from './schema.ts';

export interface Migration {
  /** Stable name, e.g. "2-notes-z-order"; kept forever once released. */
  id: string;
  /** The version this step reads; it writes `from + 1`. */
  from: number;
  description: string;
  up(doc: Y.Doc): void;
}

/**
 * Schema v1 is the first released format, so there is nothing to migrate yet.
 * Append new steps here (never reorder or rename released ones) and bump
 * SCHEMA_VERSION in schema.ts.
 */
export const MIGRATIONS: readonly Migration[] = [];

export type OpenResult =
  | {
      readOnly: false;
      /** Ids of the migrations that ran, in order ([] when none were due). */
      migrated: string[];
    }
  | {
      readOnly: true;
      /** Why, in words for the person opening the workshop. */
      reason: string;
    };

export interface OpenOptions {
  /** For tests: a different migration list and current version. */
  migrations?: readonly Migration[];
  currentVersion?: number;
}

/** What a document's format means to this code, read without writing anything. */
export type DocumentFormat =
  /** Not created or not synced yet. */
  | { kind: 'empty' }
  | { kind: 'current' }
  /** Older: the server migrates it when the room loads. */
  | { kind: 'older'; stored: number }
  /** Newer than this code knows: open read-only, say so. */
  | { kind: 'newer'; stored: number; known: number }
  /** `schemaVersion` is not a version at all. */
  | { kind: 'unreadable'; stored: unknown };

export function documentFormat(doc: Y.Doc, options: OpenOptions = {}): DocumentFormat {
  const current = options.currentVersion ?? SCHEMA_VERSION;
  const stored = metaMap(doc).get(META.schemaVersion);
  if (stored === undefined) return { kind: 'empty' };
  if (typeof stored !== 'number' || !Number.isInteger(stored) || stored < 1)
    return { kind: 'unreadable', stored };
  if (stored > current) return { kind: 'newer', stored, known: current };
  if (stored < current) return { kind: 'older', stored };
  return { kind: 'current' };
}

export function openDocument(doc: Y.Doc, options: OpenOptions = {}): OpenResult {
  const migrations = options.migrations ?? MIGRATIONS;
  const current = options.currentVersion ?? SCHEMA_VERSION;
  const meta = metaMap(doc);
  const stored = meta.get(META.schemaVersion);
  if (stored === undefined) return { readOnly: false, migrated: [] };
  if (typeof stored !== 'number' || !Number.isInteger(stored) || stored < 1) {
    return {
      readOnly: true,
      reason: `This workshop's format version (${JSON.stringify(stored)}) is not readable. It is opened read-only so that nothing is changed.`,
    };
  }
  if (stored > current) {
    return {
      readOnly: true,
      reason: `This workshop was saved by a newer version of Pinnwand (format ${stored}; this version knows up to ${current}). It is opened read-only so that nothing is lost. Update Pinnwand to edit it.`,
    };
  }
  const migrated: string[] = [];
  for (let version = stored; version < current; version++) {
    const step = migrations.find((migration) => migration.from === version);
    if (!step) {
      return {
        readOnly: true,
        reason: `No migration from format ${version} to ${version + 1} is known. The workshop is opened read-only.`,
      };
    }
    doc.transact(() => {
      step.up(doc);
      meta.set(META.schemaVersion, version + 1);
    }, MIGRATION_ORIGIN);
    migrated.push(step.id);
  }
  return { readOnly: false, migrated };
}
