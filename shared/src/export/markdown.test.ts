import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyImport } from '../import/applyImport.ts';
import { parseMarkdown } from '../import/markdown.ts';
import { loadStructuredResults } from '../import/structuredResults.ts';
import { asParticipantId } from '../model/ids.ts';
import { IMPORT_ORIGIN } from '../model/origin.ts';
import { WORKSHOP_SUMMARY_KEY } from '../model/schema.ts';
import { addBoard, deleteBoard } from '../ops/boardOps.ts';
import { createCluster } from '../ops/clusterOps.ts';
import { addNote } from '../ops/noteOps.ts';
import { setSummaryText } from '../ops/summaryOps.ts';
import { createWorkshop, updateCover } from '../ops/workshopOps.ts';
import { readWorkshop } from '../read/workshopView.ts';
import {
  OZG_WORKSHOP_DAY,
  ozgWorkshop,
  renderedText,
  renderMarkdown,
  workshopWithNotes,
} from '../testing/markdownWorkshops.ts';
import { ALICE, BOB, testWorkshop } from '../testing/testWorkshop.ts';
import { vote } from '../testing/votes.ts';
import { revealInvisibles } from './invisibleChars.ts';
import { workshopToMarkdown } from './markdown.ts';

const GOLDEN = new URL('./golden/ozg-erfahrungsaustausch-2023.md', import.meta.url);

describe('workshopToMarkdown', { timeout: 30_000 }, () => {
  it('writes the OZG example as the golden document', () => {
    const { doc, license } = ozgWorkshop();
    const out = workshopToMarkdown(readWorkshop(doc), { license });
    if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, out);
    expect(out).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('keeps every note of the example, and no author unless asked', () => {
    const { doc } = ozgWorkshop();
    const view = readWorkshop(doc);
    const out = workshopToMarkdown(view);
    const texts = view.boards.flatMap((b) => [
      ...b.unclusteredNotes,
      ...b.clusters.flatMap((c) => c.notes),
    ]);
    expect(texts).toHaveLength(94);
    const rendered = renderedText(renderMarkdown(out));
    for (const note of texts) expect(rendered).toContain(note.text);
    expect(out).not.toContain('Import');
    expect(workshopToMarkdown(view, { includeAuthors: true })).toContain('_— Import_');
  });

  it('is stable through Markdown → import → Markdown', () => {
    const { doc, license } = ozgWorkshop();
    const first = workshopToMarkdown(readWorkshop(doc), { license });
    const parsed = parseMarkdown(first);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.plan.title).toBe(readWorkshop(doc).meta?.title);
    expect(parsed.plan.license).toBe(license);
    // A new, empty workshop of the same title and date, then the document's boards.
    const fresh = new Y.Doc();
    loadStructuredResults(fresh, { title: parsed.plan.title ?? '', boards: [] }, IMPORT_ORIGIN, {
      createdAt: OZG_WORKSHOP_DAY,
    });
    updateCover(fresh, readWorkshop(doc).cover, IMPORT_ORIGIN);
    applyImport(fresh, parsed.plan, { kind: 'workshop' }, { now: OZG_WORKSHOP_DAY });
    const second = workshopToMarkdown(readWorkshop(fresh), { license });
    expect(second).toBe(first);
  });

  it('round-trips every part, in English too: unclustered notes, summaries, votes, authors, orphans', () => {
    const doc = new Y.Doc();
    createWorkshop(
      doc,
      { title: 'Retro #12', template: 'retro', lang: 'en', createdAt: 5 },
      ALICE.origin,
    );
    const [first, second] = readWorkshop(doc).boards;
    const cluster = createCluster(
      doc,
      { boardId: first!.id, title: 'Summary', x: 0, y: 0 },
      ALICE.origin,
    );
    const a = addNote(
      doc,
      {
        boardId: first!.id,
        clusterId: cluster,
        x: 20,
        y: 60,
        text: 'in a cluster\nsecond line',
        author: 'Ann',
        authorId: ALICE.id,
      },
      ALICE.origin,
    );
    addNote(
      doc,
      { boardId: first!.id, x: 900, y: 0, text: 'loose *one*', author: 'Bob', authorId: BOB.id },
      BOB.origin,
    );
    addNote(
      doc,
      { boardId: second!.id, x: 0, y: 0, text: '# not a heading', author: 'Bob', authorId: BOB.id },
      BOB.origin,
    );
    vote(doc, a, BOB.id, BOB.origin);
    setSummaryText(doc, first!.id, 'Board summary\nwith a break\n\nand a paragraph', ALICE.origin);
    setSummaryText(doc, WORKSHOP_SUMMARY_KEY, '→ next steps', ALICE.origin);
    const third = addBoard(doc, { title: 'Temporary' }, ALICE.origin);
    addNote(
      doc,
      { boardId: third, x: 0, y: 0, text: 'orphan', author: 'Ann', authorId: ALICE.id },
      ALICE.origin,
    );
    deleteBoard(doc, third, ALICE.origin);

    const first_ = workshopToMarkdown(readWorkshop(doc), { includeAuthors: true });
    expect(first_).toContain('### _Not clustered_');
    expect(first_).toContain('### _Summary_');
    expect(first_).toContain('## _Notes of deleted boards_');
    expect(first_).toContain('## _Workshop summary_');
    const parsed = parseMarkdown(first_);
    if (!parsed.ok) throw new Error(parsed.error);
    const copy = new Y.Doc();
    createWorkshop(
      copy,
      { title: 'Retro #12', template: 'blank', lang: 'en', createdAt: 5 },
      ALICE.origin,
    );
    deleteBoard(copy, readWorkshop(copy).boards[0]!.id, ALICE.origin);
    applyImport(copy, parsed.plan, { kind: 'workshop' });
    const again = workshopToMarkdown(readWorkshop(copy), { includeAuthors: true });
    // The deleted board's notes come back as a board of that name; all else is identical.
    expect(again.replace('## Notes of deleted boards', '## _Notes of deleted boards_')).toBe(
      first_,
    );
  });

  it('lists notes by votes, then position, and shows votes only where there are any', () => {
    const { doc, board } = testWorkshop('blank');
    const a = addNote(
      doc,
      { boardId: board, x: 0, y: 0, text: 'first', author: 'Alice', authorId: ALICE.id },
      ALICE.origin,
    );
    const b = addNote(
      doc,
      { boardId: board, x: 200, y: 0, text: 'second', author: 'Bob', authorId: BOB.id },
      BOB.origin,
    );
    addNote(
      doc,
      { boardId: board, x: 400, y: 0, text: 'third', author: 'Bob', authorId: BOB.id },
      BOB.origin,
    );
    vote(doc, b, ALICE.id, ALICE.origin);
    vote(doc, b, BOB.id, BOB.origin);
    vote(doc, a, asParticipantId('p-carol'), ALICE.origin);
    const out = workshopToMarkdown(readWorkshop(doc));
    expect(out).toContain('- second **(2 Stimmen)**\n- first **(1 Stimme)**\n- third\n');
    const withAuthors = workshopToMarkdown(readWorkshop(doc), { includeAuthors: true });
    expect(withAuthors).toContain('- second _— Bob_ **(2 Stimmen)**');
  });
});

describe('hostile note texts', () => {
  const hostile = [
    '# x',
    '## not a heading either',
    '[a](javascript:alert(1))',
    '![img](http://example.org/x.png)',
    '<img src=x onerror=alert(1)>',
    '<script>alert(1)</script>',
    '`code` and ```fence```',
    '```',
    '| a | b |\n|---|---|\n| c | d |',
    '> quote',
    '- list',
    '+ plus',
    '1. ordered',
    '2) ordered',
    '***',
    '---',
    '===',
    '*emph* _emph_ **strong** ~~strike~~',
    'back\\slash\\',
    'ends with backslash \\',
    '&amp; &#60; &copy;',
    'https://example.org <https://example.org>',
    `${'Donaudampfschifffahrtsgesellschaftskapitän'.repeat(12)}`,
    'Emoji 🎉👩‍👩‍👧 ok',
    'עברית מימין לשמאל',
    'العربية من اليمين',
    '\u202Eevil\u202C bidi override',
    'line one\nline two\n\nafter blank',
    '    indented four',
    '\tleading tab',
    'trailing spaces   ',
    '*— fake author* **(99 Stimmen)**',
    '_— fake author_ **(1 vote)**',
    '[^1] footnote',
    '\\*not emphasis\\*',
  ];

  for (const text of hostile) {
    it(`keeps ${JSON.stringify(text.slice(0, 40))} inert and intact`, () => {
      const out = workshopToMarkdown(readWorkshop(workshopWithNotes([text])));
      const item = out.slice(out.indexOf('\n- ') + 1);
      const html = renderMarkdown(item);
      // Exactly one list item with one paragraph of text: nothing else.
      expect(html.startsWith('<ul>\n<li>')).toBe(true);
      expect(html).not.toMatch(
        /<(h\d|a|img|script|code|pre|table|em|strong|s|del|blockquote|ol|hr)\b/,
      );
      expect(html.match(/<li>/g)).toHaveLength(1);
      // Read back: the same characters as typed (Markdown drops nothing).
      const parsed = parseMarkdown(out);
      if (!parsed.ok) throw new Error(parsed.error);
      // Invisible bidi controls come back in their visible form, everything else as typed.
      expect(parsed.plan.boards[0]?.notes[0]?.text).toBe(revealInvisibles(text));
    });
  }

  it('shows bidi overrides and zero-width characters, so nothing is reordered or hidden', () => {
    const doc = workshopWithNotes([
      '\u202Egnp.exe\u202C',
      'pass\u200Bword',
      'a\u2066b\u2069 c\uFEFF',
    ]);
    const out = workshopToMarkdown(readWorkshop(doc));
    expect(out).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200b\ufeff]/);
    expect(out).toContain('- [U+202E]gnp.exe[U+202C]\n');
    expect(out).toContain('- pass[U+200B]word\n');
    expect(out).toContain('- a[U+2066]b[U+2069] c[U+FEFF]\n');
  });

  it('keeps hostile cluster and board titles from becoming structure', () => {
    const { doc, board } = testWorkshop('blank');
    const view = readWorkshop(doc);
    const b = view.boards[0]!;
    const crafted = {
      ...view,
      boards: [
        {
          ...b,
          title: 'Board # with ## hashes #',
          question: '# question\nsecond line',
          clusters: [
            {
              id: 'c' as never,
              boardId: board,
              title: '_Zusammenfassung_',
              x: 0,
              y: 0,
              width: 1,
              height: 1,
              order: 0,
              notes: [],
            },
          ],
        },
      ],
    };
    const out = workshopToMarkdown(crafted);
    const parsed = parseMarkdown(out);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.plan.boards[0]?.title).toBe('Board # with ## hashes #');
    expect(parsed.plan.boards[0]?.question).toBe('# question\nsecond line');
    expect(parsed.plan.boards[0]?.clusters[0]?.title).toBe('_Zusammenfassung_');
    expect(parsed.plan.boards[0]?.summary).toBe('');
  });
});
