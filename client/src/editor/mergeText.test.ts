// The outline's form saves what the person changed, not the whole text: two
// people, two documents; one edits a note in the outline while offline, the
// other types into the same note online; after reconnecting and saving, both
// edits are in the note for everyone.
import { asParticipantId, type NoteId } from '@pinnwand/shared/model/ids';
import { addNote, getNoteText } from '@pinnwand/shared/ops/noteOps';
import { ALICE, testWorkshop } from '@pinnwand/shared/testing/testWorkshop';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { testEditor } from '../testing/testEditor.ts';
import { applyTextEdits, mergeText } from './mergeText.ts';

/** Two devices of one workshop; `sync` exchanges what each has that the other lacks. */
function twoDevices(text: string) {
  const ws = testWorkshop('blank');
  const note = addNote(
    ws.doc,
    { boardId: ws.board, x: 0, y: 0, text, author: 'Me', authorId: asParticipantId('me') },
    ALICE.origin,
  );
  const other = new Y.Doc();
  const sync = () => {
    Y.applyUpdate(other, Y.encodeStateAsUpdate(ws.doc, Y.encodeStateVector(other)));
    Y.applyUpdate(ws.doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(ws.doc)));
  };
  sync();
  const mine = testEditor(ws.doc, { board: ws.board });
  const textOf = (doc: Y.Doc) => getNoteText(doc, note)?.toString();
  return { mine, other, note, sync, textOf, ws };
}

describe('saving the outline form', () => {
  it('keeps an edit someone else made meanwhile elsewhere in the note', () => {
    const { mine, other, note, sync, textOf, ws } = twoDevices('Kurze Wege im Amt');
    // The form opens on this device; then it goes offline while the person writes.
    const base = textOf(ws.doc) ?? '';
    // Online, someone else adds to the end of the same note.
    getNoteText(other, note)?.insert(base.length, ' für alle');
    // Back online: their edit arrives before the person saves the form.
    sync();
    expect(textOf(ws.doc)).toBe('Kurze Wege im Amt für alle');
    const ran = mine.commands.run(mine, 'note.setText', {
      id: note as NoteId,
      text: 'Kurze und klare Wege im Amt',
      base,
    });
    expect(ran).toBe(true);
    sync();
    for (const doc of [ws.doc, other])
      expect(textOf(doc)).toBe('Kurze und klare Wege im Amt für alle');
  });

  it('keeps their edit when both changed the note, around and inside what the form changed', () => {
    const { mine, other, note, sync, textOf, ws } = twoDevices('eins zwei drei');
    const base = textOf(ws.doc) ?? '';
    const theirs = getNoteText(other, note);
    theirs?.insert(0, 'null ');
    theirs?.insert(theirs.length, ' vier');
    sync();
    mine.commands.run(mine, 'note.setText', { id: note, text: 'eins 2 drei', base });
    sync();
    for (const doc of [ws.doc, other]) expect(textOf(doc)).toBe('null eins 2 drei vier');
  });

  it('a form saved without a change of its own leaves what others wrote', () => {
    const { mine, other, note, sync, textOf, ws } = twoDevices('Idee');
    const base = textOf(ws.doc) ?? '';
    getNoteText(other, note)?.insert(4, '!');
    sync();
    mine.commands.run(mine, 'note.setText', { id: note, text: base, base });
    sync();
    expect(textOf(other)).toBe('Idee!');
  });
});

describe('mergeText', () => {
  const merged = (base: string, mine: string, theirs: string) => {
    const doc = new Y.Doc();
    const ytext = doc.getText('t');
    ytext.insert(0, theirs);
    const { edits, text } = mergeText(base, mine, theirs);
    applyTextEdits(ytext, edits);
    expect(ytext.toString()).toBe(text);
    return text;
  };

  it('applies only the change from base to mine', () => {
    expect(merged('abc', 'abXc', 'abc')).toBe('abXc');
    expect(merged('abc', 'ac', 'Zabc')).toBe('Zac');
    expect(merged('Hallo Welt', 'Hallo schöne Welt', 'Hallo Welt!')).toBe('Hallo schöne Welt!');
  });

  it('does the same change made by both once', () => {
    expect(merged('Idee', 'Ideen', 'Ideen')).toBe('Ideen');
    expect(merged('Idee x', 'Idee', 'Idee')).toBe('Idee');
  });

  it('never splits an emoji', () => {
    expect(merged('a😀b', 'a😁b', 'a😀b!')).toBe('a😁b!');
  });

  it('without a concurrent edit, gives exactly the draft', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (base, mine) => merged(base, mine, base) === mine),
    );
  });

  const half = (size: { minLength?: number } = {}) =>
    fc.string({ ...size, maxLength: 20 }).filter((s) => !s.includes('|'));

  it('edits of separate halves both survive', () => {
    fc.assert(
      fc.property(
        half({ minLength: 1 }),
        half(),
        half({ minLength: 1 }),
        half(),
        (left, mineLeft, right, theirsRight) => {
          // A separator neither side touches keeps the halves apart.
          const base = `${left}|${right}`;
          return (
            merged(base, `${mineLeft}|${right}`, `${left}|${theirsRight}`) ===
            `${mineLeft}|${theirsRight}`
          );
        },
      ),
    );
  });
});
