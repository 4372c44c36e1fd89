/**
 * Fills the document of a new workshop through the shared model: a template's
 * boards, or the full OZG example (boards, clusters, notes, summary). The
 * server writes no document structure of its own.
 */
import { loadStructuredResults } from '@pinnwand/shared/import/structuredResults';
import type { Lang } from '@pinnwand/shared/model/meta';
import { SERVER_ORIGIN } from '@pinnwand/shared/model/origin';
import { createWorkshop } from '@pinnwand/shared/ops/workshopOps';
import type { CreateWorkshopRequest } from '@pinnwand/shared/protocol/http';
import { OZG_EXAMPLE } from '@pinnwand/shared/templates/ozgExample';
import { EXAMPLE_TEMPLATE_ID } from '@pinnwand/shared/templates/templates';
import type * as Y from 'yjs';

export function seedWorkshop(doc: Y.Doc, body: CreateWorkshopRequest): void {
  const lang: Lang = body.lang ?? 'de';
  const { template } = body;
  if (template === EXAMPLE_TEMPLATE_ID) {
    loadStructuredResults(doc, { ...OZG_EXAMPLE, title: body.title }, SERVER_ORIGIN, {
      template,
      lang,
    });
    return;
  }
  createWorkshop(doc, { title: body.title, template, lang }, SERVER_ORIGIN);
}
