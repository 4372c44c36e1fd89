/**
 * The Markdown export is read as plain text (mailed, filed, opened in an
 * editor) as often as it is rendered: it escapes only what would otherwise
 * become markup, and everything else reads as typed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../import/markdown.ts';
import { renameBoard, setBoardQuestion } from '../ops/boardOps.ts';
import { createCluster } from '../ops/clusterOps.ts';
import { setSummaryText } from '../ops/summaryOps.ts';
import { readWorkshop } from '../read/workshopView.ts';
import {
  ozgWorkshop,
  renderedText,
  renderMarkdown,
  workshopWithNotes,
} from '../testing/markdownWorkshops.ts';
import { ALICE, testWorkshop } from '../testing/testWorkshop.ts';
import { workshopToMarkdown } from './markdown.ts';

/** Notes of "Alice Ä." with `votes` votes each, as written with their authors. */
function markdownOf(texts: readonly string[], votes = 0): string {
  const doc = workshopWithNotes(texts, { author: 'Alice Ä.', votes });
  return workshopToMarkdown(readWorkshop(doc), { includeAuthors: true });
}

describe('the Markdown export reads as typed', () => {
  it('leaves dashes, gender stars, brackets, comparisons and trailing spaces of ordinary notes alone', () => {
    const notes = [
      'Themen:\n-Finanzierung\n-> Personal',
      'Bürger*innen entlasten',
      'Bearbeitungszeit < 2 Wochen | Ziel: 3-4 Tage',
      '[Entwurf] Leitfaden_v2',
      'ca. ~50 Kommunen #OZG',
      'Nachnutzung (EfA) ',
    ];
    const out = markdownOf(notes);
    expect(out).toContain(
      [
        '- Themen:\\',
        '  -Finanzierung\\',
        '  -> Personal _— Alice Ä._',
        '- Bürger*innen entlasten _— Alice Ä._',
        '- Bearbeitungszeit < 2 Wochen | Ziel: 3-4 Tage _— Alice Ä._',
        '- [Entwurf] Leitfaden_v2 _— Alice Ä._',
        '- ca. ~50 Kommunen #OZG _— Alice Ä._',
        '- Nachnutzung (EfA)  _— Alice Ä._',
      ].join('\n'),
    );
    expect(out).not.toContain('&#32;');
    // Rendered, each note still shows exactly what was typed.
    for (const text of notes) {
      const line = out.split('\n- ').find((item) => item.startsWith(text.split('\n')[0] as string));
      expect(renderedText(renderMarkdown(`- ${line}`))).toContain(text.replace(/ $/, ''));
    }
  });

  it('shows invisible controls without backslashes around them', () => {
    expect(markdownOf(['\u202Eevil\u202C'])).toContain('- [U+202E]evil[U+202C] _— Alice Ä._');
  });

  it('writes the OZG workshop with no escapes and no character references', () => {
    const { doc } = ozgWorkshop();
    const out = workshopToMarkdown(readWorkshop(doc));
    // The only backslashes are the hard breaks that end a line.
    expect(out.replace(/\\\n/g, '\n')).not.toContain('\\');
    expect(out).not.toContain('&#');
  });
});

describe('the Markdown export stays inert', { timeout: 120_000 }, () => {
  // Texts built from everything that can start markup, in any position.
  const piece = fc.constantFrom(
    ...'*_~`[]()<>!#|:-=+.&;\\ \t\nabcÄ1'.split(''),
    '- ',
    '1. ',
    '](',
    '<b>',
    '&amp;',
    '```',
    '***',
    '|-|',
    '    ',
    '[x]: ',
    '_— x_',
    ' **(3 Stimmen)**',
  );
  const text = fc
    .array(piece, { minLength: 1, maxLength: 14 })
    .map((parts) => parts.join(''))
    .filter((t) => t.trim() !== '');

  it('renders every note as one list item showing its text, and reads it back exactly', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 2 }), (typed, votes) => {
        const out = markdownOf([typed], votes);
        const item = out.slice(out.indexOf('\n- ') + 1);
        const html = renderMarkdown(item);
        expect(html.match(/<li>/g)).toHaveLength(1);
        expect(html).not.toMatch(/<(h\d|a|img|b|code|pre|table|del|s|blockquote|ol|hr)\b/);
        // The document's own italics and bold (author, votes) and nothing else.
        expect(html.match(/<em>/g)).toHaveLength(1);
        expect(html.match(/<strong>/g)?.length ?? 0).toBe(votes > 0 ? 1 : 0);
        // A reader sees the typed characters (white space aside).
        const squash = (t: string) => t.replace(/\s+/g, ' ').trim();
        const shown = renderedText(html.replace(/ ?<em>— Alice Ä\.<\/em>.*<\/li>/s, '</li>'));
        expect(squash(shown)).toBe(squash(typed));
        const parsed = parseMarkdown(out);
        if (!parsed.ok) throw new Error(parsed.error);
        expect(parsed.plan.boards[0]?.notes[0]?.text).toBe(typed);
      }),
      { numRuns: Number(process.env.RUNS ?? 400), seed: Number(process.env.SEED ?? 20261204) },
    );
  });

  it('writes a note with nothing after it (no author, no votes) without its trailing empty lines, and reads back the rest', () => {
    fc.assert(
      fc.property(text, fc.constantFrom('', '\n', '\n\n'), (typed, ending) => {
        const note = typed + ending;
        const doc = workshopWithNotes([note], { author: '' });
        const out = workshopToMarkdown(readWorkshop(doc), { includeAuthors: true });
        const html = renderMarkdown(out.slice(out.indexOf('\n- ') + 1));
        expect(html.match(/<li>/g)).toHaveLength(1);
        // No stray backslash where a hard break had nothing after it.
        const squash = (t: string) => t.replace(/\s+/g, ' ').trim();
        expect(squash(renderedText(html))).toBe(squash(note));
        const parsed = parseMarkdown(out);
        if (!parsed.ok) throw new Error(parsed.error);
        expect(parsed.plan.boards[0]?.notes[0]?.text).toBe(note.replace(/\n+$/, ''));
      }),
      { numRuns: Number(process.env.RUNS ?? 400), seed: Number(process.env.SEED ?? 20261204) },
    );
  });

  it('keeps board and cluster titles one plain heading each, and reads them back exactly', () => {
    const title = text.map((t) => t.replace(/\s+/g, ' ').trim()).filter((t) => t !== '');
    fc.assert(
      fc.property(title, (typed) => {
        const { doc, board } = testWorkshop('blank');
        renameBoard(doc, board, typed, ALICE.origin);
        createCluster(doc, { boardId: board, title: typed, x: 0, y: 0 }, ALICE.origin);
        const out = workshopToMarkdown(readWorkshop(doc));
        const html = renderMarkdown(out.slice(out.indexOf('\n## ')));
        expect(html.match(/<h\d/g)).toHaveLength(2);
        expect(html).not.toMatch(/<(a|img|b|code|em|strong|del|s)\b/);
        const parsed = parseMarkdown(out);
        if (!parsed.ok) throw new Error(parsed.error);
        expect(parsed.plan.boards[0]?.title).toBe(typed);
        expect(parsed.plan.boards[0]?.clusters[0]?.title).toBe(typed);
      }),
      { numRuns: Number(process.env.RUNS ?? 300), seed: Number(process.env.SEED ?? 20261204) },
    );
  });

  it('keeps guiding questions and summaries plain text too, and reads them back exactly', () => {
    fc.assert(
      fc.property(text, (typed) => {
        const { doc, board } = testWorkshop('blank');
        setBoardQuestion(doc, board, typed, ALICE.origin);
        setSummaryText(doc, board, typed, ALICE.origin);
        const out = workshopToMarkdown(readWorkshop(doc));
        const body = out.slice(out.indexOf('\n## '));
        const html = renderMarkdown(body);
        // The board's heading, the quote, the summary's heading; nothing from the text.
        expect(html.match(/<h\d/g)).toHaveLength(2);
        expect(html.match(/<blockquote>/g)).toHaveLength(1);
        expect(html).not.toMatch(/<(a|img|b|code|pre|table|del|s|ol|ul|hr|h1|h4)\b/);
        expect(html.match(/<em>/g)).toHaveLength(1);
        const parsed = parseMarkdown(out);
        if (!parsed.ok) throw new Error(parsed.error);
        expect(parsed.plan.boards[0]?.question).toBe(typed.trim());
      }),
      { numRuns: Number(process.env.RUNS ?? 300), seed: Number(process.env.SEED ?? 20261204) },
    );
  });
});
