/**
 * Issue 11, finding 6: valid but huge updates — tens of thousands of map sets
 * on the same keys — from one participant. One update carries at most
 * MAX_UPDATE_STRUCTS changes (more: 4400), and a connection's changes per
 * second are throttled (UPDATE_STRUCTS_PER_SECOND), not dropped: all of the
 * attacker's allowed updates arrive in the end, while another workshop's
 * edits and the honest participant's notes keep flowing meanwhile.
 */
import { notesMap } from '@pinnwand/shared/model/schema';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  bystander,
  bystanderRoundTrip,
  expectNotesSurvive,
  forge,
  freshView,
  hostile,
  hostileRound,
  writeNote,
} from '../helpers/hostile.ts';
import { waitFor } from '../helpers/testServer.ts';

describe('huge valid updates', () => {
  const round = hostileRound();

  it('are capped per update and throttled per connection; other workshops keep flowing', async () => {
    const { t, s } = await round.start();
    const other = await bystander(t, round.extra);

    // 90,000 sets on the same keys in one update: refused outright.
    const first = await hostile(s, s.w.participantToken);
    const giant = forge(s.alice.doc, 9_000_001);
    giant.doc.transact(() => {
      const note = new Y.Map<unknown>();
      notesMap(giant.doc).set('giant', note);
      note.set('boardId', s.board);
      note.set('authorId', first.participantId);
      for (let i = 0; i < 90_000; i++) note.set(`k${i % 8}`, i);
    });
    expect(giant.updates[0]!.length).toBeGreaterThan(500_000);
    first.sendUpdate(giant.updates[0]!);
    expect(await first.closed).toBe(4400);

    // Within the cap, but many of them back to back: throttled, all applied in the end.
    const second = await hostile(s, s.w.participantToken);
    const forged = forge(s.alice.doc, 9_000_002);
    let note = new Y.Map<unknown>();
    forged.doc.transact(() => {
      note = new Y.Map<unknown>();
      notesMap(forged.doc).set('busy', note);
      note.set('boardId', s.board);
      note.set('authorId', second.participantId);
    });
    const rounds = 4;
    for (let r = 0; r < rounds; r++) {
      forged.doc.transact(() => {
        for (let i = 0; i < 9_000; i++) note.set('x', r * 10_000 + i);
      });
    }
    for (const update of forged.updates) second.sendUpdate(update);
    const honest = new Map<ReturnType<typeof writeNote>, string>();
    for (let i = 0; i < 5; i++) {
      await bystanderRoundTrip(other, `during-${i}`);
      honest.set(writeNote(s, s.alice, `Ehrlich ${i}`, i * 200), `Ehrlich ${i}`);
    }
    const view = await freshView(s);
    const last = (rounds - 1) * 10_000 + 8_999;
    await waitFor(
      () => (notesMap(view).get('busy') as Y.Map<unknown> | undefined)?.get('x') === last,
      20_000,
      'every throttled update',
    );
    expect(second.ws.readyState).toBe(second.ws.OPEN);
    await expectNotesSurvive(s, honest);
  });
});
