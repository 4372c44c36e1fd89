/**
 * Server-enforced roles: what a participant's connection may change in the
 * workshop document. Facilitators may change everything; viewers nothing (the
 * `viewerReadOnly` policy drops their updates before they are applied).
 *
 * The rules look only at what the transaction that applied a participant's
 * update actually touched (`transaction.changed`, values before/after from the
 * items), never at fields a client wrote about itself. A participant may:
 *
 * - write notes in its own name (`authorId` = the participant id bound to its
 *   connection) on boards that exist and are not locked; edit any note's
 *   text, position, colour and cluster on unlocked boards; delete, empty or
 *   move to another board only its own notes — the rules of
 *   @pinnwand/shared/policy/permissions, which the client's gate asks too;
 * - give and take back votes in its own name (the `votes` entry keyed by the
 *   participant id bound to its connection, see
 *   @pinnwand/shared/policy/participantId) while a round is open, on the
 *   notes of the round's board, within `maxVotesPerNote` per note and
 *   `votesPerPerson` on that board;
 * - grow a cluster's frame (width/height only upwards), which sorting a note
 *   into a full cluster does.
 *
 * Everything else is refused: any change to `meta` (title, settings, voting
 * rounds, timer, phase, reveal), to `boards` (add, delete, rename, question,
 * order, lock), to clusters (create, delete, rename, move, reorder, shrink), to
 * `summaries`, anything touching a locked board, deleting a note that carries
 * someone else's votes or moving a voted note to another board, changing who
 * wrote a note, replacing or deleting a note's votes map, and anything under a
 * root type the schema does not know (`writableRoot` refuses new content there
 * before the update is applied; deletions there are refused here). Votes that arrive with a new note (an undone
 * delete restores them) are judged like any vote. A refusal makes the room
 * revert the whole transaction (see room/updatePolicy.ts) and tell the client
 * the first reason found. docs/protocol.md ("Roles") is the prose version.
 *
 * Cost: linear in what the transaction changed. Each changed type's chain to
 * its root is walked once (nesting depth is bounded by the update guard).
 */
import { acceptsClusterField } from '@pinnwand/shared/model/cluster';
import { acceptsNoteField, NOTE_TEXT_MAX } from '@pinnwand/shared/model/note';
import { BOARD, boardsMap, CLUSTER, NOTE, notesMap, ROOT } from '@pinnwand/shared/model/schema';
import { voteCountSchema } from '@pinnwand/shared/model/vote';
import {
  type Actor,
  type BoardFacts,
  mayAddNote,
  mayClearNote,
  mayDeleteNote,
  mayMoveNoteToBoard,
  type NoteFacts,
  type Permission,
} from '@pinnwand/shared/policy/permissions';
import type { Role } from '@pinnwand/shared/protocol/roles';
import * as Y from 'yjs';
// Types only: room/updatePolicy.ts registers this policy, so no runtime import back.
import type { CheckContext, UpdatePolicy, Verdict } from '../room/updatePolicy.ts';
import { Refusal, RoleReason, reasonOf } from './roleReasons.ts';
import {
  entriesBefore,
  existsNow,
  textBefore,
  textOf,
  valueAfter,
  valueBefore,
  valuesAround,
} from './transactionValues.ts';
import { rootNames, rootRank, SCHEMA_ROOTS, typeChain } from './typeChain.ts';
import { countOf, VoteLedger } from './voteLedger.ts';

const ALLOW: Verdict = Object.freeze({ allow: true });
const refuse = (reason: string): Verdict => ({ allow: false, reason });

export const rolePolicy: UpdatePolicy = {
  name: 'roles',
  writableRoot(role: Role, name: string) {
    return role === 'facilitator' || (role === 'participant' && SCHEMA_ROOTS.has(name));
  },
  check(ctx) {
    if (ctx.role === 'facilitator') return ALLOW;
    if (ctx.role !== 'participant') return refuse(RoleReason.viewer);
    return new ParticipantCheck(ctx).run();
  },
};

class ParticipantCheck {
  private readonly tr: Y.Transaction;
  private readonly doc: Y.Doc;
  private readonly participantId: string | null;
  private readonly actor: Actor;
  private readonly votes: VoteLedger;

  constructor(ctx: CheckContext) {
    this.tr = ctx.transaction;
    this.doc = ctx.doc;
    this.participantId = ctx.participantId;
    this.actor = { role: ctx.role, participantId: ctx.participantId };
    this.votes = new VoteLedger(ctx.doc, ctx.participantId);
  }

  run(): Verdict {
    try {
      // Each changed type's chain is computed once; structure first (rootRank).
      const roots = rootNames(this.doc);
      const changed = [...this.tr.changed].map(([type, keys]) => {
        const chain = typeChain(type as Y.AbstractType<unknown>);
        const root = roots.get(chain[0]!) ?? null;
        return { chain, keys, root, rank: rootRank(root) };
      });
      changed.sort((a, b) => a.rank - b.rank);
      for (const { chain, keys, root } of changed) this.checkType(root, chain, keys);
      this.votes.check();
      return ALLOW;
    } catch (err) {
      if (err instanceof Refusal) return refuse(err.reason);
      throw err;
    }
  }

  private checkType(
    root: string | null,
    chain: Y.AbstractType<unknown>[],
    keys: Set<string | null>,
  ): void {
    switch (root) {
      case ROOT.meta:
        throw new Refusal(
          RoleReason.meta(chain[1]?._item?.parentSub ?? [...keys].find((k) => k !== null) ?? '?'),
        );
      case ROOT.boards:
        throw new Refusal(RoleReason.boards);
      case ROOT.summaries:
        throw new Refusal(RoleReason.summaries);
      case ROOT.identities:
        throw new Refusal(RoleReason.identities);
      case ROOT.clusters:
        this.checkCluster(chain, keys);
        return;
      case ROOT.notes:
        this.checkNotes(chain, keys);
        return;
      default:
        // A root the schema does not know (new content there never got this far).
        throw new Refusal(RoleReason.unknownRoot);
    }
  }

  /** Allows or throws the reason of a shared rule's denial. */
  private require(permission: Permission): void {
    if (!permission.allowed) throw new Refusal(reasonOf(permission.denial));
  }

  // --- clusters ---------------------------------------------------------------

  private checkCluster(chain: Y.AbstractType<unknown>[], keys: Set<string | null>): void {
    const cluster = chain[1];
    // Adding or removing a cluster (chain.length 1), or anything nested inside one.
    if (chain.length !== 2 || !(cluster instanceof Y.Map)) throw new Refusal(RoleReason.clusters);
    const map = cluster as Y.Map<unknown>;
    for (const key of keys) {
      if (key !== CLUSTER.width && key !== CLUSTER.height) throw new Refusal(RoleReason.clusters);
      const before = valueBefore(map, key, this.tr);
      const after = valueAfter(map, key);
      const grows = typeof before === 'number' && typeof after === 'number' && after >= before;
      if (!grows) throw new Refusal(RoleReason.clusters);
      if (!acceptsClusterField(key, after)) throw new Refusal(RoleReason.offBoard(key));
    }
    this.refuseIfLocked(valuesAround(map, CLUSTER.boardId, this.tr));
  }

  // --- notes ------------------------------------------------------------------

  private checkNotes(chain: Y.AbstractType<unknown>[], keys: Set<string | null>): void {
    if (chain.length === 1) {
      for (const key of keys) if (key !== null) this.checkNoteEntry(key);
      return;
    }
    const note = chain[1];
    if (!(note instanceof Y.Map)) return; // inside a malformed (non-map) entry
    const noteMap = note as Y.Map<unknown>;
    const noteId = noteMap._item?.parentSub;
    if (!noteId) return;
    this.refuseIfLocked(valuesAround(noteMap, NOTE.boardId, this.tr));
    if (chain.length === 2) {
      if (keys.has(NOTE.votes)) this.checkVotesReplaced(noteId, noteMap);
      if (keys.has(NOTE.boardId)) this.checkBoardChange(noteMap);
      if (keys.has(NOTE.authorId) || keys.has(NOTE.author)) this.checkAuthorship(noteMap);
      if (keys.has(NOTE.text)) {
        this.checkCleared(noteMap, () => textOf(valueBefore(noteMap, NOTE.text, this.tr), this.tr));
        const text = valueAfter(noteMap, NOTE.text);
        if (text instanceof Y.Text) this.checkTextLength(text, () => 0);
      }
      // Last, so that the rules above give their more precise reasons first.
      this.checkFieldValues(noteMap, keys);
      return;
    }
    const inner = chain[2];
    if (chain.length === 3 && inner?._item?.parentSub === NOTE.votes && inner instanceof Y.Map) {
      this.checkVoteEntries(noteId, inner as Y.Map<unknown>, keys);
    }
    if (chain.length === 3 && inner?._item?.parentSub === NOTE.text && inner instanceof Y.Text) {
      this.checkCleared(noteMap, () => textBefore(inner, this.tr));
      this.checkTextLength(inner, () => textBefore(inner, this.tr).length);
    }
    // Otherwise another field's content: allowed on unlocked boards.
  }

  /** The note as it was before the transaction, for the shared rules. */
  private factsBefore(note: Y.Map<unknown>): NoteFacts {
    const votes: Record<string, number> = {};
    const map = valueBefore(note, NOTE.votes, this.tr);
    if (map instanceof Y.Map) {
      for (const [voter, value] of entriesBefore(map as Y.Map<unknown>, this.tr)) {
        votes[voter] = countOf(value);
      }
    }
    return { authorId: valueBefore(note, NOTE.authorId, this.tr), votes };
  }

  /** A board as it is now; undefined when there is no such board. */
  private boardFacts(id: unknown): BoardFacts | undefined {
    if (typeof id !== 'string') return undefined;
    const board = boardsMap(this.doc).get(id);
    return board instanceof Y.Map ? { locked: board.get(BOARD.locked) === true } : undefined;
  }

  /** A whole note added, deleted or replaced. */
  private checkNoteEntry(noteId: string): void {
    const root = notesMap(this.doc);
    const before = valueBefore(root, noteId, this.tr);
    const after = valueAfter(root, noteId);
    if (before === after) return;
    if (before instanceof Y.Map) {
      const old = before as Y.Map<unknown>;
      const board = valueBefore(old, NOTE.boardId, this.tr);
      this.refuseIfLocked([board]);
      const note = this.factsBefore(old);
      this.require(mayDeleteNote(this.actor, { note, board: this.boardFacts(board) }));
      // Its own votes go with it (the shared rule refused others'): frees budget.
      const own = this.participantId === null ? 0 : (note.votes[this.participantId] ?? 0);
      if (own > 0) this.votes.record(noteId, [board], own, 0, true);
    }
    if (after instanceof Y.Map) {
      const added = after as Y.Map<unknown>;
      const board = added.get(NOTE.boardId);
      this.refuseIfLocked([board]);
      this.require(
        mayAddNote(this.actor, {
          board: this.boardFacts(board),
          authorId: added.get(NOTE.authorId),
        }),
      );
      const text = added.get(NOTE.text);
      if (text instanceof Y.Text) this.checkTextLength(text, () => 0);
      // Votes arriving with a note (an undone delete brings them back) are judged like any vote.
      const votes = added.get(NOTE.votes);
      if (votes instanceof Y.Map && votes.size > 0) {
        const map = votes as Y.Map<unknown>;
        this.checkVoteEntries(noteId, map, new Set(map.keys()));
      }
    }
  }

  /**
   * A note someone edits stays a note: every field it changed holds a value
   * the readers accept (a colour that is a number, a position that is text or
   * infinite would make every board and export skip the whole note), and the
   * note stays on the board (shared/model/note.ts, acceptsNoteField).
   */
  private checkFieldValues(note: Y.Map<unknown>, keys: Set<string | null>): void {
    if (!existsNow(note)) return;
    for (const key of keys) {
      if (key === null || key === NOTE.votes) continue;
      if (!acceptsNoteField(key, note.get(key))) throw new Refusal(RoleReason.badField(key));
    }
  }

  /**
   * A note's text grows to NOTE_TEXT_MAX characters at most (a longer one, say
   * a facilitator's, may still shrink). Its length now is known at once; the
   * length before (linear in the text) is read only for a text beyond the limit.
   */
  private checkTextLength(text: Y.Text, lengthBefore: () => number): void {
    if (!existsNow(text) || text.length <= NOTE_TEXT_MAX) return;
    if (text.length > lengthBefore()) throw new Refusal(RoleReason.textTooLong(NOTE_TEXT_MAX));
  }

  /** Moving a note to another board: only one's own, never one with votes (the round's budget counts one board). */
  private checkBoardChange(note: Y.Map<unknown>): void {
    const from = valueBefore(note, NOTE.boardId, this.tr);
    const to = valueAfter(note, NOTE.boardId);
    if (from === to) return;
    this.require(
      mayMoveNoteToBoard(this.actor, {
        note: this.factsBefore(note),
        from: this.boardFacts(from),
        to: this.boardFacts(to),
      }),
    );
  }

  /** Who wrote a note is set when it is written. */
  private checkAuthorship(note: Y.Map<unknown>): void {
    for (const key of [NOTE.authorId, NOTE.author]) {
      if (valueBefore(note, key, this.tr) !== valueAfter(note, key)) {
        throw new Refusal(RoleReason.authorship);
      }
    }
  }

  /**
   * Emptying a note's text (deleting all of it, or replacing the text) is
   * destroying it. A transaction that deleted nothing cannot have: the text
   * after it holds every character of the text before (typing, the common
   * case, is judged without reading the text, which is linear in its length).
   */
  private checkCleared(note: Y.Map<unknown>, textBeforeTr: () => string): void {
    if (this.tr.deleteSet.clients.size === 0) return;
    const before = textBeforeTr();
    const after = textOf(valueAfter(note, NOTE.text), null);
    if (before.trim() === '' || after.trim() !== '') return;
    const board = this.boardFacts(valueBefore(note, NOTE.boardId, this.tr));
    this.require(mayClearNote(this.actor, { note: this.factsBefore(note), board }));
  }

  /** The note's `votes` key itself changed: only creating a missing map is allowed. */
  private checkVotesReplaced(noteId: string, note: Y.Map<unknown>): void {
    if (valueBefore(note, NOTE.votes, this.tr) instanceof Y.Map) {
      throw new Refusal(RoleReason.resetVotes);
    }
    const created = valueAfter(note, NOTE.votes);
    if (created instanceof Y.Map) {
      const map = created as Y.Map<unknown>;
      this.checkVoteEntries(noteId, map, new Set(map.keys()));
    }
  }

  private checkVoteEntries(noteId: string, votes: Y.Map<unknown>, keys: Set<string | null>): void {
    for (const key of keys) {
      if (key === null) continue;
      if (this.participantId === null) throw new Refusal(RoleReason.noParticipantKey);
      if (key !== this.participantId) throw new Refusal(RoleReason.othersVotes);
      const after = valueAfter(votes, key);
      if (after !== undefined && !voteCountSchema.safeParse(after).success) {
        throw new Refusal(RoleReason.badVote);
      }
      const note = votes._item?.parent as Y.Map<unknown>;
      const boards = valuesAround(note, NOTE.boardId, this.tr);
      this.votes.record(
        noteId,
        boards,
        countOf(valueBefore(votes, key, this.tr)),
        countOf(after),
        false,
      );
    }
  }

  // --- boards -----------------------------------------------------------------

  private refuseIfLocked(boardIds: unknown[]): void {
    const boards = boardsMap(this.doc);
    for (const id of boardIds) {
      if (typeof id !== 'string') continue;
      const board = boards.get(id);
      if (board instanceof Y.Map && board.get(BOARD.locked) === true) {
        throw new Refusal(RoleReason.locked);
      }
    }
  }
}
