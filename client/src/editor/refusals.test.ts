import type { NoteId } from '@pinnwand/shared/model/ids';
import { testWorkshop } from '@pinnwand/shared/testing/testWorkshop';
import { afterEach, describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import { defaultCommands } from '../commands/defaultCommands.ts';
import { createStore } from '../ui/store.ts';
import { createEditor, type Editor } from './Editor.ts';
import { announceRefusals } from './refusals.ts';

let editor: Editor | null = null;
afterEach(() => editor?.destroy());

function setup() {
  const ws = testWorkshop();
  editor = createEditor({
    workshopId: 'w',
    doc: ws.doc,
    awareness: new Awareness(ws.doc),
    role: 'participant',
    commands: defaultCommands,
    identity: { id: 'p-me', name: 'Me', color: '#123456' },
    narrowScreen: false,
  });
  return editor;
}

describe('refusals are told with the text to copy', () => {
  it('a refused change offers what was just typed', () => {
    const e = setup();
    const refused = createStore<{ reason: string; seq: number } | null>(null);
    const stop = announceRefusals(e, refused);
    e.writing.draft = { id: 'n1' as NoteId, text: 'Mein Gedanke' };
    e.writing.typedAt = Date.now();
    refused.set({ reason: 'policy', seq: 1 });
    expect(e.notices.current.get()).toMatchObject({
      message: { key: 'server.refused' },
      kept: 'Mein Gedanke',
    });
    stop();
  });

  it('a refused presence update says nothing', () => {
    const e = setup();
    const refused = createStore<{ reason: string; seq: number } | null>(null);
    const stop = announceRefusals(e, refused);
    refused.set({ reason: 'awareness-flood', seq: 1 });
    expect(e.notices.current.get()).toBeNull();
    stop();
  });
});
