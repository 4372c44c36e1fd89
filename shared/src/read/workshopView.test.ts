import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { asParticipantId } from '../model/ids.ts';
import { localOrigin } from '../model/origin.ts';
import { boardsMap, notesMap } from '../model/schema.ts';
import { deleteBoard } from '../ops/boardOps.ts';
import { createCluster, deleteCluster } from '../ops/clusterOps.ts';
import { addNote } from '../ops/noteOps.ts';
import { createWorkshop } from '../ops/workshopOps.ts';
import { readWorkshop } from './workshopView.ts';

const alice = asParticipantId('alice');
const me = localOrigin(alice);

function setup() {
  const doc = new Y.Doc();
  const { boardIds } = createWorkshop(doc, { title: 'T', template: 'retro', createdAt: 1 }, me);
  return { doc, boardIds };
}

describe('readWorkshop', () => {
  it('returns an empty view for an empty document without problems', () => {
    const view = readWorkshop(new Y.Doc());
    expect(view.meta).toBeNull();
    expect(view.boards).toEqual([]);
    expect(view.problems).toEqual([]);
  });

  it('reads the template boards in order with their questions', () => {
    const { doc } = setup();
    const view = readWorkshop(doc);
    expect(view.meta).toMatchObject({
      title: 'T',
      template: 'retro',
      schemaVersion: 1,
      lang: 'de',
    });
    expect(view.boards.map((b) => b.title)).toEqual([
      'Was lief gut?',
      'Was lief nicht gut?',
      'Was ändern wir?',
    ]);
    expect(view.problems).toEqual([]);
  });

  it('places notes in clusters, unclustered, and orphans', () => {
    const { doc, boardIds } = setup();
    const [b0, b1] = boardIds as [never, never];
    const c = createCluster(doc, { boardId: b0, title: 'C', x: 0, y: 0 }, me);
    const n1 = addNote(
      doc,
      { boardId: b0, x: 10, y: 60, author: 'A', authorId: alice, clusterId: c, text: 'in' },
      me,
    );
    const n2 = addNote(
      doc,
      { boardId: b0, x: 900, y: 0, author: 'A', authorId: alice, text: 'out' },
      me,
    );
    const n3 = addNote(
      doc,
      { boardId: b1, x: 0, y: 0, author: 'A', authorId: alice, text: 'orphan' },
      me,
    );
    deleteBoard(doc, b1, me);
    let view = readWorkshop(doc);
    expect(view.boards[0]?.clusters[0]?.notes.map((n) => n.id)).toEqual([n1]);
    expect(view.boards[0]?.unclusteredNotes.map((n) => n.id)).toEqual([n2]);
    expect(view.orphanNotes.map((n) => n.id)).toEqual([n3]);
    deleteCluster(doc, c, me);
    view = readWorkshop(doc);
    expect(view.boards[0]?.unclusteredNotes.map((n) => n.text)).toEqual(['out', 'in']);
  });

  it('reports and skips malformed entries', () => {
    const { doc, boardIds } = setup();
    boardsMap(doc).set('bad', 'not a map');
    const note = new Y.Map<unknown>();
    note.set('boardId', boardIds[0]);
    note.set('x', 'left');
    notesMap(doc).set('n', note);
    const view = readWorkshop(doc);
    expect(view.boards).toHaveLength(3);
    expect(view.problems.join('\n')).toMatch(/boards\/bad: expected Y.Map/);
    expect(view.problems.join('\n')).toMatch(/notes\/n: .*x: /);
  });
});
