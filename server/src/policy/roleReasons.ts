/**
 * What a participant is told when the role policy refuses its change: the
 * texts of "permission denied" messages (docs/protocol.md, "Roles"), and the
 * exception that carries one out of a nested check.
 */
import type { Denial } from '@pinnwand/shared/policy/permissions';

/** The reasons sent in "permission denied" messages. */
export const RoleReason = {
  meta: (key: string) => `Only facilitators can change the workshop's settings (meta.${key}).`,
  boards: 'Only facilitators can add, delete, rename, reorder or lock boards.',
  clusters: 'Only facilitators can create, delete, rename, move or shrink clusters.',
  summaries: 'Only facilitators can write summaries.',
  identities: 'Only the server issues and revokes participant identities.',
  locked: 'This board is locked: only facilitators can change it.',
  votingClosed: 'Voting is closed.',
  notRoundBoard: 'Votes can only be given on the notes of the board the voting round is on.',
  moveVoted: 'Only facilitators can move a note that has votes to another board.',
  noParticipantKey:
    'Voting needs a participant identity the server issued (POST …/identities, then ?pkey=).',
  othersVotes: 'Votes can only be given or taken back in your own name.',
  badVote: 'A vote count must be a whole number of at least 0.',
  budget: (n: number) => `No votes left: each person has ${n} votes.`,
  noteLimit: (n: number) => `At most ${n} votes per person on one note.`,
  resetVotes: "Only facilitators can reset a note's votes.",
  deleteVoted: "Only facilitators can delete a note that carries other people's votes.",
  viewer: 'Viewers cannot change the workshop.',
  unknownRoot: 'Participants can only change boards, notes and clusters of the workshop.',
  unknownBoard: 'Notes can only be put on a board that exists.',
  badField: (key: string) =>
    `A note's ${key} must keep a value of its type (docs/design.md), within the board.`,
  textTooLong: (max: number) => `A note holds at most ${max} characters.`,
  offBoard: (key: string) => `A cluster's ${key} must stay within the board.`,
  authorship: 'Only facilitators can change who wrote a note.',
  notOwnNote: {
    create: 'Notes can only be written in your own name (authorId = your participant identity).',
    delete: "Only facilitators can delete other people's notes.",
    clear: "Only facilitators can empty other people's notes.",
    moveBoard: "Only facilitators can move other people's notes to another board.",
  },
} as const;

/** The reason sent for a shared rule's denial. */
export function reasonOf(denial: Denial): string {
  switch (denial.reason) {
    case 'viewer':
      return RoleReason.viewer;
    case 'facilitatorOnly':
      return denial.area === 'authorship' ? RoleReason.authorship : RoleReason.boards;
    case 'boardLocked':
      return RoleReason.locked;
    case 'unknownBoard':
      return RoleReason.unknownBoard;
    case 'notOwnNote':
      return RoleReason.notOwnNote[denial.action];
    case 'deleteVoted':
      return RoleReason.deleteVoted;
    case 'moveVoted':
      return RoleReason.moveVoted;
  }
}

/** Thrown by a check that found a reason to refuse; caught where the verdict is made. */
export class Refusal {
  constructor(readonly reason: string) {}
}
