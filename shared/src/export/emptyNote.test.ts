import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../import/markdown.ts';
import { addNote } from '../ops/noteOps.ts';
import { readWorkshop } from '../read/workshopView.ts';
import { ALICE, testWorkshop } from '../testing/testWorkshop.ts';
import { workshopToMarkdown } from './markdown.ts';

describe('a note without text in the Markdown export', () => {
  it('is written as "(leer)", never as a bare "- ", and is not read back as the words "(leer)"', () => {
    const { doc, board } = testWorkshop('blank');
    addNote(
      doc,
      { boardId: board, x: 0, y: 0, text: '  ', author: 'Alice', authorId: ALICE.id },
      ALICE.origin,
    );
    addNote(
      doc,
      { boardId: board, x: 200, y: 0, text: 'Text', author: 'Alice', authorId: ALICE.id },
      ALICE.origin,
    );
    const out = workshopToMarkdown(readWorkshop(doc));
    expect(out).toContain('- _(leer)_');
    expect(out).not.toMatch(/^- *$/m);
    const parsed = parseMarkdown(out);
    if (!parsed.ok) throw new Error(parsed.error);
    const notes = parsed.plan.boards.flatMap((b) => [
      ...b.notes,
      ...b.clusters.flatMap((c) => c.notes),
    ]);
    // Read back as a note without text (as before), not as the words "(leer)".
    expect(notes.map((n) => n.text)).not.toContain('(leer)');
    expect(notes.map((n) => n.text)).toContain('Text');
  });
});
