import { META, metaMap, SCHEMA_VERSION } from '@pinnwand/shared/model/schema';
import { testWorkshop } from '@pinnwand/shared/testing/testWorkshop';
import { afterEach, describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { defaultCommands } from '../commands/defaultCommands.ts';
import { watchDocumentFormat } from './documentFormat.ts';
import { createEditor, type Editor } from './Editor.ts';

const editors: Editor[] = [];

function open(doc: Y.Doc): { editor: Editor; writes: () => number } {
  let writes = 0;
  doc.on('update', () => writes++);
  const editor = createEditor({
    workshopId: 'w',
    doc,
    commands: defaultCommands,
    awareness: new Awareness(doc),
    role: 'facilitator',
    identity: { id: 'me', name: 'Me', color: '#123456' },
    narrowScreen: false,
  });
  editors.push(editor);
  return { editor, writes: () => writes };
}

afterEach(() => {
  for (const e of editors.splice(0)) e.destroy();
});

describe('the document format check', () => {
  it('never writes: an older document is shown as it is, for the server to migrate', () => {
    const { doc } = testWorkshop();
    const { editor, writes } = open(doc);
    // This client knows a format beyond the document's.
    watchDocumentFormat(editor, { currentVersion: SCHEMA_VERSION + 1 });
    expect(writes()).toBe(0);
    expect(metaMap(doc).get(META.schemaVersion)).toBe(SCHEMA_VERSION);
    expect(editor.access.get().readOnly).toBeNull();
  });

  it('a newer document opens read-only, also when it becomes newer after loading', () => {
    const { doc } = testWorkshop();
    const { editor, writes } = open(doc);
    const stop = watchDocumentFormat(editor);
    expect(editor.access.get().readOnly).toBeNull();
    // The server (upgraded meanwhile) migrates the document to a format this client does not know.
    const server = new Y.Doc();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(doc));
    metaMap(server).set(META.schemaVersion, SCHEMA_VERSION + 1);
    const before = writes();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server, Y.encodeStateVector(doc)));
    expect(writes()).toBe(before + 1);
    expect(editor.access.get().readOnly).toEqual({
      kind: 'newerDocument',
      detail: String(SCHEMA_VERSION + 1),
    });
    stop();
  });
});
