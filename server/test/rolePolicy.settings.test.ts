import { FACILITATION_META } from '@pinnwand/shared/facilitation/facilitationSettings';
import { metaMap, notesMap } from '@pinnwand/shared/model/schema';
import {
  addBoard,
  deleteBoard,
  moveBoard,
  renameBoard,
  setBoardLocked,
  setBoardQuestion,
} from '@pinnwand/shared/ops/boardOps';
import {
  addNote,
  deleteNotes,
  getNoteText,
  moveNotes,
  recolorNotes,
} from '@pinnwand/shared/ops/noteOps';
import { startTimer } from '@pinnwand/shared/ops/timerOps';
import { setPhase, setWorkshopTitle, updateSettings } from '@pinnwand/shared/ops/workshopOps';
import { describe, it } from 'vitest';
import type * as Y from 'yjs';
import { partOrigin, roleSuite, votesMap, whole } from './helpers/roleSuite.ts';

describe('server-enforced roles: settings and boards', () => {
  const { workshop, expectRefused, expectStoredAfterRestart } = roleSuite();

  // --- meta ---------------------------------------------------------------------

  it('a participant cannot rename the workshop', async () => {
    const w = await workshop();
    await expectRefused(
      w,
      (doc) => metaMap(doc).get('title'),
      (doc) => setWorkshopTitle(doc, 'HIJACKED-TITLE', partOrigin),
      'meta.title',
    );
  });

  it('a participant cannot change the voting budget or the per-note maximum', async () => {
    const w = await workshop();
    await expectRefused(
      w,
      (doc) => metaMap(doc).toJSON(),
      (doc) => updateSettings(doc, { votesPerPerson: 99, maxVotesPerNote: 99 }, partOrigin),
      'Only facilitators',
    );
  });

  it('a participant cannot end the voting round or start one on another board', async () => {
    const w = await workshop();
    const look = (doc: Y.Doc) => metaMap(doc).toJSON();
    await expectRefused(
      w,
      look,
      (doc) => updateSettings(doc, { votingOpen: false }, partOrigin),
      'meta.votingOpen',
    );
    await expectRefused(
      w,
      look,
      (doc) => metaMap(doc).set(FACILITATION_META.votingBoardId, w.locked),
      `meta.${FACILITATION_META.votingBoardId}`,
    );
  });

  it('a participant cannot start the timer', async () => {
    const w = await workshop();
    await expectRefused(
      w,
      (doc) => metaMap(doc).get('timer') ?? null,
      (doc) => startTimer(doc, 60_000, partOrigin),
      'meta.timer',
    );
  });

  it('a participant cannot change the phase or reveal hidden writing', async () => {
    const w = await workshop();
    const look = (doc: Y.Doc) => metaMap(doc).toJSON();
    await expectRefused(w, look, (doc) => setPhase(doc, 'done', partOrigin), 'meta.phase');
    // Reveal by deleting the key: the deleted entry comes back.
    await expectRefused(
      w,
      look,
      (doc) => metaMap(doc).delete('hiddenWriting'),
      'meta.hiddenWriting',
    );
  });

  it('a participant cannot delete the workshop’s meta entries', async () => {
    const w = await workshop();
    await expectRefused(
      w,
      (doc) => metaMap(doc).toJSON(),
      (doc) =>
        doc.transact(() => {
          for (const key of [...metaMap(doc).keys()]) metaMap(doc).delete(key);
        }),
      'Only facilitators',
    );
  });

  // --- boards -------------------------------------------------------------------

  it('a participant cannot lock or unlock a board', async () => {
    const w = await workshop();
    await expectRefused(
      w,
      whole,
      (doc) => setBoardLocked(doc, w.board, true, partOrigin),
      'boards',
    );
    await expectRefused(
      w,
      whole,
      (doc) => setBoardLocked(doc, w.locked, false, partOrigin),
      'boards',
    );
  });

  it('a participant cannot add a board', async () => {
    const w = await workshop();
    await expectRefused(
      w,
      whole,
      (doc) => addBoard(doc, { title: 'Mein Board' }, partOrigin),
      'boards',
    );
  });

  it('a participant cannot rename a board, change its question or reorder boards', async () => {
    const w = await workshop();
    await expectRefused(w, whole, (doc) => renameBoard(doc, w.board, 'X', partOrigin), 'boards');
    await expectRefused(
      w,
      whole,
      (doc) => setBoardQuestion(doc, w.board, 'Y?', partOrigin),
      'boards',
    );
    await expectRefused(w, whole, (doc) => moveBoard(doc, w.locked, 0, partOrigin), 'boards');
  });

  it('a participant cannot delete a board; it comes back with its clusters and summary', async () => {
    const w = await workshop();
    await expectRefused(w, whole, (doc) => deleteBoard(doc, w.board, partOrigin), 'boards');
  });

  // --- locked boards --------------------------------------------------------------

  it('a participant cannot add, edit, move, recolour, vote on or delete notes of a locked board', async () => {
    const w = await workshop();
    // All notes but the one edited after each attempt.
    const look = (doc: Y.Doc) => ({ ...notesMap(doc).toJSON(), [w.note]: null });
    const reason = 'locked';
    await expectRefused(
      w,
      look,
      (doc) =>
        addNote(
          doc,
          { boardId: w.locked, x: 1, y: 1, text: 'late', author: 'P', authorId: w.partId as never },
          partOrigin,
        ),
      reason,
    );
    await expectRefused(
      w,
      look,
      (doc) => getNoteText(doc, w.lockedNote)!.insert(0, 'changed '),
      reason,
    );
    await expectRefused(
      w,
      look,
      (doc) => moveNotes(doc, [{ id: w.lockedNote, x: 500, y: 500 }], partOrigin),
      reason,
    );
    await expectRefused(
      w,
      look,
      (doc) => recolorNotes(doc, [w.lockedNote], 'pink', partOrigin),
      reason,
    );
    await expectRefused(w, look, (doc) => deleteNotes(doc, [w.lockedNote], partOrigin), reason);
    // Moving one's own note onto the locked board, or a locked note off it.
    await expectRefused(
      w,
      look,
      (doc) => (notesMap(doc).get(w.note2) as Y.Map<unknown>).set('boardId', w.locked),
      reason,
    );
    await expectRefused(
      w,
      look,
      (doc) => (notesMap(doc).get(w.lockedNote) as Y.Map<unknown>).set('boardId', w.board),
      reason,
    );
    await expectRefused(w, look, (doc) => votesMap(doc, w.lockedNote).set(w.partId, 1), reason);
  });

  // Runs last: the stored documents of all the workshops above.
  it('after a restart the stored documents hold none of the refused changes and all the edits', async () => {
    await expectStoredAfterRestart(['HIJACKED-TITLE', 'Mein Board']);
  });
});
