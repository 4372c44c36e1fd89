import { describe, expect, it } from 'vitest';
import type { BoardId } from '../model/ids.ts';
import { createCluster } from '../ops/clusterOps.ts';
import { addNote } from '../ops/noteOps.ts';
import { readWorkshop } from '../read/workshopView.ts';
import { ALICE, testWorkshop } from '../testing/testWorkshop.ts';
import { draftWorkshopSummary } from './summaryDraft.ts';

const labels = {
  unclustered: 'Weitere Punkte',
  untitled: 'Neuer Cluster',
  votes: (n: number) => (n === 1 ? '1 Punkt' : `${n} Punkte`),
};

describe('summary draft', () => {
  it('is plain text with heading lines and "•" lines, no Markdown', () => {
    const ws = testWorkshop();
    const [first] = ws.boardIds as [BoardId];
    addNote(
      ws.doc,
      {
        boardId: first,
        x: 0,
        y: 0,
        text: 'Formulare\nvereinfachen',
        author: 'A',
        authorId: ALICE.id,
      },
      ALICE.origin,
    );
    const draft = draftWorkshopSummary(ws.doc, labels);
    const title = readWorkshop(ws.doc).boards[0]?.title ?? '';
    expect(draft).toContain(`${title}\n===`);
    expect(draft).toContain('Weitere Punkte\n• Formulare vereinfachen');
    expect(draft).not.toMatch(/^(#|- )/m);
  });

  it('leaves out a board, and a cluster, without notes: no heading with nothing under it', () => {
    const ws = testWorkshop();
    const [first, second] = ws.boardIds as [BoardId, BoardId];
    const breaks = createCluster(
      ws.doc,
      { boardId: first, title: 'Pausen', x: 0, y: 0, width: 400, height: 300 },
      ALICE.origin,
    );
    addNote(
      ws.doc,
      {
        boardId: first,
        clusterId: breaks,
        x: 20,
        y: 60,
        text: 'Mehr Pausen',
        author: 'A',
        authorId: ALICE.id,
      },
      ALICE.origin,
    );
    createCluster(
      ws.doc,
      { boardId: first, title: 'Neues', x: 2000, y: 2000, width: 400, height: 300 },
      ALICE.origin,
    );
    const titles = readWorkshop(ws.doc).boards.map((b) => b.title);
    const draft = draftWorkshopSummary(ws.doc, labels);
    expect(draft).toContain(`${titles[0]}\n===`);
    expect(draft).toContain('Pausen\n• Mehr Pausen');
    expect(draft).not.toContain('Neues');
    expect(readWorkshop(ws.doc).boards.find((b) => b.id === second)?.title).toBeTruthy();
    for (const title of titles.slice(1)) expect(draft).not.toContain(title);
    expect(draft.trimEnd()).toBe(draft);
  });

  it('is empty when no board has notes', () => {
    expect(draftWorkshopSummary(testWorkshop().doc, labels)).toBe('');
  });
});
