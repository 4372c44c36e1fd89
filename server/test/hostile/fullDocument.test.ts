/**
 * Issue 11, finding 4: a participant fills the document up to
 * MAX_DOCUMENT_BYTES. Participants stop FACILITATOR_RESERVE_BYTES below it,
 * so the facilitator is still admitted and can write; deleting is accepted
 * however full the document is, and once the junk is deleted, participants
 * write again. Junk under a root of their own they cannot write at all.
 */
import { localOrigin } from '@pinnwand/shared/model/origin';
import { notesMap } from '@pinnwand/shared/model/schema';
import { deleteNotes } from '@pinnwand/shared/ops/noteOps';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  forge,
  freshView,
  hostile,
  hostileRound,
  noteText,
  person,
  writeNote,
} from '../helpers/hostile.ts';
import { closeCode, connect, synced, waitFor } from '../helpers/testServer.ts';

describe('a full document', () => {
  const round = hostileRound();

  it('still lets the facilitator write, accepts deletions, and takes notes again once emptied', async () => {
    const { s } = await round.start({
      MAX_DOCUMENT_BYTES: '400000',
      FACILITATOR_RESERVE_BYTES: '150000',
    });
    const filler = await person(s, s.w.participantToken);
    await synced(filler.provider);
    const closed = closeCode(filler.provider, 30_000);
    const junk: ReturnType<typeof writeNote>[] = [];
    let code: number | null = null;
    void closed.then((c) => {
      code = c;
    });
    // Notes of the longest text a participant may write (NOTE_TEXT_MAX).
    for (let i = 0; i < 160 && code === null; i++) {
      junk.push(writeNote(s, filler, 'x'.repeat(5_000), i));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await closed).toBe(4413);

    // Participants are at their share; the facilitator, joining now, is admitted and writes.
    s.facilitator.provider.destroy();
    const facilitator = await person(s, s.w.facilitatorToken);
    await synced(facilitator.provider);
    const announcement = writeNote(s, facilitator, 'Bitte keine langen Texte');
    const view = await freshView(s);
    await waitFor(() => noteText(view, announcement) !== null, 10_000, 'the facilitator’s note');

    // The filler comes back and deletes its junk: deleting is always accepted.
    filler.provider.destroy();
    const again = connect(s.t.wsUrl, s.w.id, s.w.participantToken, new Y.Doc(), {
      pkey: filler.key,
    });
    s.providers.push(again);
    await synced(again);
    const stored = junk.filter((id) => notesMap(again.doc).has(id));
    expect(stored.length).toBeGreaterThan(0);
    deleteNotes(again.doc, stored, localOrigin(filler.id as never));
    await waitFor(() => stored.every((id) => !notesMap(view).has(id)), 10_000, 'junk deleted');

    // The document shrinks (compacted right after the deletion): participants write again.
    const text = 'Wieder Platz';
    const note = writeNote(s, s.alice, text);
    await waitFor(() => noteText(view, note) === text, 10_000, 'alice writes again');
  });

  it('a participant cannot write under a root type of its own', async () => {
    const { t, s } = await round.start();
    const junk = forge(s.alice.doc, 6_060_606);
    junk.doc.getMap('junk').set('blob', 'y'.repeat(100_000));
    const attacker = await hostile(s, s.w.participantToken);
    attacker.sendUpdate(junk.updates[0]!);
    expect(await attacker.closed).toBe(4400);
    const note = writeNote(s, s.alice, 'danach');
    const view = await freshView(s);
    await waitFor(() => noteText(view, note) === 'danach', 10_000, 'marker');
    expect(view.share.has('junk')).toBe(false);
    const stored = await t.server.services.storage.load(s.w.id);
    const doc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const u of stored.updates) Y.applyUpdate(doc, u);
    expect(doc.getMap('junk').size).toBe(0);
  });
});
