import type { NoteId } from '@pinnwand/shared/model/ids';
import type { Role } from '@pinnwand/shared/protocol/roles';
import { describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { createEditor } from './Editor.ts';

function editorAs(role: Role) {
  const doc = new Y.Doc();
  return createEditor({
    workshopId: 'w',
    doc,
    awareness: new Awareness(doc),
    role,
    identity: { id: 'me', name: 'Me', color: '#123456' },
    narrowScreen: false,
  });
}

describe('what others see of a person', () => {
  it('a participant’s selection is shown to everyone', () => {
    const editor = editorAs('participant');
    editor.selection.set(new Set(['n1' as NoteId]));
    expect(editor.presence.local()?.selection).toEqual(['n1']);
    editor.destroy();
  });

  it('a viewer’s selection is not broadcast', () => {
    const editor = editorAs('viewer');
    editor.selection.set(new Set(['n1' as NoteId]));
    expect(editor.presence.local()?.selection).toEqual([]);
    editor.destroy();
  });
});
