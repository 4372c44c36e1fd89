import { META, metaMap, SCHEMA_VERSION } from '@pinnwand/shared/model/schema';
import { testWorkshop } from '@pinnwand/shared/testing/testWorkshop';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { testEditor } from '../testing/testEditor.ts';
import { watchDocumentFormat } from './documentFormat.ts';
import type { Editor } from './Editor.ts';

function open(doc: Y.Doc): { editor: Editor; writes: () => number } {
  let writes = 0;
  doc.on('update', () => writes++);
  const editor = testEditor(doc, { role: 'facilitator' });
  return { editor, writes: () => writes };
}

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
