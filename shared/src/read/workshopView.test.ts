import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { asParticipantId } from '../model/ids.ts';
import { localOrigin } from '../model/origin.ts';
import { boardsMap, metaMap, notesMap, summariesMap } from '../model/schema.ts';
import { deleteBoard } from '../ops/boardOps.ts';
import { createCluster, deleteCluster } from '../ops/clusterOps.ts';
import { addNote } from '../ops/noteOps.ts';
import { createWorkshop } from '../ops/workshopOps.ts';
import { readBoardView, readWorkshop } from './workshopView.ts';

const alice = asParticipantId('alice');
const me = localOrigin(alice);

function setup() {
  const doc = new Y.Doc();
  const { boardIds } = createWorkshop(doc, { title: 'T', template: 'retro', createdAt: 1 }, me);
  return { doc, boardIds, board: boardIds[0]! };
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

  it('shows a note whose cluster is on another board as unclustered on its own board', () => {
    const { doc, boardIds } = setup();
    const [b0, b1] = boardIds as [never, never];
    const elsewhere = createCluster(doc, { boardId: b1, title: 'X', x: 0, y: 0 }, me);
    const n = addNote(
      doc,
      { boardId: b0, x: 0, y: 0, author: 'A', authorId: alice, clusterId: elsewhere },
      me,
    );
    const view = readWorkshop(doc);
    expect(view.boards[0]?.unclusteredNotes.map((x) => x.id)).toEqual([n]);
    expect(view.boards[1]?.clusters[0]?.notes).toEqual([]);
  });

  it('orders clusters by order and notes by position', () => {
    const { doc, boardIds } = setup();
    const b0 = boardIds[0] as never;
    const first = createCluster(doc, { boardId: b0, title: 'first', x: 900, y: 0 }, me);
    const second = createCluster(doc, { boardId: b0, title: 'second', x: 0, y: 0 }, me);
    const low = addNote(
      doc,
      { boardId: b0, x: 0, y: 100, author: 'A', authorId: alice, clusterId: first },
      me,
    );
    const right = addNote(
      doc,
      { boardId: b0, x: 50, y: 10, author: 'A', authorId: alice, clusterId: first },
      me,
    );
    const left = addNote(
      doc,
      { boardId: b0, x: 10, y: 10, author: 'A', authorId: alice, clusterId: first },
      me,
    );
    const board = readBoardView(doc, b0)!;
    expect(board.clusters.map((c) => c.id)).toEqual([first, second]);
    expect(board.clusters[0]?.notes.map((n) => n.id)).toEqual([left, right, low]);
    expect(board.noteCount).toBe(3);
  });

  it('reports malformed meta and summaries', () => {
    const { doc, board } = setup();
    metaMap(doc).set('title', 42);
    summariesMap(doc).set(board, 'plain');
    const view = readWorkshop(doc);
    expect(view.meta).toBeNull();
    expect(view.boards[0]?.summary).toBe('');
    expect(view.problems).toEqual([
      expect.stringMatching(/^meta: title: /),
      expect.stringMatching(/^summaries\/.*: expected Y.Text, received string/),
    ]);
  });
});
