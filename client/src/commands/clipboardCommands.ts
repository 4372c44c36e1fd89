// Copy and paste. Pasting plain text makes one note per non-empty line (a list
// from an e-mail becomes a column of notes; list markers go); notes copied in
// Pinnwand come back with their colours and multi-line texts intact through a
// private format. The same parser serves the hidden phase.
import { isNoteColor, type NoteColor } from '@pinnwand/shared/model/colors';
import type { NoteId } from '@pinnwand/shared/model/ids';
import { addNote } from '@pinnwand/shared/ops/noteOps';
import { transact } from '@pinnwand/shared/ops/transact';
import type { Editor } from '../editor/Editor.ts';
import { mayCreateNotes, tellRefusal } from '../gate/noteGate.ts';
import { freeGrid, viewCentre } from '../gate/placement.ts';
import { addHidden } from '../hidden/hiddenWriting.ts';
import { isRecord } from '../session/storage.ts';
import type { Command } from './types.ts';

export const PINNWAND_MIME = 'application/x-pinnwand-notes';

export interface ClipNote {
  text: string;
  color: NoteColor;
}

export interface ClipboardPayload {
  text: string;
  notes?: ClipNote[];
}

/** Splits pasted plain text into note texts: one per line, blank lines dropped. */
export function linesToNotes(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/^\s*(?:[-*•–]|\d+[.)])\s+/, '').trim())
    .filter((line) => line.length > 0)
    .slice(0, 500);
}

export function parsePrivate(raw: string): ClipNote[] | null {
  try {
    const value: unknown = JSON.parse(raw);
    if (!Array.isArray(value)) return null;
    const notes = value.filter(
      (n): n is ClipNote => isRecord(n) && typeof n.text === 'string' && isNoteColor(n.color),
    );
    return notes.length > 0 ? notes.slice(0, 500) : null;
  } catch {
    return null;
  }
}

/** What a copy of the current selection puts on the clipboard. */
export function copySelection(editor: Editor): { text: string; json: string } | null {
  const notes = [...editor.selection.get()]
    .map((id) => editor.index.note(id))
    .filter((n) => n !== undefined)
    .sort((a, b) => a.y - b.y || a.x - b.x);
  if (notes.length === 0) return null;
  const clip: ClipNote[] = notes.map((n) => ({
    text: n.text,
    color: isNoteColor(n.color) ? n.color : 'yellow',
  }));
  return { text: clip.map((n) => n.text).join('\n'), json: JSON.stringify(clip) };
}

/**
 * Notes from the clipboard, one per line (or as copied in Pinnwand), laid out
 * in rows near the pointer. In the hidden phase they become hidden notes.
 */
export function pasteNotes(editor: Editor, payload: ClipboardPayload): NoteId[] {
  const boardId = editor.boardId.get();
  if (!boardId) return [];
  const notes: ClipNote[] =
    payload.notes ?? linesToNotes(payload.text).map((text) => ({ text, color: 'yellow' }));
  if (notes.length === 0) return [];
  const verdict = mayCreateNotes(editor, boardId);
  if (!verdict.allowed) {
    tellRefusal(editor, verdict.denial);
    return [];
  }
  const spots = freeGrid(editor, boardId, editor.pointer.get() ?? viewCentre(editor), notes.length);
  if (verdict.into === 'hidden') {
    addHidden(
      editor,
      boardId,
      notes.map((n) => n.text),
      spots,
    );
    return [];
  }
  const user = editor.user.get();
  const ids = transact(editor.doc, editor.origin, () =>
    notes.map((note, i) =>
      addNote(
        editor.doc,
        {
          boardId,
          x: spots[i]?.x ?? 0,
          y: spots[i]?.y ?? 0,
          text: note.text,
          color: note.color,
          author: user.name,
          authorId: editor.userId,
        },
        editor.origin,
      ),
    ),
  );
  editor.selection.set(new Set(ids));
  return ids;
}

export const copyCommand: Command = {
  id: 'clipboard.copy',
  label: 'cmd.copy',
  mutates: false,
  enabled: (e) => e.selection.get().size > 0,
  run: (e) => {
    const clip = copySelection(e);
    if (clip) void navigator.clipboard?.writeText(clip.text).catch(() => undefined);
  },
};

export const pasteCommand: Command<ClipboardPayload | undefined> = {
  id: 'clipboard.paste',
  label: 'cmd.paste',
  mutates: true,
  enabled: (e) => e.boardId.get() !== null,
  run: (e, payload) => {
    if (payload) {
      pasteNotes(e, payload);
      return;
    }
    void navigator.clipboard
      ?.readText()
      .then((text) => pasteNotes(e, { text }))
      .catch(() => undefined);
  },
};
