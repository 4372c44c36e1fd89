import { boardsMap, metaMap, notesMap, summariesMap } from '@pinnwand/shared/model/schema';
import {
  addBoard,
  deleteBoard,
  moveBoard,
  renameBoard,
  setBoardLocked,
} from '@pinnwand/shared/ops/boardOps';
import {
  assignNotesToCluster,
  createCluster,
  deleteCluster,
  moveCluster,
  renameCluster,
  resizeCluster,
} from '@pinnwand/shared/ops/clusterOps';
import {
  addNote,
  deleteNotes,
  getNoteText,
  moveNotes,
  recolorNotes,
} from '@pinnwand/shared/ops/noteOps';
import { setSummaryText } from '@pinnwand/shared/ops/summaryOps';
import { startTimer } from '@pinnwand/shared/ops/timerOps';
import { setPhase, setWorkshopTitle, updateSettings } from '@pinnwand/shared/ops/workshopOps';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
  everything,
  facOrigin,
  json,
  partOrigin,
  roleSuite,
  text,
  votesMap,
} from './helpers/roleSuite.ts';
import { waitFor } from './helpers/testServer.ts';

describe('server-enforced roles: clusters, summaries and what stays allowed', () => {
  const { workshop, expectRefused, warned, expectStoredAfterRestart } = roleSuite();

  // --- clusters and summaries -------------------------------------------------------

  it('a participant cannot create, rename, move, shrink or delete clusters', async () => {
    const w = await workshop();
    const cluster = [...w.part.getMap('clusters').keys()][0] as never;
    const look = (doc: Y.Doc) => doc.getMap('clusters').toJSON();
    const reason = 'clusters';
    await expectRefused(
      w,
      look,
      (doc) => createCluster(doc, { boardId: w.board, title: 'Meins', x: 0, y: 900 }, partOrigin),
      reason,
    );
    await expectRefused(w, look, (doc) => renameCluster(doc, cluster, 'X', partOrigin), reason);
    await expectRefused(
      w,
      look,
      (doc) => moveCluster(doc, cluster, { x: 10, y: 10 }, partOrigin),
      reason,
    );
    await expectRefused(
      w,
      look,
      (doc) => resizeCluster(doc, cluster, { width: 10, height: 10 }, partOrigin),
      reason,
    );
    await expectRefused(w, look, (doc) => deleteCluster(doc, cluster, partOrigin), reason);
  });

  it('a participant cannot write a summary', async () => {
    const w = await workshop();
    await expectRefused(
      w,
      (doc) => summariesMap(doc).toJSON(),
      (doc) => setSummaryText(doc, w.board, 'Mein Fazit', partOrigin),
      'summaries',
    );
  });

  // --- what stays allowed -------------------------------------------------------------

  it('a participant can write, move, recolour, cluster, vote on and delete notes of an open board', async () => {
    const w = await workshop();
    const cluster = [...w.part.getMap('clusters').keys()][0] as never;
    const extra = addNote(
      w.part,
      { boardId: w.board, x: 0, y: 300, text: 'neu', author: 'P', authorId: w.partId as never },
      partOrigin,
    );
    getNoteText(w.part, extra)!.insert(3, ' und mehr');
    moveNotes(w.part, [{ id: w.note, x: 50, y: 60 }], partOrigin);
    recolorNotes(w.part, [w.note], 'blue', partOrigin);
    // Sorting into a cluster may grow its frame; that is allowed.
    assignNotesToCluster(w.part, cluster, [w.note2, w.note3, extra, w.note], partOrigin);
    votesMap(w.part, w.note).set(w.partId, 2);
    votesMap(w.part, w.note2).set(w.partId, 1);
    votesMap(w.part, w.note2).delete(w.partId);
    votesMap(w.part, w.note3).set(w.partId, 1);
    deleteNotes(w.part, [w.note2], partOrigin);
    const expected = json(w.part, notesMap);
    const clusters = json(w.part, (doc) => doc.getMap('clusters'));
    await waitFor(() => json(w.obs, notesMap) === expected, 5000, 'all note changes at the viewer');
    expect(json(w.obs, (doc) => doc.getMap('clusters'))).toBe(clusters);
    expect(votesMap(w.obs, w.note).get(w.partId)).toBe(2);
    expect(text(w.obs, extra)).toBe('neu und mehr');
    expect(warned()).not.toHaveBeenCalled();
  });

  it('a facilitator can make every facilitator-only change', async () => {
    const w = await workshop();
    const f = w.fac;
    const cluster = [...f.getMap('clusters').keys()][0] as never;
    setWorkshopTitle(f, 'Neuer Titel', facOrigin);
    updateSettings(f, { votesPerPerson: 9, maxVotesPerNote: 9 }, facOrigin);
    startTimer(f, 60_000, facOrigin);
    setPhase(f, 'vote', facOrigin);
    metaMap(f).set('hiddenWriting', false);
    setBoardLocked(f, w.board, true, facOrigin);
    setBoardLocked(f, w.locked, false, facOrigin);
    const added = addBoard(f, { title: 'Neu' }, facOrigin);
    renameBoard(f, added, 'Umbenannt', facOrigin);
    moveBoard(f, added, 0, facOrigin);
    getNoteText(f, w.lockedNote)!.insert(0, 'edited ');
    votesMap(f, w.note).set('someone-else', 4);
    renameCluster(f, cluster, 'Formate', facOrigin);
    setSummaryText(f, w.board, 'Ergebnis', facOrigin);
    updateSettings(f, { votingOpen: false }, facOrigin);
    deleteBoard(f, w.locked, facOrigin);
    const expected = json(f, everything);
    await waitFor(() => json(w.obs, everything) === expected, 5000, 'every change at the viewer');
    expect(metaMap(w.obs).get('title')).toBe('Neuer Titel');
    expect(boardsMap(w.obs).has(w.locked)).toBe(false);
    expect(warned()).not.toHaveBeenCalled();
  });

  // Runs last: the stored documents of all the workshops above.
  it('after a restart the stored documents hold none of the refused changes and all the edits', async () => {
    await expectStoredAfterRestart(['Meins', 'Mein Fazit']);
  });
});
