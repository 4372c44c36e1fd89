/**
 * "Open the example workshop": the real results of the 2023 OZG workshop
 * (boards, clusters, 94 notes, summary) with its cover — original title,
 * year, organizer, the source's authors and the CC BY 4.0 attribution — in
 * one transaction. The one place that seeds it (the server's create route and
 * the tests and benchmarks call this).
 */
import type * as Y from 'yjs';
import { type LoadedWorkshop, loadStructuredResults } from '../import/structuredResults.ts';
import type { Lang } from '../model/lang.ts';
import type { TransactionOrigin } from '../model/origin.ts';
import { OZG_EXAMPLE } from './ozgExample.ts';
import { EXAMPLE_TEMPLATE_ID } from './templates.ts';

/** Who the example's notes are shown as written by: the workshop's participants, not "Import". */
export const EXAMPLE_AUTHOR: Readonly<Record<Lang, string>> = {
  de: 'Teilnehmende 2023',
  en: 'Participants 2023',
};

export interface ExampleOptions {
  /** Creation time in ms; now by default (tests pass a fixed one). */
  createdAt?: number;
  /** UI language of the workshop (the example's content is German either way). */
  lang?: Lang;
}

export function createExampleWorkshop(
  doc: Y.Doc,
  origin: TransactionOrigin,
  options: ExampleOptions = {},
): LoadedWorkshop {
  const lang = options.lang ?? 'de';
  return loadStructuredResults(doc, OZG_EXAMPLE, origin, {
    template: EXAMPLE_TEMPLATE_ID,
    lang,
    author: EXAMPLE_AUTHOR[lang],
    authorId: 'example',
    ...(options.createdAt !== undefined ? { createdAt: options.createdAt } : {}),
  });
}
