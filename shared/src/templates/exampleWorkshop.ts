/**
 * "Open the example workshop": the OZG template filled with the real results
 * of the 2023 workshop, in one transaction.
 */
import type * as Y from 'yjs';
import { type LoadedWorkshop, loadStructuredResults } from '../import/structuredResults.ts';
import type { TransactionOrigin } from '../model/origin.ts';
import { transact } from '../ops/transact.ts';
import { createWorkshop } from '../ops/workshopOps.ts';
import { OZG_EXAMPLE } from './ozgExample.ts';

export function createExampleWorkshop(
  doc: Y.Doc,
  origin: TransactionOrigin,
  createdAt = Date.now(),
): LoadedWorkshop {
  return transact(doc, origin, () => {
    createWorkshop(
      doc,
      { title: OZG_EXAMPLE.title, template: 'ozg-erfahrungsaustausch', createdAt },
      origin,
    );
    return loadStructuredResults(doc, OZG_EXAMPLE, origin, {
      author: 'OZG-Erfahrungsaustausch 2023',
      authorId: 'example',
      createdAt,
    });
  });
}
