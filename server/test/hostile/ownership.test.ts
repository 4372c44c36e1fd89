/**
 * Issue 11, finding 3: a participant's client that skips the gate deletes all
 * of someone else's notes in one transaction, empties the text of someone's
 * voted note, moves someone's note to a board that does not exist, and writes
 * a note in someone else's name. The server refuses each (the same rules the
 * client's gate asks, @pinnwand/shared/policy/permissions): the honest
 * participant's notes are all still there, with their text, on their board.
 * A facilitator may delete them, and the participant its own.
 */
import { type NoteId, newId } from '@pinnwand/shared/model/ids';
import { localOrigin } from '@pinnwand/shared/model/origin';
import { notesMap } from '@pinnwand/shared/model/schema';
import { addNote, deleteNotes, getNoteText } from '@pinnwand/shared/ops/noteOps';
import { describe, expect, it, vi } from 'vitest';
import type * as Y from 'yjs';
import { freshView, hostileRound, noteText, person, writeNote } from '../helpers/hostile.ts';
import { synced, waitFor } from '../helpers/testServer.ts';

describe('ownership of destructive changes', () => {
  const round = hostileRound();

  it('a participant cannot delete, empty or move away others’ notes, nor write in their name', async () => {
    // y-websocket reports "permission denied" with console.warn.
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { s } = await round.start();
    const bob = await person(s, s.w.participantToken);
    await synced(bob.provider);
    const alices = new Map<NoteId, string>();
    for (let i = 0; i < 8; i++)
      alices.set(writeNote(s, s.alice, `Alice ${i}`, i * 200), `Alice ${i}`);
    const [voted, moved] = [...alices.keys()];
    await waitFor(
      () => [...alices.keys()].every((id) => notesMap(bob.doc).has(id)),
      10_000,
      'notes at bob',
    );
    await waitFor(
      () => notesMap(s.facilitator.doc).has(voted!),
      10_000,
      'notes at the facilitator',
    );
    (
      (notesMap(s.facilitator.doc).get(voted!) as Y.Map<unknown>).get('votes') as Y.Map<unknown>
    ).set(s.facilitator.id, 1);
    const bobOrigin = localOrigin(bob.id as never);

    deleteNotes(bob.doc, [...alices.keys()], bobOrigin);
    getNoteText(bob.doc, voted!)?.delete(0, getNoteText(bob.doc, voted!)!.length);
    (notesMap(bob.doc).get(moved!) as Y.Map<unknown> | undefined)?.set('boardId', 'no-such-board');
    const forgedNote = addNote(
      bob.doc,
      {
        boardId: s.board,
        x: 0,
        y: 400,
        text: 'Im Namen von Alice',
        author: 'Alice',
        authorId: s.alice.id as never,
      },
      bobOrigin,
    );
    const own = writeNote(s, bob, 'Bobs eigene Notiz', 600);

    const view = await freshView(s);
    await waitFor(() => noteText(view, own) === 'Bobs eigene Notiz', 10_000, 'bob’s own note');
    for (const [id, text] of alices) {
      expect(noteText(view, id), `Alice's note ${text}`).toBe(text);
      expect((notesMap(view).get(id) as Y.Map<unknown>).get('boardId')).toBe(s.board);
    }
    expect(notesMap(view).has(forgedNote)).toBe(false);

    // Bob deletes his own note; the facilitator deletes one of Alice's.
    deleteNotes(bob.doc, [own], bobOrigin);
    deleteNotes(s.facilitator.doc, [moved!], localOrigin(s.facilitator.id as never));
    const marker = writeNote(s, s.alice, `Marker ${newId()}`);
    await waitFor(() => notesMap(view).has(marker), 10_000, 'marker');
    await waitFor(
      () => !notesMap(view).has(own) && !notesMap(view).has(moved!),
      10_000,
      'deletions',
    );
    expect(noteText(view, voted!)).toBe(alices.get(voted!));
  });
});
