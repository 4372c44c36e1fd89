/**
 * A note's text had no bound but the document's: a participant could grow
 * one note to megabytes, and a PDF export lays out one note in one piece (a
 * note of a megabyte held the server's event loop for ten seconds, for every
 * workshop). Participants' notes now grow to NOTE_TEXT_MAX characters, the
 * limit imports already held them to; facilitators are not limited.
 */
import { NOTE_TEXT_MAX } from '@pinnwand/shared/model/note';
import { notesMap } from '@pinnwand/shared/model/schema';
import { getNoteText } from '@pinnwand/shared/ops/noteOps';
import { describe, expect, it, vi } from 'vitest';
import { freshView, hostileRound, noteText, writeNote } from '../helpers/hostile.ts';
import { waitFor } from '../helpers/testServer.ts';

describe('the length of a note’s text', () => {
  const round = hostileRound();

  it('grows to the limit by participants, not beyond; facilitators may write more', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { s } = await round.start();
    const alice = s.alice;
    const own = writeNote(s, alice, 'Kurz');
    const long = writeNote(s, alice, 'x'.repeat(NOTE_TEXT_MAX + 1), 200);
    getNoteText(alice.doc, own)!.insert(4, ' und noch mehr '.repeat(NOTE_TEXT_MAX / 10));
    const full = writeNote(s, alice, 'y'.repeat(NOTE_TEXT_MAX), 400);
    const facilitators = writeNote(s, s.facilitator, 'z'.repeat(3 * NOTE_TEXT_MAX), 600);
    await waitFor(() => warn.mock.calls.length >= 2, 10_000, 'two refusals');

    const view = await freshView(s);
    await waitFor(
      () => noteText(view, facilitators)?.length === 3 * NOTE_TEXT_MAX,
      10_000,
      'the facilitator’s long note',
    );
    expect(noteText(view, full)).toHaveLength(NOTE_TEXT_MAX);
    expect(noteText(view, own)).toBe('Kurz');
    expect(notesMap(view).has(long)).toBe(false);
  });
});
