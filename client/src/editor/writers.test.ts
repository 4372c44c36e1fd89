import type { NoteId } from '@pinnwand/shared/model/ids';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mayWrite } from '../gate/noteGate.ts';
import { twoPeople } from '../testing/twoPeople.ts';
import type { Editor } from './Editor.ts';
import { askToTakeOver, claimBeats, QUIET_MS } from './writers.ts';

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

  it('settles two claims that crossed: the earlier stands, then the lower client id', () => {
    expect(claimBeats({ since: 1, clientId: 9 }, { since: 2, clientId: 1 })).toBe(true);
    expect(claimBeats({ since: 2, clientId: 1 }, { since: 2, clientId: 9 })).toBe(true);
    expect(claimBeats({ since: 2, clientId: 9 }, { since: 2, clientId: 1 })).toBe(false);
  });
});
