// The permission rules the gate asks, in the shape of the pure rules module
// the server will share (shared/src/policy/permissions.ts, being written):
// an actor, the facts about a note and its board, and a Permission that names
// why not. TODO(shared policy): replace this file with imports from
// @pinnwand/shared/policy/permissions once it is on main; the gate does not
// change.
import type { Role } from '@pinnwand/shared/protocol/roles';

export interface Actor {
  role: Role;
  participantId: string | null;
}

export interface BoardFacts {
  locked: boolean;
}

export interface NoteFacts {
  authorId: unknown;
  votes: Readonly<Record<string, number>>;
}

export type FacilitatorArea = 'settings' | 'boards' | 'clusters' | 'summaries';

export type Denial =
  | { reason: 'viewer' }
  | { reason: 'facilitatorOnly'; area: FacilitatorArea }
  | { reason: 'boardLocked' }
  | { reason: 'unknownBoard' }
  | { reason: 'notOwnNote'; action: 'delete' | 'clear' | 'moveBoard' }
  | { reason: 'deleteVoted' }
  | { reason: 'moveVoted' };

export type Permission = { allowed: true } | { allowed: false; denial: Denial };

export const ALLOWED: Permission = Object.freeze({ allowed: true });

const deny = (denial: Denial): Permission => ({ allowed: false, denial });

function byRole(actor: Actor): Permission | null {
  if (actor.role === 'viewer') return deny({ reason: 'viewer' });
  if (actor.role === 'facilitator') return ALLOWED;
  return null;
}

const isOwn = (actor: Actor, note: NoteFacts) =>
  actor.participantId !== null && note.authorId === actor.participantId;

const hasVotes = (note: NoteFacts, except?: string | null) =>
  Object.entries(note.votes).some(([voter, count]) => count > 0 && voter !== except);

export function mayChangeWorkshop(actor: Actor, area: FacilitatorArea): Permission {
  return byRole(actor) ?? deny({ reason: 'facilitatorOnly', area });
}

export function mayAddNote(actor: Actor, input: { board: BoardFacts | undefined }): Permission {
  const decided = byRole(actor);
  if (decided) return decided;
  if (!input.board) return deny({ reason: 'unknownBoard' });
  return input.board.locked ? deny({ reason: 'boardLocked' }) : ALLOWED;
}

export function mayEditNote(actor: Actor, input: { board: BoardFacts | undefined }): Permission {
  return byRole(actor) ?? (input.board?.locked ? deny({ reason: 'boardLocked' }) : ALLOWED);
}

export function mayClearNote(
  actor: Actor,
  input: { note: NoteFacts; board: BoardFacts | undefined },
): Permission {
  const edit = mayEditNote(actor, input);
  if (!edit.allowed || actor.role === 'facilitator') return edit;
  return isOwn(actor, input.note) ? ALLOWED : deny({ reason: 'notOwnNote', action: 'clear' });
}

export function mayDeleteNote(
  actor: Actor,
  input: { note: NoteFacts; board: BoardFacts | undefined },
): Permission {
  const edit = mayEditNote(actor, input);
  if (!edit.allowed || actor.role === 'facilitator') return edit;
  if (!isOwn(actor, input.note)) return deny({ reason: 'notOwnNote', action: 'delete' });
  if (hasVotes(input.note, actor.participantId)) return deny({ reason: 'deleteVoted' });
  return ALLOWED;
}

export function mayMoveNoteToBoard(
  actor: Actor,
  input: { note: NoteFacts; from: BoardFacts | undefined; to: BoardFacts | undefined },
): Permission {
  const decided = byRole(actor);
  if (decided) return decided;
  if (input.from?.locked || input.to?.locked) return deny({ reason: 'boardLocked' });
  if (!input.to) return deny({ reason: 'unknownBoard' });
  if (!isOwn(actor, input.note)) return deny({ reason: 'notOwnNote', action: 'moveBoard' });
  if (hasVotes(input.note)) return deny({ reason: 'moveVoted' });
  return ALLOWED;
}
