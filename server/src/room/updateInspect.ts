/**
 * Whether an update would change a document, without applying it: some struct
 * the document does not have yet, or some deletion of an item not yet deleted.
 * Used for refused (viewer) writes, so that a viewer's SyncStep2 — which always
 * repeats the whole delete set — is not mistaken for an attempted edit.
 */
import * as Y from 'yjs';
import type { Decoded } from './updateGuard.ts';

export function updateWouldChange(doc: Y.Doc, { structs, ds }: Decoded): boolean {
  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue;
    if (struct.id.clock + struct.length > Y.getState(doc.store, struct.id.client)) return true;
  }
  for (const [client, ranges] of ds.clients) {
    const known = doc.store.clients.get(client);
    const state = Y.getState(doc.store, client);
    for (const range of ranges) {
      const end = range.clock + range.len;
      if (!known || end > state) return true;
      let index = Y.findIndexSS(known, range.clock);
      while (index < known.length) {
        const struct = known[index]!;
        if (struct.id.clock >= end) break;
        if (!struct.deleted) return true;
        index += 1;
      }
    }
  }
  return false;
}
