import { asParticipantId, type NoteId } from '@pinnwand/shared/model/ids';
import { localOrigin } from '@pinnwand/shared/model/origin';
import { setNoteText } from '@pinnwand/shared/ops/noteOps';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mayWrite } from '../gate/noteGate.ts';
import { twoPeople } from '../testing/twoPeople.ts';
import type { Editor } from './Editor.ts';
import { askToTakeOver, claimBeats, QUIET_MS, typed, UNANSWERED_GRACE_MS } from './writers.ts';

afterEach(() => {
  vi.useRealTimers();
});

const edit = (e: Editor, id: NoteId) => {
  e.selection.set(new Set([id]));
  return e.commands.run(e, 'note.edit', id);
};

describe('one writer per note', () => {
  it('refuses an editor on a note someone else writes in, and says who', () => {
    const { a, b, note } = twoPeople();
    expect(edit(a, note)).toBe(true);
    expect(a.editing.get()).toBe(note);
    expect(mayWrite(b, note)).toEqual({
      allowed: false,
      denial: { reason: 'beingWritten', name: 'Anna' },
    });
    expect(edit(b, note)).toBe(false);
    expect(b.editing.get()).toBeNull();
    expect(b.writing.prompt.get()).toMatchObject({
      id: note,
      writer: { name: 'Anna' },
      asked: false,
    });
    // Once Anna closes her editor the note is free again.
    a.editing.set(null);
    expect(mayWrite(b, note).allowed).toBe(true);
    expect(b.writing.prompt.get()).toBeNull();
  });

  it("hands the note over when asked, once the writer pauses; the asker's editor opens", () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'setTimeout'] });
    const { a, b, note } = twoPeople();
    edit(a, note);
    edit(b, note);
    askToTakeOver(b);
    // Anna is still typing: she keeps the note.
    expect(a.editing.get()).toBe(note);
    expect(b.writing.prompt.get()?.asked).toBe(true);
    vi.advanceTimersByTime(QUIET_MS + 1100);
    expect(a.editing.get()).toBeNull();
    expect(b.editing.get()).toBe(note);
    expect(mayWrite(a, note)).toMatchObject({ allowed: false, denial: { name: 'Bernd' } });
  });

  it("opens the asker's editor anyway when the writer's client does not answer, and the writer's client hands over when it comes back", () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'setTimeout'] });
    const { ws, a, b, note, holdPresence, resumePresence } = twoPeople();
    edit(a, note);
    // Anna types, then her phone locks with the editor open: her client hears nobody.
    setNoteText(ws.doc, note, 'Idee, fast fertig', localOrigin(asParticipantId('p-a')));
    typed(a, 'Idee, fast fertig');
    holdPresence('a');
    expect(edit(b, note)).toBe(false);
    askToTakeOver(b);
    vi.advanceTimersByTime(QUIET_MS + 1100);
    // No answer yet, and the grace is not over: Bernd waits.
    expect(a.editing.get()).toBe(note);
    expect(b.editing.get()).toBeNull();
    vi.advanceTimersByTime(UNANSWERED_GRACE_MS);
    expect(b.editing.get()).toBe(note);
    expect(b.writing.prompt.get()).toBeNull();
    // Others see Bernd's claim as the one that stands.
    expect(mayWrite(b, note).allowed).toBe(true);

    // Anna's tab thaws: her editor closes, what she wrote stays in the note.
    resumePresence('a');
    expect(a.editing.get()).toBeNull();
    expect(mayWrite(a, note)).toMatchObject({ allowed: false, denial: { name: 'Bernd' } });
    expect(a.notices.current.get()?.message).toMatchObject({
      key: 'writer.handedOver',
      params: { name: 'Bernd' },
    });
    expect(b.index.note(note)?.text).toBe('Idee, fast fertig');
    // Once Anna's claim is gone, Bernd's is an ordinary one again.
    expect(b.presence.local()?.takeover).toBeNull();
    // Bernd closes his editor: the note is free for Anna.
    b.editing.set(null);
    expect(mayWrite(a, note).allowed).toBe(true);
  });

  it('does not take a note over while its writer still writes into it', () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'setTimeout'] });
    const { ws, a, b, note, holdPresence } = twoPeople();
    edit(a, note);
    // Anna's client does not hear the request, but her text keeps changing.
    holdPresence('a');
    edit(b, note);
    askToTakeOver(b);
    for (let i = 0; i < 10; i += 1) {
      vi.advanceTimersByTime(1000);
      setNoteText(ws.doc, note, `Idee ${i}`, localOrigin(asParticipantId('p-a')));
    }
    expect(b.editing.get()).toBeNull();
    expect(b.writing.prompt.get()?.asked).toBe(true);
    vi.advanceTimersByTime(QUIET_MS + UNANSWERED_GRACE_MS + 1100);
    expect(b.editing.get()).toBe(note);
  });

  it('an outline writer asked to hand over saves as they type, so the asker waits for their pause', () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'setTimeout'] });
    const { ws, a, b, note } = twoPeople();
    expect(a.commands.run(a, 'note.editInOutline', note)).toBe(true);
    // The outline's form keeps a draft; it reaches the note when saved.
    let draft = 'Idee';
    a.writing.saveOutlineDraft = () =>
      setNoteText(ws.doc, note, draft, localOrigin(asParticipantId('p-a')));
    edit(b, note);
    askToTakeOver(b);
    for (let i = 0; i < 12; i += 1) {
      draft += ` ${i}`;
      typed(a, draft);
      vi.advanceTimersByTime(500);
    }
    // Six seconds of typing: Anna keeps the note, and Bernd sees it grow.
    expect(a.writing.outline.get()).toBe(note);
    expect(b.editing.get()).toBeNull();
    expect(b.index.note(note)?.text.startsWith('Idee 0 1 2')).toBe(true);
    // She pauses: her client hands over and Bernd's editor opens.
    vi.advanceTimersByTime(QUIET_MS + 1100);
    expect(a.writing.outline.get()).toBeNull();
    expect(b.editing.get()).toBe(note);
    expect(b.index.note(note)?.text).toBe(draft);
  });

  it('settles two claims that crossed: a takeover, then the earlier stands, then the lower client id', () => {
    const claim = (since: number, clientId: number, forced = false) => ({
      forced,
      since,
      clientId,
    });
    expect(claimBeats(claim(1, 9), claim(2, 1))).toBe(true);
    expect(claimBeats(claim(2, 1), claim(2, 9))).toBe(true);
    expect(claimBeats(claim(2, 9), claim(2, 1))).toBe(false);
    expect(claimBeats(claim(5, 9, true), claim(1, 1))).toBe(true);
    expect(claimBeats(claim(1, 1), claim(5, 9, true))).toBe(false);
  });
});
