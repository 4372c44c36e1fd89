/**
 * Who may do what to a note, as one set of pure rules: the client's gate
 * (client/src/gate/noteGate.ts) asks them before it writes, and the server's
 * role policy (server/src/policy/rolePolicy.ts) asks them about every
 * transaction a participant's update makes, with the facts read from the
 * document before and after it. Each rule takes an actor and the facts, and
 * answers with a Permission that names why not (the client phrases it, the
 * server sends it in a "permission denied" message).
 *
 * Facilitators may do everything, viewers nothing. A participant may write
 * notes (in its own name, on boards that exist and are not locked), edit any
 * note's text, position, colour and cluster on an unlocked board, and
 * destroy only its own: delete it (unless it carries others' votes), empty
 * its text, move it to another board (unless it has votes).
 */
import type { Role } from '../protocol/roles.ts';

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

/** Who wrote the note is set once, when it is written. */
export type FacilitatorArea = 'settings' | 'boards' | 'clusters' | 'summaries' | 'authorship';

export type Denial =
  | { reason: 'viewer' }
  | { reason: 'facilitatorOnly'; area: FacilitatorArea }
  | { reason: 'boardLocked' }
  | { reason: 'unknownBoard' }
  | { reason: 'notOwnNote'; action: 'create' | 'delete' | 'clear' | 'moveBoard' }
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

/** A new note: `authorId` is the id it names as its writer, which must be the actor's own. */
export function mayAddNote(
  actor: Actor,
  input: { board: BoardFacts | undefined; authorId: unknown },
): Permission {
  const decided = byRole(actor);
  if (decided) return decided;
  if (!input.board) return deny({ reason: 'unknownBoard' });
  if (input.board.locked) return deny({ reason: 'boardLocked' });
  if (!isOwn(actor, { authorId: input.authorId, votes: {} })) {
    return deny({ reason: 'notOwnNote', action: 'create' });
  }
  return ALLOWED;
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
