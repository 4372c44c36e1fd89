// Wiring hidden writing into the workshop: note creation goes to the local
// store while the phase runs, the count is published through awareness, and
// the notes are published once the phase has ended and this device is synced.

import type { BoardId } from '@pinnwand/shared/model/ids';
import { NOTE_HEIGHT, NOTE_WIDTH } from '@pinnwand/shared/model/layout';
import { spotBelow } from '../commands/outlineCommands.ts';
import type { AnyCommand } from '../commands/types.ts';
import { isTextInput } from '../commands/useKeyboardShortcuts.ts';
import type { Editor } from '../editor/Editor.ts';
import { freeSpot, viewCentre } from '../editor/placement.ts';
import { type Facilitation, publish } from '../facilitation/facilitation.ts';
import { facilitationState } from '../facilitation/useFacilitationState.ts';
import { createStore, type Store } from '../ui/store.ts';
import { HiddenNotes } from './HiddenNotes.ts';

export interface Composer {
  /** The hidden note being edited; absent for a new one. */
  id?: string;
  boardId: BoardId;
  x: number;
  y: number;
  text: string;
}

export interface HiddenWriting {
  notes: HiddenNotes;
  composer: Store<Composer | null>;
}

const registry = new WeakMap<Editor, HiddenWriting>();

export function hiddenOf(editor: Editor): HiddenWriting | undefined {
  return registry.get(editor);
}

export function hiddenActive(editor: Editor): boolean {
  return facilitationState(editor).facilitation.hiddenWriting && !editor.readOnly;
}

function hiddenNoteAt(h: HiddenWriting, boardId: string, x: number, y: number) {
  return h.notes
    .all()
    .filter((n) => n.boardId === boardId)
    .reverse()
    .find((n) => x >= n.x && x <= n.x + NOTE_WIDTH && y >= n.y && y <= n.y + NOTE_HEIGHT);
}

/** Starts hidden writing support for this workshop; returns the teardown. */
export function startHiddenWriting(f: Facilitation): () => void {
  const editor = f.editor;
  const notes = new HiddenNotes(editor.workshopId, editor.userId);
  const h: HiddenWriting = { notes, composer: createStore<Composer | null>(null) };
  registry.set(editor, h);

  // Note creation (toolbar, N, double-click, outline) goes to the composer while hidden.
  const originals = new Map<string, AnyCommand>();
  for (const id of ['note.add', 'note.addTo']) {
    const original = editor.commands.get(id);
    if (!original) continue;
    originals.set(id, original);
    editor.commands.register({
      ...original,
      run: (e: Editor, arg: unknown) => {
        if (!hiddenActive(e)) return original.run(e, arg);
        const boardId =
          id === 'note.addTo' ? (arg as { boardId: BoardId }).boardId : e.boardId.get();
        if (!boardId) return;
        if (id === 'note.addTo') {
          const at = spotBelow(e, boardId);
          const text = (arg as { text: string }).text;
          notes.add({ boardId, text, ...at });
          return;
        }
        const at = arg as { x: number; y: number } | undefined;
        if (at) {
          const existing = hiddenNoteAt(h, boardId, at.x + NOTE_WIDTH / 2, at.y + NOTE_HEIGHT / 2);
          if (existing) {
            h.composer.set({ ...existing });
            return;
          }
        }
        const spot = at ?? freeSpot(e, boardId, e.pointer.get() ?? viewCentre(e));
        h.composer.set({ boardId, x: spot.x, y: spot.y, text: '' });
      },
    } as AnyCommand);
  }

  // Pasted text becomes hidden notes too (the board would otherwise publish it).
  const onPaste = (event: ClipboardEvent) => {
    if (!hiddenActive(editor) || isTextInput(event.target) || !event.clipboardData) return;
    const boardId = editor.boardId.get();
    const text = event.clipboardData.getData('text/plain');
    if (!boardId || !text.trim()) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    const lines = text
      .split(/\r?\n\s*\r?\n|\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .slice(0, 50);
    const start = freeSpot(editor, boardId, editor.pointer.get() ?? viewCentre(editor));
    lines.forEach((line, i) => {
      notes.add({
        boardId,
        text: line,
        x: start.x + (i % 4) * 176,
        y: start.y + Math.floor(i / 4) * 136,
      });
    });
  };
  document.addEventListener('paste', onPaste, true);

  const tryPublish = () => {
    if (notes.all().length === 0) return;
    if (facilitationState(editor).facilitation.hiddenWriting) return;
    if (f.connection.status.get() !== 'connected' || !editor.index.meta().meta) return;
    notes.publish(editor);
  };
  const publishCount = () => publish(editor, { hiddenNotes: notes.all().length });
  const offNotes = notes.subscribe(() => {
    publishCount();
    tryPublish();
  });
  const offMeta = editor.index.subscribeMeta(tryPublish);
  // A participant's open composer closes when its board gets locked.
  const offBoards = editor.index.subscribeBoards(() => {
    const open = h.composer.get();
    if (!open || editor.role === 'facilitator') return;
    if (editor.index.boards().some((b) => b.id === open.boardId && b.locked)) h.composer.set(null);
  });
  const offStatus = f.connection.status.subscribe(tryPublish);
  void notes.ready.then(() => {
    publishCount();
    tryPublish();
  });

  return () => {
    document.removeEventListener('paste', onPaste, true);
    offNotes();
    offMeta();
    offBoards();
    offStatus();
    for (const [, original] of originals) editor.commands.register(original);
    registry.delete(editor);
    notes.destroy();
  };
}
