// One writer per note at a time. Whoever opens an editor on a note (the canvas
// editor or the outline's form) claims it in their presence (`editing`; the
// server stamps the claim's time, `editingSince`, with its own clock); the gate
// refuses anyone else an editor on a claimed note (noteGate.mayWrite), so
// honest people never type into the same text at once and characters never
// interleave.
//
// The claim ends when the writer closes the editor, leaves (awareness drops
// their state), stays idle for IDLE_MS, or hands the note over: someone who
// was refused may ask to take over ("Übernehmen", `takeover` in their
// presence); the writer's own client grants it once the writer has paused
// typing for QUIET_MS (nothing typed is lost: the canvas editor writes into the
// document as it goes, the outline saves its draft first), and the asker's
// editor opens by itself.
//
// A writer's client may not answer: its tab froze (a phone locked with the
// editor open) or it will not. So the asker also watches the note's text: once
// it has not changed for QUIET_MS + UNANSWERED_GRACE_MS since the request, the
// asker's editor opens anyway, as a claim that keeps naming the note in
// `takeover` (taken over). Such a claim beats a plain one on every device;
// the silent writer's client, when it comes back, finds it and closes its
// editor as if it had handed over (its text is in the note or saved). Other
// claims that crossed on the wire are settled the same way on every device:
// the earlier server stamp, then the lower client id
// (@pinnwand/shared/protocol/writingClaims).
import type { NoteId } from '@pinnwand/shared/model/ids';
import {
  type Claim,
  claimBeats,
  QUIET_MS,
  UNANSWERED_GRACE_MS,
} from '@pinnwand/shared/protocol/writingClaims';
import { boardMessages, message } from '../i18n/messages.ts';
import type { Peer, PresenceUser } from '../presence/presenceTypes.ts';
import { createStore, type Store } from '../ui/store.ts';
import type { Editor } from './Editor.ts';
import { closedUnderWriter, type StrayTyping } from './strayTyping.ts';

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
  /** Saves the open outline form's draft (the form stays open); set by the form while it is open. */
  saveOutlineDraft: (() => void) | null;
  /** What this person last typed and where, kept to copy if the change is refused. */
  draft: { id: NoteId; text: string } | null;
  /** Typing that has no editor to go to (an editor closed under the writer, a note held while loading). */
  stray: StrayTyping | null;
  /** This person's request to take over, while its writer's client has not answered. */
  asked: AskedTakeover | null;
}

/** A request to take over: the note's text as last seen here, and since when it stood still. */
export interface AskedTakeover {
  id: NoteId;
  text: string;
  quietSince: number;
  /** Unanswered past QUIET_MS + UNANSWERED_GRACE_MS: this person may take the note over. */
  expired: boolean;
}

export function createWriting(): Writing {
  return {
    outline: createStore<NoteId | null>(null),
    typedAt: 0,
    prompt: createStore<WriterPrompt | null>(null),
    saveOutlineDraft: null,
    draft: null,
    stray: null,
    asked: null,
  };
}

export { claimBeats, QUIET_MS, UNANSWERED_GRACE_MS };

/** The note this person writes in, on the canvas or in the outline. */
export function myClaim(editor: Editor): NoteId | null {
  return editor.editing.get() ?? editor.writing.outline.get();
}

function peerClaim(peer: Peer): Claim {
  return {
    forced: peer.takeover !== null && peer.takeover === peer.editing,
    since: peer.editingSince ?? 0,
    clientId: peer.clientId,
  };
}

/** Whether this person's unanswered request for `id` lets them take it over. */
function mayForce(editor: Editor, id: NoteId): boolean {
  const asked = editor.writing.asked;
  return asked !== null && asked.id === id && asked.expired;
}

/** This person's claim on `id` as the others see it (or will, once it is stamped); null without one. */
function myClaimOn(editor: Editor, id: NoteId): Claim | null {
  const forced = mayForce(editor, id);
  const claiming = myClaim(editor) === id;
  if (!claiming && !forced) return null;
  // Once the server relayed the claim, what others see is what counts.
  const echo = claiming ? editor.presence.ownClaimEcho() : null;
  return {
    forced: echo ? echo.takenOver : forced || editor.presence.local()?.takeover === id,
    since: echo?.since ?? Number.POSITIVE_INFINITY,
    clientId: editor.presence.clientId,
  };
}

/**
 * The other person whose claim on `id` stands, or null when nobody else writes
 * there (or this person's own claim stands against theirs).
 */
export function otherWriter(editor: Editor, id: NoteId): Peer | null {
  let best: Peer | null = null;
  let bestClaim: Claim | null = null;
  for (const peer of editor.presence.peers()) {
    if (peer.editing !== id) continue;
    const claim = peerClaim(peer);
    if (!bestClaim || claimBeats(claim, bestClaim)) {
      best = peer;
      bestClaim = claim;
    }
  }
  if (!best || !bestClaim) return null;
  const mine = myClaimOn(editor, id);
  return mine && claimBeats(mine, bestClaim) ? null : best;
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
  editor.writing.asked = {
    id: prompt.id,
    text: noteText(editor, prompt.id),
    quietSince: Date.now(),
    expired: false,
  };
  editor.writing.prompt.set({ ...prompt, asked: true });
  editor.presence.set({ takeover: prompt.id });
  check(editor);
}

/** Closes the prompt (and withdraws a request to take over). */
export function dismissWriter(editor: Editor): void {
  if (editor.writing.prompt.get()?.asked) editor.presence.set({ takeover: null });
  editor.writing.asked = null;
  editor.writing.prompt.set(null);
}

/**
 * This person's claim on `id` ended (editor closed): a request to take it over
 * that their claim still named is done, and is withdrawn.
 */
export function claimEnded(editor: Editor, id: NoteId): void {
  if (editor.writing.asked?.id === id) editor.writing.asked = null;
  if (editor.presence.local()?.takeover === id && editor.writing.prompt.get()?.id !== id)
    editor.presence.set({ takeover: null });
}

function noteText(editor: Editor, id: NoteId): string {
  return editor.index.note(id)?.text ?? '';
}

/**
 * The writer asked to hand `asked.id` over has not answered yet: the request
 * expires once the note's text has stood still for QUIET_MS plus the grace
 * (what the writer's client would have waited for, had it been listening).
 */
function watchUnanswered(editor: Editor, asked: AskedTakeover, now: number): void {
  if (asked.expired) return;
  const text = noteText(editor, asked.id);
  if (text !== asked.text) {
    asked.text = text;
    asked.quietSince = now;
  } else if (now - asked.quietSince >= QUIET_MS + UNANSWERED_GRACE_MS) {
    asked.expired = true;
  }
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
    if (other && peerClaim(other).forced && editor.presence.local()?.takeover !== mine) {
      // They asked, this client did not answer (its tab was frozen) and they
      // took the note over: hand over now, whatever was typed just before.
      release(editor);
      closedUnderWriter(
        editor,
        message(boardMessages, 'writer.handedOver', { name: other.user.name }),
      );
    } else if (other) {
      // Our claims crossed and theirs stands: stop at once and say who writes.
      release(editor);
      showWriter(editor, mine, other, 'canvas');
      closedUnderWriter(editor, message(boardMessages, 'writer.lost', { name: other.user.name }));
    } else {
      // Taken over and the silent writer is gone: an ordinary claim from now
      // on, which someone else may ask for and take over in turn.
      const peers = editor.presence.peers();
      if (editor.presence.local()?.takeover === mine && !peers.some((p) => p.editing === mine))
        editor.presence.set({ takeover: null });
      const asker = editor.presence.peers().find((p) => p.takeover === mine);
      if (asker && now - editor.writing.typedAt >= QUIET_MS) {
        release(editor);
        closedUnderWriter(
          editor,
          message(boardMessages, 'writer.handedOver', { name: asker.user.name }),
        );
      } else if (asker) {
        // Still typing while someone waits: the outline's draft goes into the
        // note as it grows, so the asker sees this client answer (the canvas
        // editor writes as it goes anyway) and does not take the note over.
        editor.writing.saveOutlineDraft?.();
      } else if (now - editor.writing.typedAt >= IDLE_MS) {
        release(editor);
        closedUnderWriter(editor, message(boardMessages, 'writer.idle'));
      }
    }
  }
  const prompt = editor.writing.prompt.get();
  const asked = editor.writing.asked;
  if (prompt?.asked && asked?.id === prompt.id) watchUnanswered(editor, asked, now);
  if (prompt && otherWriter(editor, prompt.id) === null && myClaim(editor) !== prompt.id) {
    editor.writing.prompt.set(null);
    if (prompt.asked) {
      // Granted: the request is done. Taken over: the claim keeps naming it
      // (the silent writer's client sees it as taken over) until it ends.
      const forced = mayForce(editor, prompt.id);
      if (!forced) {
        editor.writing.asked = null;
        editor.presence.set({ takeover: null });
      }
      if (editor.index.note(prompt.id)) open(editor, prompt);
      if (forced && myClaim(editor) !== prompt.id) claimEnded(editor, prompt.id);
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
