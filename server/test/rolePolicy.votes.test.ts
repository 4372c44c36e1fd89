import { FACILITATION_META } from '@pinnwand/shared/facilitation/facilitationSettings';
import { type NoteId, newId } from '@pinnwand/shared/model/ids';
import { boardsMap, metaMap, notesMap } from '@pinnwand/shared/model/schema';
import { addBoard } from '@pinnwand/shared/ops/boardOps';
import { addNote, deleteNotes } from '@pinnwand/shared/ops/noteOps';
import { updateSettings } from '@pinnwand/shared/ops/workshopOps';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { facOrigin, partOrigin, roleSuite, votesMap, votesOn } from './helpers/roleSuite.ts';
import { waitFor } from './helpers/testServer.ts';

describe('server-enforced roles: votes', () => {
  const { workshop, expectRefused, warned, expectStoredAfterRestart } = roleSuite();

  // --- votes --------------------------------------------------------------------

  it('a participant cannot give more votes than the budget', async () => {
    const w = await workshop();
    const look = (doc: Y.Doc) => [w.note, w.note2, w.note3].map((n) => votesOn(doc, n));
    votesMap(w.part, w.note).set(w.partId, 2);
    votesMap(w.part, w.note2).set(w.partId, 1);
    await waitFor(() => votesMap(w.obs, w.note2).get(w.partId) === 1, 5000, 'votes within budget');
    await expectRefused(
      w,
      (doc) => look(doc).map((v) => (v instanceof Y.Map ? v.toJSON() : v)),
      (doc) => votesMap(doc, w.note3).set(w.partId, 1),
      'No votes left',
    );
    // Nor by freeing votes on another board in the same change: the budget counts the round's board.
    const other = addBoard(w.fac, { title: 'Letzte Runde' }, facOrigin);
    await waitFor(() => boardsMap(w.part).has(other), 5000, 'board of an earlier round');
    const earlier = addNote(
      w.part,
      { boardId: other, x: 0, y: 0, text: 'earlier', author: 'P', authorId: w.partId as never },
      partOrigin,
    );
    metaMap(w.fac).set(FACILITATION_META.votingBoardId, other);
    await waitFor(
      () => metaMap(w.part).get(FACILITATION_META.votingBoardId) === other,
      5000,
      'earlier round',
    );
    votesMap(w.part, earlier).set(w.partId, 2);
    await waitFor(() => votesMap(w.fac, earlier)?.get(w.partId) === 2, 5000, 'earlier votes');
    metaMap(w.fac).set(FACILITATION_META.votingBoardId, w.board);
    await waitFor(
      () => metaMap(w.part).get(FACILITATION_META.votingBoardId) === w.board,
      5000,
      'round back',
    );
    await expectRefused(
      w,
      (doc) => [...look(doc), notesMap(doc).has(earlier)],
      (doc) =>
        doc.transact(() => {
          deleteNotes(doc, [earlier], partOrigin);
          votesMap(doc, w.note3).set(w.partId, 1);
        }),
      'No votes left',
    );
    // Moving a vote from one note to another stays within the budget.
    w.part.transact(() => {
      votesMap(w.part, w.note2).delete(w.partId);
      votesMap(w.part, w.note3).set(w.partId, 1);
    });
    await waitFor(() => votesMap(w.obs, w.note3).get(w.partId) === 1, 5000, 'moved vote');
    expect(votesMap(w.obs, w.note2).has(w.partId)).toBe(false);
  });

  it('a participant cannot give one note more than the per-note maximum', async () => {
    const w = await workshop();
    votesMap(w.part, w.note).set(w.partId, 2);
    await waitFor(() => votesMap(w.obs, w.note).get(w.partId) === 2, 5000, 'two votes');
    await expectRefused(
      w,
      (doc) => votesOn(doc, w.note),
      (doc) => votesMap(doc, w.note).set(w.partId, 3),
      'At most 2 votes',
    );
  });

  it('a participant cannot vote or take a vote back while voting is closed', async () => {
    const w = await workshop();
    votesMap(w.part, w.note2).set(w.partId, 1);
    await waitFor(() => votesMap(w.obs, w.note2).get(w.partId) === 1, 5000, 'vote');
    updateSettings(w.fac, { votingOpen: false }, facOrigin);
    await waitFor(() => metaMap(w.part).get('votingOpen') === false, 5000, 'round closed');
    await expectRefused(
      w,
      (doc) => votesOn(doc, w.note3),
      (doc) => votesMap(doc, w.note3).set(w.partId, 1),
      'Voting is closed',
    );
    await expectRefused(
      w,
      (doc) => votesOn(doc, w.note2),
      (doc) => votesMap(doc, w.note2).delete(w.partId),
      'Voting is closed',
    );
  });

  it('a participant cannot vote on a board other than the round’s', async () => {
    const w = await workshop();
    const other = addBoard(w.fac, { title: 'Neues' }, facOrigin);
    await waitFor(() => boardsMap(w.part).has(other), 5000, 'new board');
    const note = addNote(
      w.part,
      { boardId: other, x: 0, y: 0, text: 'elsewhere', author: 'P', authorId: w.partId as never },
      partOrigin,
    );
    await waitFor(() => notesMap(w.obs).has(note), 5000, 'note on the other board');
    await expectRefused(
      w,
      (doc) => votesOn(doc, note),
      (doc) => votesMap(doc, note).set(w.partId, 1),
      'board the voting round is on',
    );
    // A note without a board (only a facilitator can write one) takes no votes either …
    const orphan = newId() as NoteId;
    w.fac.transact(() => {
      const map = new Y.Map<unknown>();
      notesMap(w.fac).set(orphan, map);
      map.set('text', new Y.Text('no board'));
      map.set('authorId', w.partId);
      map.set('votes', new Y.Map());
    });
    await waitFor(() => notesMap(w.obs).has(orphan), 5000, 'orphan note');
    await expectRefused(
      w,
      (doc) => votesOn(doc, orphan),
      (doc) => votesMap(doc, orphan).set(w.partId, 1),
      'board the voting round is on',
    );
    // … and a voted note cannot leave the round's board, nor any note lose its board.
    votesMap(w.part, w.note2).set(w.partId, 1);
    await waitFor(() => votesMap(w.obs, w.note2).get(w.partId) === 1, 5000, 'vote');
    const look = (doc: Y.Doc) => notesMap(doc).get(w.note2);
    await expectRefused(
      w,
      look,
      (doc) => (notesMap(doc).get(w.note2) as Y.Map<unknown>).delete('boardId'),
      'board that exists',
    );
    await expectRefused(
      w,
      look,
      (doc) => (notesMap(doc).get(w.note2) as Y.Map<unknown>).set('boardId', other),
      'move a note that has votes',
    );
  });

  it('a participant cannot vote, change or remove votes in someone else’s name', async () => {
    const w = await workshop();
    votesMap(w.fac, w.note).set(w.facId, 1);
    await waitFor(() => votesMap(w.part, w.note).get(w.facId) === 1, 5000, 'facilitator vote');
    const look = (doc: Y.Doc) => votesOn(doc, w.note);
    const reason = 'own name';
    await expectRefused(w, look, (doc) => votesMap(doc, w.note).set('someone-else', 1), reason);
    await expectRefused(w, look, (doc) => votesMap(doc, w.note).set(w.facId, 2), reason);
    await expectRefused(w, look, (doc) => votesMap(doc, w.note).delete(w.facId), reason);
    // Nor by replacing the whole map, or deleting the note that carries the votes.
    await expectRefused(
      w,
      look,
      (doc) => (notesMap(doc).get(w.note) as Y.Map<unknown>).set('votes', new Y.Map()),
      'reset',
    );
    votesMap(w.fac, w.note2).set(w.facId, 1);
    await waitFor(() => votesMap(w.part, w.note2).get(w.facId) === 1, 5000, 'second vote');
    await expectRefused(
      w,
      (doc) => notesMap(doc).get(w.note2) ?? null,
      (doc) => deleteNotes(doc, [w.note2], partOrigin),
      'other people',
    );
  });

  it('a participant connected without a participant identity can neither vote nor write notes', async () => {
    const w = await workshop({ partKey: null });
    await expectRefused(
      w,
      (doc) => votesOn(doc, w.note),
      (doc) => votesMap(doc, w.note).set(w.partId, 1),
      'participant identity',
    );
    // Nobody could tell whose note it is.
    await expectRefused(
      w,
      (doc) => notesMap(doc).size,
      (doc) =>
        addNote(
          doc,
          {
            boardId: w.board,
            x: 0,
            y: 0,
            text: 'anonymous',
            author: 'P',
            authorId: w.partId as never,
          },
          partOrigin,
        ),
      'own name',
    );
  });

  it('a new note cannot arrive with someone else’s votes or more than the maximum', async () => {
    const w = await workshop();
    const stuffed = (votes: Record<string, number>) => (doc: Y.Doc) =>
      doc.transact(() => {
        const note = new Y.Map<unknown>();
        notesMap(doc).set(newId(), note);
        note.set('boardId', w.board);
        note.set('authorId', w.partId);
        note.set('text', new Y.Text('stuffed'));
        const map = new Y.Map<unknown>();
        note.set('votes', map);
        for (const [who, count] of Object.entries(votes)) map.set(who, count);
      });
    const look = (doc: Y.Doc) => notesMap(doc).size;
    await expectRefused(w, look, stuffed({ 'someone-else': 1 }), 'own name');
    await expectRefused(w, look, stuffed({ [w.partId]: 3 }), 'At most 2 votes');
  });

  it('a participant can undo deleting its own voted note while the round is open', async () => {
    const w = await workshop();
    const undo = new Y.UndoManager(notesMap(w.part), { trackedOrigins: new Set([partOrigin]) });
    votesMap(w.part, w.note3).set(w.partId, 2);
    deleteNotes(w.part, [w.note3], partOrigin);
    await waitFor(() => !notesMap(w.obs).has(w.note3), 5000, 'deleted at the viewer');
    undo.undo();
    await waitFor(() => votesOn(w.obs, w.note3) instanceof Y.Map, 5000, 'restored at the viewer');
    expect(votesMap(w.obs, w.note3).get(w.partId)).toBe(2);
    expect(warned()).not.toHaveBeenCalled();
  });

  // Runs last: the stored documents of all the workshops above.
  it('after a restart the stored documents hold none of the refused changes and all the edits', async () => {
    await expectStoredAfterRestart(['stuffed']);
  });
});
