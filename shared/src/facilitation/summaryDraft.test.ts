import { describe, expect, it } from 'vitest';
import type { BoardId } from '../model/ids.ts';
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
});
