import { asParticipantId } from '@pinnwand/shared/model/ids';
import { localOrigin } from '@pinnwand/shared/model/origin';
import { addNote } from '@pinnwand/shared/ops/noteOps';
import { testWorkshop } from '@pinnwand/shared/testing/testWorkshop';
import { describe, expect, it } from 'vitest';
import { translateIn } from '../i18n/messages.ts';
import { testEditor } from '../testing/testEditor.ts';

function deleteOneNote(narrowScreen: boolean) {
  const ws = testWorkshop();
  const editor = testEditor(ws.doc, { identity: { id: 'p-me' }, board: ws.board, narrowScreen });
  const id = addNote(
    ws.doc,
    {
      boardId: ws.board,
      x: 0,
      y: 0,
      text: 'Idee',
      author: 'Me',
      authorId: asParticipantId('p-me'),
    },
    localOrigin(asParticipantId('p-me')),
  );
  editor.selection.set(new Set([id]));
  editor.commands.run(editor, 'selection.delete');
  const said = editor.notices.current.get()?.message;
  if (!said) throw new Error('no notice');
  return (lang: 'de' | 'en') => translateIn(said.ns, lang, said.key, said.params);
}

describe('how the delete notice says to undo', () => {
  it('names the shortcut on a wide screen (not a Mac here)', () => {
    const text = deleteOneNote(false);
    expect(text('de')).toBe('Notiz gelöscht – Rückgängig (Strg+Z)');
    expect(text('en')).toBe('Note deleted – Undo (Ctrl+Z)');
  });

  it('names the toolbar’s undo button on a phone, which has no keyboard', () => {
    const text = deleteOneNote(true);
    expect(text('de')).toBe('Notiz gelöscht – Rückgängig über ↶ in der Werkzeugleiste');
    expect(text('en')).toBe('Note deleted – Undo with ↶ in the toolbar');
  });
});
