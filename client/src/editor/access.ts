// Whether this person can change the board they look at, and if not why: a
// viewer's link, a document written by a newer Pinnwand, or (participants) a
// board the facilitator locked. Derived in one place from explicit inputs, so
// nothing writes a read-only flag by hand; what each single action may do is
// the permission gate's business (gate/noteGate.ts).
import type { Board } from '@pinnwand/shared/model/board';
import type { BoardId } from '@pinnwand/shared/model/ids';
import type { Role } from '@pinnwand/shared/protocol/roles';

export type ReadOnlyReason =
  | { kind: 'viewer' }
  /** The document comes from a newer Pinnwand; `detail` is the format version it names (editor/documentFormat.ts). */
  | { kind: 'newerDocument'; detail: string }
  /** A participant looking at a board the facilitator locked. */
  | { kind: 'locked' };

export interface Access {
  /** Null when this person may change the shown board. */
  readOnly: ReadOnlyReason | null;
}

export const WRITABLE: Access = Object.freeze({ readOnly: null });

export function deriveAccess(input: {
  role: Role;
  newerDocument: string | null;
  boardId: BoardId | null;
  boards: readonly Board[];
}): Access {
  if (input.role === 'viewer') return { readOnly: { kind: 'viewer' } };
  if (input.newerDocument !== null)
    return { readOnly: { kind: 'newerDocument', detail: input.newerDocument } };
  const board = input.boards.find((b) => b.id === input.boardId);
  if (input.role !== 'facilitator' && board?.locked) return { readOnly: { kind: 'locked' } };
  return WRITABLE;
}

export function sameAccess(a: Access, b: Access): boolean {
  if (a.readOnly === null || b.readOnly === null) return a.readOnly === b.readOnly;
  if (a.readOnly.kind !== b.readOnly.kind) return false;
  return (
    a.readOnly.kind !== 'newerDocument' ||
    a.readOnly.detail === (b.readOnly as typeof a.readOnly).detail
  );
}
