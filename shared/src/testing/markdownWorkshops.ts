/**
 * The workshops the Markdown export's tests write (export/markdown.test.ts,
 * export/markdownReadability.test.ts), and what a reader sees of the result
 * rendered: one setup for the golden document, the round trips, the hostile
 * texts and the readability properties.
 */
import MarkdownIt from 'markdown-it';
import * as Y from 'yjs';
import { loadStructuredResults } from '../import/structuredResults.ts';
import { asParticipantId } from '../model/ids.ts';
import { IMPORT_ORIGIN } from '../model/origin.ts';
import { addNote } from '../ops/noteOps.ts';
import { OZG_FIXTURE } from './ozgFixture.ts';
import { ALICE, testWorkshop } from './testWorkshop.ts';
import { vote } from './votes.ts';

/** The day the OZG workshop took place: its documents are dated then. */
export const OZG_WORKSHOP_DAY = Date.UTC(2023, 8, 14, 9, 0);

/** The OZG example as imported on the workshop's day, and its licence. */
export function ozgWorkshop(): { doc: Y.Doc; license: string } {
  const doc = new Y.Doc();
  loadStructuredResults(doc, OZG_FIXTURE, IMPORT_ORIGIN, { createdAt: OZG_WORKSHOP_DAY });
  return { doc, license: OZG_FIXTURE.license };
}

/**
 * A blank workshop whose one board holds a note of Alice's per text, side by
 * side, each with `votes` votes of as many participants.
 */
export function workshopWithNotes(
  texts: readonly string[],
  { author = 'A', votes = 0 }: { author?: string; votes?: number } = {},
): Y.Doc {
  const { doc, board } = testWorkshop('blank');
  for (const [i, text] of texts.entries()) {
    const id = addNote(
      doc,
      { boardId: board, x: i * 200, y: 0, text, author, authorId: ALICE.id },
      ALICE.origin,
    );
    for (let v = 0; v < votes; v++) vote(doc, id, asParticipantId(`p-${v}`), ALICE.origin);
  }
  return doc;
}

const markdownIt = new MarkdownIt({ html: true, linkify: false });

/** The HTML a Markdown viewer shows, raw HTML let through (the worst case). */
export function renderMarkdown(markdown: string): string {
  return markdownIt.render(markdown);
}

/** The text a reader sees in rendered list items: tags removed, <br> as line break. */
export function renderedText(html: string): string {
  return html
    .replace(/<br>\n?/g, '\n')
    .replace(/<\/?(ul|li|p)>\n?/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\n$/, '');
}
