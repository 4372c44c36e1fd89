/**
 * Issue 11, finding 1: an update that refers to clocks the server does not
 * have — a delete range over a victim's future clocks, or structs building on
 * the facilitator's next change — is never applied or kept pending. Its
 * synced sender is closed with 4400; whatever the victim writes afterwards
 * survives, and the facilitator's next change goes through as it was made.
 */

import { localOrigin } from '@pinnwand/shared/model/origin';
import { boardsMap, metaMap } from '@pinnwand/shared/model/schema';
import { addBoard, deleteBoard } from '@pinnwand/shared/ops/boardOps';
import { setWorkshopTitle } from '@pinnwand/shared/ops/workshopOps';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  deleteRangeUpdate,
  expectNotesSurvive,
  forge,
  freshView,
  hostile,
  hostileRound,
  writeNote,
} from '../helpers/hostile.ts';
import { waitFor } from '../helpers/testServer.ts';

describe('updates that refer to the future', () => {
  const round = hostileRound();

  it('a delete range over a participant’s future clocks deletes nothing it writes afterwards', async () => {
    const { s } = await round.start();
    const victim = s.alice.doc;
    const attacker = await hostile(s, s.w.participantToken);
    attacker.sendUpdate(
      deleteRangeUpdate(victim.clientID, Y.getState(victim.store, victim.clientID), 1e8),
    );
    expect(await attacker.closed).toBe(4400);
    const notes = new Map<ReturnType<typeof writeNote>, string>();
    for (let i = 0; i < 10; i++) {
      const text = `Idee ${i}`;
      notes.set(writeNote(s, s.alice, text, i * 200), text);
    }
    await expectNotesSurvive(s, notes);
  });

  it('a delete range over the facilitator’s future clocks leaves the facilitator able to write', async () => {
    const { s } = await round.start();
    const fac = s.facilitator.doc;
    const attacker = await hostile(s, s.w.participantToken);
    attacker.sendUpdate(deleteRangeUpdate(fac.clientID, Y.getState(fac.store, fac.clientID), 1e8));
    expect(await attacker.closed).toBe(4400);
    const board = addBoard(fac, { title: 'Nach dem Angriff' }, localOrigin('f' as never));
    const note = writeNote(s, s.facilitator, 'Moderation schreibt');
    const view = await freshView(s);
    await waitFor(
      () => boardsMap(view).has(board) && view.getMap('notes').has(note),
      10_000,
      'the facilitator’s board and note',
    );
  });

  it('a participant’s structs built on the facilitator’s next change do not ride in on it', async () => {
    const { s } = await round.start();
    const fac = s.facilitator.doc;
    // The attacker predicts the facilitator's next title change and overwrites it.
    const predicted = forge(fac, fac.clientID);
    setWorkshopTitle(predicted.doc, 'Titel der Moderation', localOrigin('f' as never));
    const crafted = forge(predicted.doc, 4242);
    metaMap(crafted.doc).set('title', 'RIDDEN-IN');
    const attacker = await hostile(s, s.w.participantToken);
    attacker.sendUpdate(crafted.updates[0]!);
    expect(await attacker.closed).toBe(4400);
    setWorkshopTitle(fac, 'Titel der Moderation', localOrigin('f' as never));
    const view = await freshView(s);
    await waitFor(() => metaMap(view).get('title') === 'Titel der Moderation', 10_000, 'title');
    // A later marker: the title stayed the facilitator's.
    const marker = writeNote(s, s.facilitator, 'danach');
    await waitFor(() => view.getMap('notes').has(marker), 10_000, 'marker');
    expect(metaMap(view).get('title')).toBe('Titel der Moderation');
  });

  it('a participant’s deletion of the facilitator’s next board does not ride in on it', async () => {
    const { s } = await round.start();
    const fac = s.facilitator.doc;
    const predicted = forge(fac, fac.clientID);
    const board = addBoard(predicted.doc, { title: 'Neu' }, localOrigin('f' as never));
    const crafted = forge(predicted.doc, 4343);
    deleteBoard(crafted.doc, board, localOrigin('p' as never));
    const attacker = await hostile(s, s.w.participantToken);
    attacker.sendUpdate(crafted.updates[0]!);
    expect(await attacker.closed).toBe(4400);
    // The deletion names the clocks of the board's items, whatever its id will be.
    const added = addBoard(fac, { title: 'Neu' }, localOrigin('f' as never));
    const view = await freshView(s);
    await waitFor(() => boardsMap(view).has(added), 10_000, 'the facilitator’s board');
    const marker = writeNote(s, s.facilitator, 'danach');
    await waitFor(() => view.getMap('notes').has(marker), 10_000, 'marker');
    expect(boardsMap(view).has(added)).toBe(true);
  });
});
