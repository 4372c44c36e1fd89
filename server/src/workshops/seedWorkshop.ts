/**
 * Fills the document of a new workshop through the shared model: a template's
 * boards, or the full OZG example (boards, clusters, notes, summary). The
 * server writes no document structure of its own.
 */
import type { Lang } from '@pinnwand/shared/model/lang';
import { SERVER_ORIGIN } from '@pinnwand/shared/model/origin';
import { createWorkshop } from '@pinnwand/shared/ops/workshopOps';
import type { CreateWorkshopRequest } from '@pinnwand/shared/protocol/http';
import { createExampleWorkshop } from '@pinnwand/shared/templates/exampleWorkshop';
import { OZG_EXAMPLE } from '@pinnwand/shared/templates/ozgExample';
import { EXAMPLE_TEMPLATE_ID } from '@pinnwand/shared/templates/templates';
import type * as Y from 'yjs';

/** The title the new workshop gets: the request's, but the example keeps its original one. */
export function seededTitle(body: CreateWorkshopRequest): string {
  return body.template === EXAMPLE_TEMPLATE_ID ? OZG_EXAMPLE.title : body.title;
}

export function seedWorkshop(doc: Y.Doc, body: CreateWorkshopRequest): void {
  const lang: Lang = body.lang ?? 'de';
  const { template } = body;
  if (template === EXAMPLE_TEMPLATE_ID) {
    // The example keeps its original title (the source's, as its attribution names it).
    createExampleWorkshop(doc, SERVER_ORIGIN, { lang });
    return;
  }
  createWorkshop(doc, { title: body.title, template, lang }, SERVER_ORIGIN);
}
