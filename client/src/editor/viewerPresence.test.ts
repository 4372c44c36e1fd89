import type { NoteId } from '@pinnwand/shared/model/ids';
import type { Role } from '@pinnwand/shared/protocol/roles';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { testEditor } from '../testing/testEditor.ts';

const editorAs = (role: Role) => testEditor(new Y.Doc(), { role });

describe('what others see of a person', () => {
  it('a participant’s selection is shown to everyone', () => {
    const editor = editorAs('participant');
    editor.selection.set(new Set(['n1' as NoteId]));
    expect(editor.presence.local()?.selection).toEqual(['n1']);
  });

  it('a viewer’s selection is not broadcast', () => {
    const editor = editorAs('viewer');
    editor.selection.set(new Set(['n1' as NoteId]));
    expect(editor.presence.local()?.selection).toEqual([]);
  });
});
