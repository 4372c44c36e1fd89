/**
 * The app imports a file into the workshop as one update (one undo step). A
 * facilitator importing a few thousand notes must not run into the bound that
 * keeps a participant's single update cheap (MAX_UPDATE_STRUCTS): the import
 * arrives for everyone and the facilitator stays connected.
 */
import { applyImport } from '@pinnwand/shared/import/applyImport';
import { parseImport } from '@pinnwand/shared/import/importFile';
import type { BoardId } from '@pinnwand/shared/model/ids';
import { boardsMap, notesMap } from '@pinnwand/shared/model/schema';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { serverRound } from './helpers/serverRound.ts';
import { synced, waitFor } from './helpers/testServer.ts';

describe('a facilitator importing a large file', () => {
  const { start, open } = serverRound();

  it('sees 3,000 imported notes arrive for everyone and stays connected', async () => {
    const t = await start();
    const w = await t.createWorkshop();
    const facilitator = open(w.id, w.facilitatorToken);
    const viewer = open(w.id, w.viewerToken);
    await Promise.all([synced(facilitator), synced(viewer)]);
    const closes: number[] = [];
    facilitator.on('connection-close', (event: { code: number } | null) => {
      if (event) closes.push(event.code);
    });

    const lines = Array.from({ length: 3000 }, (_, i) => `Vorschlag ${i + 1}: mehr Austausch`);
    const parsed = parseImport('text', lines.join('\n'));
    if (!parsed.ok) throw new Error(parsed.error);
    const boardId = [...boardsMap(facilitator.doc).keys()][0]! as BoardId;
    const before = Y.encodeStateVector(facilitator.doc);
    applyImport(facilitator.doc, parsed.plan, { kind: 'board', boardId });
    // One update with more changes than a participant's update may carry.
    const update = Y.decodeUpdate(Y.encodeStateAsUpdate(facilitator.doc, before));
    expect(update.structs.length).toBeGreaterThan(t.config.limits.maxUpdateStructs);

    await waitFor(() => notesMap(viewer.doc).size === 3000, 30_000, 'imported notes at the viewer');
    // A later edit of the facilitator still arrives: the connection was never closed.
    facilitator.doc.transact(() => {
      const first = [...notesMap(facilitator.doc).values()][0] as Y.Map<unknown>;
      first.set('color', 'blue');
    });
    await waitFor(
      () =>
        [...notesMap(viewer.doc).values()].some(
          (n) => (n as Y.Map<unknown>).get('color') === 'blue',
        ),
      10_000,
      'a later edit',
    );
    expect(closes).toEqual([]);
  });
});
