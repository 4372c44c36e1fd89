// The one gate for note changes. Every path that creates, edits, moves or
// deletes notes — canvas, outline, paste, import, reveal, context menu, votes —
// asks here before it writes, and is told yes, no (and why, in data the UI
// phrases), or where new notes go: onto the board, or in the hidden phase into
// this device's hidden store. The rules themselves are the server's
// (@pinnwand/shared/policy/permissions, which the server's role policy asks
// too), read with the facts of this document; where notes land is
// placement.ts. Nothing else decides.
import type { BoardId, NoteId } from '@pinnwand/shared/model/ids';
import type { Note } from '@pinnwand/shared/model/note';
import {
  type Actor,
  type BoardFacts,
  type Denial,
  type FacilitatorArea,
  mayAddNote,
  mayChangeWorkshop,
  mayClearNote,
  mayDeleteNote,
  mayEditNote,
  mayMoveNoteToBoard,
  type NoteFacts,
  type Permission,
} from '@pinnwand/shared/policy/permissions';
import type { Editor } from '../editor/Editor.ts';
import { otherWriter } from '../editor/writers.ts';
import { facilitationState } from '../facilitation/useFacilitationState.ts';
import { boardMessages, message } from '../i18n/messages.ts';

/**
 * Why the gate said no: a rule's denial, a document this Pinnwand may only
 * read, a document that has not arrived yet (the server's preview is shown
 * meanwhile), or a note someone else is writing in (one writer per note).
 */
export type GateDenial =
  | Denial
  | { reason: 'newerDocument' }
  | { reason: 'loading' }
  | { reason: 'beingWritten'; name: string };

export type Verdict = { allowed: true } | { allowed: false; denial: GateDenial };

/** Where new notes go. */
export type Destination = 'board' | 'hidden';

export type CreateVerdict =
  | { allowed: true; into: Destination }
  | { allowed: false; denial: GateDenial };

/** A change asked for several notes: the ones it may touch, and why some may not be. */
export interface Sorted {
  allowed: NoteId[];
  /** The first refusal, if any note was refused. */
  denial: GateDenial | null;
}

const ALLOWED: Verdict = Object.freeze({ allowed: true });

function actorOf(editor: Editor): Actor {
  return { role: editor.role, participantId: editor.userId };
}

function boardFacts(editor: Editor, boardId: BoardId | undefined): BoardFacts | undefined {
  return editor.index.boards().find((b) => b.id === boardId);
}

function noteFacts(note: Note): NoteFacts {
  return { authorId: note.authorId, votes: note.votes.byParticipant };
}

/**
 * The document's own state comes before any rule. While the server's preview
 * stands in for it (sync/boardPreview.ts) the board can be looked at but
 * nothing changed: what is drawn is not in the document yet, so an edit would
 * act on an empty one (a new note on a board it does not have yet, a double-
 * click on a drawn note that is not there). Nothing is written into a newer
 * format either.
 */
function documentVerdict(editor: Editor): Verdict {
  if (editor.preview.get() !== null) return { allowed: false, denial: { reason: 'loading' } };
  return editor.newerDocument.get() === null
    ? ALLOWED
    : { allowed: false, denial: { reason: 'newerDocument' } };
}

/**
 * Any change at all, asked by the command registry before a command that
 * changes the workshop runs: the document's state, then this person's access
 * to the shown board (a viewer's link, a locked board). A command that names
 * its board in its argument leaves that board's lock to the rules it asks.
 */
export function mayChange(editor: Editor, options: { boardInArg?: boolean } = {}): Verdict {
  const doc = documentVerdict(editor);
  if (!doc.allowed) return doc;
  const readOnly = editor.access.get().readOnly;
  if (readOnly === null || (options.boardInArg && readOnly.kind === 'locked')) return ALLOWED;
  const reason =
    readOnly.kind === 'viewer'
      ? 'viewer'
      : readOnly.kind === 'locked'
        ? 'boardLocked'
        : 'newerDocument';
  return { allowed: false, denial: { reason } };
}

function verdictOf(permission: Permission): Verdict {
  return permission.allowed ? ALLOWED : { allowed: false, denial: permission.denial };
}

function sort(editor: Editor, ids: readonly NoteId[], rule: (note: Note) => Permission): Sorted {
  const doc = documentVerdict(editor);
  if (!doc.allowed) return { allowed: [], denial: doc.denial };
  const allowed: NoteId[] = [];
  let denial: GateDenial | null = null;
  for (const id of new Set(ids)) {
    const note = editor.index.note(id);
    if (!note) continue;
    const permission = rule(note);
    if (permission.allowed) allowed.push(id);
    else denial ??= permission.denial;
  }
  return { allowed, denial };
}

/** Whether this person may add notes to `boardId`, and where they go. */
export function mayCreateNotes(editor: Editor, boardId: BoardId): CreateVerdict {
  const doc = documentVerdict(editor);
  if (!doc.allowed) return doc;
  const actor = actorOf(editor);
  // New notes are written in this person's name (ops/noteOps: authorId = userId).
  const permission = mayAddNote(actor, {
    board: boardFacts(editor, boardId),
    authorId: actor.participantId,
  });
  if (!permission.allowed) return permission;
  // Hidden writing: new notes stay on this device until the facilitator reveals them.
  const hidden =
    facilitationState(editor).facilitation.hiddenWriting && editor.hidden.get() !== null;
  return { allowed: true, into: hidden ? 'hidden' : 'board' };
}

/** Whether new notes on `boardId` go into this device's hidden store right now. */
export function writesHidden(editor: Editor, boardId: BoardId): boolean {
  const verdict = mayCreateNotes(editor, boardId);
  return verdict.allowed && verdict.into === 'hidden';
}

/** Text, colour, position within the board, cluster. */
export function mayEditNotes(editor: Editor, ids: readonly NoteId[]): Sorted {
  const actor = actorOf(editor);
  return sort(editor, ids, (note) =>
    mayEditNote(actor, { board: boardFacts(editor, note.boardId) }),
  );
}

/** Writing `text` into a note: emptying it counts as deleting its content. */
export function maySetText(editor: Editor, id: NoteId, text: string): Verdict {
  const actor = actorOf(editor);
  const emptying = text.trim() === '' && (editor.index.note(id)?.text.trim() ?? '') !== '';
  const sorted = sort(editor, [id], (note) => {
    const board = boardFacts(editor, note.boardId);
    return emptying
      ? mayClearNote(actor, { note: noteFacts(note), board })
      : mayEditNote(actor, { board });
  });
  return sorted.denial ? { allowed: false, denial: sorted.denial } : ALLOWED;
}

/**
 * Opening an editor on a note (canvas or outline): editing must be allowed,
 * and nobody else may be writing in it — one writer per note.
 */
export function mayWrite(editor: Editor, id: NoteId): Verdict {
  const sorted = mayEditNotes(editor, [id]);
  if (sorted.denial) return { allowed: false, denial: sorted.denial };
  if (sorted.allowed.length === 0) return { allowed: false, denial: { reason: 'unknownBoard' } };
  const writer = otherWriter(editor, id);
  return writer
    ? { allowed: false, denial: { reason: 'beingWritten', name: writer.user.name } }
    : ALLOWED;
}

/** Moving notes on their board, or (with `toBoard`) onto another board. */
export function mayMoveNotes(editor: Editor, ids: readonly NoteId[], toBoard?: BoardId): Sorted {
  const actor = actorOf(editor);
  return sort(editor, ids, (note) => {
    const from = boardFacts(editor, note.boardId);
    if (toBoard === undefined || toBoard === note.boardId)
      return mayEditNote(actor, { board: from });
    return mayMoveNoteToBoard(actor, {
      note: noteFacts(note),
      from,
      to: boardFacts(editor, toBoard),
    });
  });
}

export function mayDeleteNotes(editor: Editor, ids: readonly NoteId[]): Sorted {
  const actor = actorOf(editor);
  return sort(editor, ids, (note) =>
    mayDeleteNote(actor, { note: noteFacts(note), board: boardFacts(editor, note.boardId) }),
  );
}

/** What the outline offers for one note. */
export interface NoteRights {
  canEdit: boolean;
  canDelete: boolean;
}

const NO_RIGHTS: NoteRights = Object.freeze({ canEdit: false, canDelete: false });

/**
 * The outline's question for each of its notes, judged for one state of the
 * boards (their locks), the person's role and the document's format: the same
 * rules as mayEditNotes and mayDeleteNotes, but editing is decided once per
 * board, and deleting per board plus the note's author and votes. A list of
 * thousands of notes asks this once per note instead of searching the boards
 * twice for each.
 */
export function noteRightsJudge(editor: Editor): (note: Note) => NoteRights {
  if (!documentVerdict(editor).allowed) return () => NO_RIGHTS;
  const actor = actorOf(editor);
  const boards = new Map(editor.index.boards().map((b) => [b.id, b]));
  const editable = new Map<BoardId, boolean>();
  return (note) => {
    const board = boards.get(note.boardId);
    let canEdit = editable.get(note.boardId);
    if (canEdit === undefined) {
      canEdit = mayEditNote(actor, { board }).allowed;
      editable.set(note.boardId, canEdit);
    }
    const canDelete = mayDeleteNote(actor, { note: noteFacts(note), board }).allowed;
    return { canEdit, canDelete };
  };
}

/**
 * Giving or taking back a dot: not for viewers, not on a locked board. The
 * round's own rules (open, budget, per note) are checked where the vote is
 * cast, which names the reason.
 */
export function mayVote(editor: Editor, id: NoteId): Verdict {
  const sorted = mayEditNotes(editor, [id]);
  return sorted.denial ? { allowed: false, denial: sorted.denial } : ALLOWED;
}

/** Boards, clusters, settings and summaries: the facilitator's. */
export function mayChangeStructure(editor: Editor, area: FacilitatorArea): Verdict {
  const doc = documentVerdict(editor);
  if (!doc.allowed) return doc;
  return verdictOf(mayChangeWorkshop(actorOf(editor), area));
}

/**
 * Tells the person why something was refused (a notice in their language,
 * announced to screen readers). Every refusal of the gate is said here, the
 * registry's and the commands' own alike. The same refusal again while it is
 * still on screen (a held key repeating, a second drop in a row) keeps the
 * notice up instead of announcing it anew: one message per action.
 */
export function tellRefusal(editor: Editor, denial: GateDenial): void {
  if (denial.reason === 'beingWritten') {
    editor.notices.say(message(boardMessages, 'denied.beingWritten', { name: denial.name }), {
      coalesce: true,
    });
    return;
  }
  const key =
    denial.reason === 'notOwnNote'
      ? (`denied.notOwnNote.${denial.action}` as const)
      : (`denied.${denial.reason}` as const);
  editor.notices.say(message(boardMessages, key), { coalesce: true });
}
