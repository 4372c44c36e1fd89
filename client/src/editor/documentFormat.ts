// The client never migrates a document: the server does, once, when the room
// loads (server/src/room/Room.ts). Here the client only checks the format of
// what it received — on load and whenever the workshop's meta changes (the
// server may migrate after the first sync) — and opens the workshop read-only,
// saying why, when the document is newer than this code understands. An older
// document is fine to show: the server's migration is on its way.
import { documentFormat, type OpenOptions } from '@pinnwand/shared/model/migrations';
import type { Editor } from './Editor.ts';

/**
 * Keeps `editor.newerDocument` in step with the document's format; returns the
 * unsubscribe. `options`: tests pretend to know another format version.
 */
export function watchDocumentFormat(editor: Editor, options: OpenOptions = {}): () => void {
  const check = () => {
    const format = documentFormat(editor.doc, options);
    editor.newerDocument.set(
      format.kind === 'newer' || format.kind === 'unreadable' ? String(format.stored) : null,
    );
  };
  check();
  return editor.index.subscribeMeta(check);
}
