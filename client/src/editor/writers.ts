// One writer per note at a time. Whoever opens an editor on a note (the canvas
// editor or the outline's form) claims it in their presence (`editing`, with
// the time of the claim); the gate refuses anyone else an editor on a claimed
// note (noteGate.mayWrite), so honest people never type into the same text at
// once and characters never interleave.
//
// The claim ends when the writer closes the editor, leaves (awareness drops
// their state), stays idle for IDLE_MS, or hands the note over: someone who
// was refused may ask to take over ("Übernehmen", `takeover` in their
// presence); the writer's own client grants it once the writer has paused
// typing for QUIET_MS (nothing typed is lost: the canvas editor writes into the
// document as it goes, the outline saves its draft first), and the asker's
// editor opens by itself. Two claims that crossed on the wire are settled the
// same way on every device: the earlier claim, then the lower client id.
import type { NoteId } from '@pinnwand/shared/model/ids';
import { boardMessages, message } from '../i18n/messages.ts';
import type { Peer, PresenceUser } from '../presence/presenceTypes.ts';
import { createStore, type Store } from '../ui/store.ts';
import type { Editor } from './Editor.ts';
import { closedUnderWriter, type StrayTyping } from './strayTyping.ts';

/** A writer who was asked to hand over hands over after this pause in typing. */
export const QUIET_MS = 2000;
/** An editor nobody typed into for this long frees its note. */
export const IDLE_MS = 120_000;
const CHECK_MS = 1000;

/** Where the person writes: the canvas's editor or the outline's form. */
export type WritingPlace = 'canvas' | 'outline';

/** Someone else writes in a note this person wanted to write in. */
export interface WriterPrompt {
  id: NoteId;
  writer: PresenceUser;
  /** This person asked the writer to hand the note over. */
  asked: boolean;
  from: WritingPlace;
}

export interface Writing {
  /** The note whose outline form is open (a claim like the canvas editor's). */
  outline: Store<NoteId | null>;
  /** When this person last typed into the note they write in (local clock). */
  typedAt: number;
  /** A refused editor: who writes there, and whether this person asked to take over. */
  prompt: Store<WriterPrompt | null>;
  /** Saves the open outline form's draft; set by the form while it is open. */
  saveOutlineDraft: (() => void) | null;
  /** What this person last typed and where, kept to copy if the change is refused. */
  draft: { id: NoteId; text: string } | null;
  /** Typing that has no editor to go to (an editor closed under the writer, a note held while loading). */
  stray: StrayTyping | null;
}

export function createWriting(): Writing {
  return {
    outline: createStore<NoteId | null>(null),
    typedAt: 0,
    prompt: createStore<WriterPrompt | null>(null),
    saveOutlineDraft: null,
    draft: null,
    stray: null,
  };
}

interface Claim {
  since: number;
  clientId: number;
}

/** True when claim `a` stands against claim `b`: the earlier one, then the lower client id. */
export function claimBeats(a: Claim, b: Claim): boolean {
  return a.since !== b.since ? a.since < b.since : a.clientId < b.clientId;
}

/** The note this person writes in, on the canvas or in the outline. */
export function myClaim(editor: Editor): NoteId | null {
  return editor.editing.get() ?? editor.writing.outline.get();
}

function myClaimInfo(editor: Editor): Claim {
  return {
    since: editor.presence.local()?.editingSince ?? Number.POSITIVE_INFINITY,
    clientId: editor.presence.clientId,
  };
}

/**
 * The other person whose claim on `id` stands, or null when nobody else writes
 * there (or this person's own claim stands against theirs).
 */
export function otherWriter(editor: Editor, id: NoteId): Peer | null {
  let best: Peer | null = null;
  for (const peer of editor.presence.peers()) {
    if (peer.editing !== id) continue;
    const claim = { since: peer.editingSince ?? 0, clientId: peer.clientId };
    if (!best || claimBeats(claim, { since: best.editingSince ?? 0, clientId: best.clientId }))
      best = peer;
  }
  if (!best) return null;
  if (myClaim(editor) === id) {
    const theirs = { since: best.editingSince ?? 0, clientId: best.clientId };
    if (claimBeats(myClaimInfo(editor), theirs)) return null;
  }
  return best;
}

/** Called on every keystroke in the note being written, with the text as it now reads. */
export function typed(editor: Editor, text?: string): void {
  editor.writing.typedAt = Date.now();
  const id = myClaim(editor);
  if (id && text !== undefined) editor.writing.draft = { id, text };
}

/** Shows who writes in `id`, so this person may ask to take over. */
export function showWriter(editor: Editor, id: NoteId, writer: Peer, from: WritingPlace): void {
  editor.writing.prompt.set({ id, writer: writer.user, asked: false, from });
}

/** "Übernehmen": asks the writer of the prompted note to hand it over. */
export function askToTakeOver(editor: Editor): void {
  const prompt = editor.writing.prompt.get();
  if (!prompt) return;
  editor.writing.prompt.set({ ...prompt, asked: true });
  editor.presence.set({ takeover: prompt.id });
  check(editor);
}

/** Closes the prompt (and withdraws a request to take over). */
export function dismissWriter(editor: Editor): void {
  if (editor.writing.prompt.get()?.asked) editor.presence.set({ takeover: null });
  editor.writing.prompt.set(null);
}

/** Ends this person's claim; what they wrote stays (the outline's draft is saved). */
function release(editor: Editor): void {
  if (editor.editing.get()) editor.editing.set(null);
  if (editor.writing.outline.get()) {
    editor.writing.saveOutlineDraft?.();
    editor.writing.outline.set(null);
  }
}

/** Opens the editor the person asked for, where they asked for it. */
function open(editor: Editor, prompt: WriterPrompt): void {
  if (prompt.from === 'outline') {
    editor.commands.run(editor, 'note.editInOutline', prompt.id);
    return;
  }
  // `note.edit` edits the one selected note.
  editor.selection.set(new Set([prompt.id]));
  editor.commands.run(editor, 'note.edit', prompt.id);
}

/** One look at the claims: conflicts, requests to hand over, idle editors, a granted request. */
function check(editor: Editor): void {
  const now = Date.now();
  const mine = myClaim(editor);
  if (mine) {
    const other = otherWriter(editor, mine);
    if (other) {
      // Our claims crossed and theirs stands: stop at once and say who writes.
      release(editor);
      showWriter(editor, mine, other, 'canvas');
      closedUnderWriter(editor, message(boardMessages, 'writer.lost', { name: other.user.name }));
    } else {
      const asker = editor.presence.peers().find((p) => p.takeover === mine);
      if (asker && now - editor.writing.typedAt >= QUIET_MS) {
        release(editor);
        closedUnderWriter(
          editor,
          message(boardMessages, 'writer.handedOver', { name: asker.user.name }),
        );
      } else if (now - editor.writing.typedAt >= IDLE_MS) {
        release(editor);
        closedUnderWriter(editor, message(boardMessages, 'writer.idle'));
      }
    }
  }
  const prompt = editor.writing.prompt.get();
  if (prompt && otherWriter(editor, prompt.id) === null && myClaim(editor) !== prompt.id) {
    editor.writing.prompt.set(null);
    if (prompt.asked) {
      editor.presence.set({ takeover: null });
      if (editor.index.note(prompt.id)) open(editor, prompt);
    }
  }
}

/** Keeps the claims honest while the workshop is open; returns the cleanup. */
export function watchWriters(editor: Editor): () => void {
  const unsubscribe = editor.presence.subscribe(() => check(editor));
  const timer = setInterval(() => check(editor), CHECK_MS);
  return () => {
    unsubscribe();
    clearInterval(timer);
  };
}
