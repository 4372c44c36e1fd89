/**
 * A participant's client that skips the gate may edit any note's position and
 * colour, and grow a cluster's frame. Written with a value of the wrong type
 * (a colour that is a number, a position that is text, NaN or infinite, a
 * required field deleted, an empty cluster id) the note no longer reads as a
 * note: every board, outline and export skips it as malformed, which is
 * deleting someone else's note by the back door. An infinite frame does the
 * same to a cluster. The server refuses each such change; honest moves,
 * recolouring and growing still pass.
 */
import type { ClusterId, NoteId } from '@pinnwand/shared/model/ids';
import { localOrigin } from '@pinnwand/shared/model/origin';
import { clustersMap, notesMap } from '@pinnwand/shared/model/schema';
import { createCluster } from '@pinnwand/shared/ops/clusterOps';
import { getCluster, getNote } from '@pinnwand/shared/read/lookups';
import { describe, expect, it, vi } from 'vitest';
import type * as Y from 'yjs';
import { freshView, hostileRound, person, writeNote } from '../helpers/hostile.ts';
import { synced, waitFor } from '../helpers/testServer.ts';

type Edit = (entry: Y.Map<unknown>) => void;

const NOTE_EDITS: [string, Edit][] = [
  ['colour as a number', (m) => m.set('color', 5)],
  ['x as text', (m) => m.set('x', 'links')],
  ['x NaN', (m) => m.set('x', Number.NaN)],
  ['y infinite', (m) => m.set('y', Number.POSITIVE_INFINITY)],
  ['x beyond the board', (m) => m.set('x', 1e300)],
  ['createdAt deleted', (m) => m.delete('createdAt')],
  ['color deleted', (m) => m.delete('color')],
  ['clusterId empty', (m) => m.set('clusterId', '')],
  ['clusterId a number', (m) => m.set('clusterId', 7)],
  ['layer as text', (m) => m.set('layer', 'oben')],
  ['createdAt null', (m) => m.set('createdAt', null)],
];

const CLUSTER_EDITS: [string, Edit][] = [
  ['width infinite', (m) => m.set('width', Number.POSITIVE_INFINITY)],
  ['height beyond the board', (m) => m.set('height', 1e300)],
];

describe('malformed values in fields a participant may edit', () => {
  const round = hostileRound();

  it('are refused, so nobody makes another’s note or cluster unreadable; honest edits pass', async () => {
    // y-websocket reports "permission denied" with console.warn.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { s } = await round.start();
    const bob = await person(s, s.w.participantToken);
    await synced(bob.provider);
    const notes: NoteId[] = NOTE_EDITS.map((_, i) => writeNote(s, s.alice, `Alice ${i}`, i * 200));
    const cluster: ClusterId = createCluster(
      s.facilitator.doc,
      { boardId: s.board, title: 'Rahmen', x: 0, y: 2000 },
      localOrigin(s.facilitator.id as never),
    );
    await waitFor(
      () => notes.every((id) => notesMap(bob.doc).has(id)) && clustersMap(bob.doc).has(cluster),
      10_000,
      'notes and cluster at bob',
    );
    const before = new Map(notes.map((id) => [id, getNote(bob.doc, id)]));
    const frame = getCluster(bob.doc, cluster)!;

    NOTE_EDITS.forEach(([, edit], i) => {
      bob.doc.transact(() => edit(notesMap(bob.doc).get(notes[i]!) as Y.Map<unknown>));
    });
    for (const [, edit] of CLUSTER_EDITS) {
      bob.doc.transact(() => edit(clustersMap(bob.doc).get(cluster) as Y.Map<unknown>));
    }
    // Bob is told why, once per malformed edit, and his copy converges back.
    await waitFor(
      () =>
        warn.mock.calls.length >= NOTE_EDITS.length + CLUSTER_EDITS.length &&
        getCluster(bob.doc, cluster)?.height === frame.height,
      10_000,
      'a refusal for every malformed edit',
    );
    // Honest edits of someone else's note and frame still pass.
    const moved = notes[0]!;
    bob.doc.transact(() => {
      (clustersMap(bob.doc).get(cluster) as Y.Map<unknown>).set('height', frame.height + 132);
    });
    // Last, so that once it arrived everything before it was judged.
    bob.doc.transact(() => {
      const entry = notesMap(bob.doc).get(moved) as Y.Map<unknown>;
      entry.set('x', 4321);
      entry.set('color', 'green');
    });

    const view = await freshView(s);
    await waitFor(
      () => (notesMap(view).get(moved) as Y.Map<unknown> | undefined)?.get('x') === 4321,
      10_000,
      'bob’s honest move',
    );
    NOTE_EDITS.forEach(([label], i) => {
      const id = notes[i]!;
      const note = getNote(view, id);
      expect(note, `Alice's note after "${label}"`).toBeDefined();
      if (id !== moved) expect(note).toEqual(before.get(id));
    });
    expect(getCluster(view, cluster)).toEqual({ ...frame, height: frame.height + 132 });
  });
});
