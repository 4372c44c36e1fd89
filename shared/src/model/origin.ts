/**
 * Typed transaction origins.
 *
 * Every `doc.transact(fn, origin)` in Pinnwand passes one of these, so that the
 * code listening to the document can branch on who made a change: the undo
 * manager tracks only the local person's origin (undo never takes back someone
 * else's note), the server persists everything but does not echo an update back
 * to the socket it came from, and the UI can tell its own edits from others'.
 *
 * `Y.UndoManager` matches `trackedOrigins` by object identity. A local origin is
 * therefore interned: `localOrigin(userId)` returns the same frozen object every
 * time for the same user, so every operation a person triggers — from the
 * toolbar, a shortcut or a text editor binding — is undoable by that person's
 * undo manager without anyone having to thread one object through the app.
 *
 * Origins set by libraries (y-websocket passes its provider object, y-protocols
 * passes whatever the server hands it) are not `TransactionOrigin`s;
 * `originKind` reports them as 'unknown' instead of guessing.
 */
import type { Transaction } from 'yjs';
import type { ParticipantId } from './ids.ts';

/** A change made by the person using this client (or a script acting for them). */
export interface LocalOrigin {
  readonly kind: 'local';
  readonly userId: ParticipantId;
}
/** An update received from another peer and applied here. */
export interface RemoteOrigin {
  readonly kind: 'remote';
}
/** A change the server makes on its own (creating a workshop, housekeeping). */
export interface ServerOrigin {
  readonly kind: 'server';
}
/** Content loaded from a file or the structured-results format. */
export interface ImportOrigin {
  readonly kind: 'import';
}
/** A schema migration run when an older document is opened. */
export interface MigrationOrigin {
  readonly kind: 'migration';
}

export type TransactionOrigin =
  | LocalOrigin
  | RemoteOrigin
  | ServerOrigin
  | ImportOrigin
  | MigrationOrigin;

export type OriginKind = TransactionOrigin['kind'];

export const REMOTE_ORIGIN: RemoteOrigin = Object.freeze({ kind: 'remote' });
export const SERVER_ORIGIN: ServerOrigin = Object.freeze({ kind: 'server' });
export const IMPORT_ORIGIN: ImportOrigin = Object.freeze({ kind: 'import' });
export const MIGRATION_ORIGIN: MigrationOrigin = Object.freeze({ kind: 'migration' });

// Interning table: one origin object per user id for the lifetime of the
// process. It holds only tiny frozen objects, one per person who used this
// client (or, on a server, per person the server acts for).
const localOrigins = new Map<string, LocalOrigin>();

/**
 * The origin of everything `userId` does on this client. Always the same object
 * for the same id, so it can be used as a `Y.UndoManager` tracked origin.
 */
export function localOrigin(userId: ParticipantId): LocalOrigin {
  let origin = localOrigins.get(userId);
  if (!origin) {
    origin = Object.freeze({ kind: 'local', userId });
    localOrigins.set(userId, origin);
  }
  return origin;
}

const KINDS: ReadonlySet<string> = new Set<OriginKind>([
  'local',
  'remote',
  'server',
  'import',
  'migration',
]);

export function isTransactionOrigin(value: unknown): value is TransactionOrigin {
  if (typeof value !== 'object' || value === null) return false;
  const kind = (value as { kind?: unknown }).kind;
  if (typeof kind !== 'string' || !KINDS.has(kind)) return false;
  return kind !== 'local' || typeof (value as { userId?: unknown }).userId === 'string';
}

/** The kind of a transaction's origin; 'unknown' for library-set origins (providers). */
export function originKind(origin: unknown): OriginKind | 'unknown' {
  return isTransactionOrigin(origin) ? origin.kind : 'unknown';
}

/** The typed origin of a transaction, or null when a library set it. */
export function originOf(transaction: Transaction): TransactionOrigin | null {
  const origin: unknown = transaction.origin;
  return isTransactionOrigin(origin) ? origin : null;
}

/** True when the change was made by this person on this client (optionally: by `userId`). */
export function isLocalOrigin(origin: unknown, userId?: ParticipantId): origin is LocalOrigin {
  return (
    isTransactionOrigin(origin) &&
    origin.kind === 'local' &&
    (userId === undefined || origin.userId === userId)
  );
}
