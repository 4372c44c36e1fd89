/**
 * Worker thread of BoardPreviewCache.ts: the board preview of a room whose
 * document is not built yet, from its stored bytes. Building a 5,000-note
 * document takes the better part of a second; on the event loop it held up
 * every request and socket of the server — among them the session, identity
 * and websocket of the very device waiting for this preview.
 */
import { readBoardPreview } from '@pinnwand/shared/read/boardPreview';
import * as Y from 'yjs';
import { serve } from '../storage/threads/workerProtocol.ts';

serve({
  preview: (snapshot: Uint8Array, log: Uint8Array | null): Uint8Array => {
    const doc = new Y.Doc({ gc: true });
    doc.transact(() => {
      Y.applyUpdate(doc, snapshot);
      if (log) Y.applyUpdate(doc, log);
    });
    const json = new TextEncoder().encode(JSON.stringify(readBoardPreview(doc)));
    doc.destroy();
    return json;
  },
});
