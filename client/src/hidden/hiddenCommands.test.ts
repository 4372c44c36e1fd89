// One's own hidden notes are edited and deleted by id (the outline's buttons)
// through the registry and the gate, like any note: not on a locked board.
import { setHiddenWriting } from '@pinnwand/shared/facilitation/facilitationSettings';
import { setBoardLocked } from '@pinnwand/shared/ops/boardOps';
import { ALICE, testWorkshop } from '@pinnwand/shared/testing/testWorkshop';
import { describe, expect, it } from 'vitest';
import { defaultCommands } from '../commands/defaultCommands.ts';
import { testEditor } from '../testing/testEditor.ts';
import { createStore } from '../ui/store.ts';
import type { HiddenNote, HiddenNotes } from './HiddenNotes.ts';
import { hiddenCommands } from './hiddenCommands.ts';

/** This device's hidden store without its IndexedDB (absent here): the list the commands change. */
function memoryHiddenNotes(): HiddenNotes {
  let list: HiddenNote[] = [];
  let seq = 0;
  const store = {
    all: () => list,
    add: (note: Omit<HiddenNote, 'id' | 'createdAt'>) => {
      const id = `h${++seq}`;
      list = [...list, { ...note, id, createdAt: seq }];
      return id;
    },
    update: (id: string, patch: Partial<HiddenNote>) => {
      list = list.map((n) => (n.id === id ? { ...n, ...patch } : n));
    },
    remove: (id: string) => {
      list = list.filter((n) => n.id !== id);
    },
  };
  return store as unknown as HiddenNotes;
}

function participantWritingHidden() {
  const ws = testWorkshop('blank');
  setHiddenWriting(ws.doc, true, ALICE.origin);
  const editor = testEditor(ws.doc, {
    board: ws.board,
    commands: [...defaultCommands, ...hiddenCommands],
  });
  const notes = memoryHiddenNotes();
  editor.hidden.set({ notes, composer: createStore(null) });
  const id = notes.add({ boardId: ws.board, text: 'Erste Fassung', x: 0, y: 0 });
  return { ...ws, editor, notes, id };
}

describe('hidden note commands', () => {
  it('edit and delete one of this device’s hidden notes, with an undo for the deletion', () => {
    const { editor, notes, id } = participantWritingHidden();
    expect(editor.commands.run(editor, 'hidden.setText', { id, text: 'Zweite Fassung' })).toBe(
      true,
    );
    expect(notes.all().map((n) => n.text)).toEqual(['Zweite Fassung']);
    expect(editor.commands.run(editor, 'hidden.delete', id)).toBe(true);
    expect(notes.all()).toEqual([]);
    editor.notices.current.get()?.undo?.();
    expect(notes.all().map((n) => n.text)).toEqual(['Zweite Fassung']);
  });

  it('are refused on a locked board, and say why', () => {
    const { doc, board, editor, notes, id } = participantWritingHidden();
    setBoardLocked(doc, board, true, ALICE.origin);
    expect(editor.commands.run(editor, 'hidden.setText', { id, text: 'Zweite Fassung' })).toBe(
      false,
    );
    expect(editor.commands.run(editor, 'hidden.delete', id)).toBe(false);
    expect(notes.all().map((n) => n.text)).toEqual(['Erste Fassung']);
    expect(editor.notices.current.get()?.message).toMatchObject({ key: 'denied.boardLocked' });
  });
});
