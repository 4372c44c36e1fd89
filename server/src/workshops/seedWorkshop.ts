/**
 * Fills the document of a new workshop through the shared model: a template's
 * boards, or the full OZG example (boards, clusters, notes, summary). The
 * server writes no document structure of its own.
 */
import { loadStructuredResults } from '@pinnwand/shared/import/structuredResults';
import { LANGS, type Lang } from '@pinnwand/shared/model/meta';
import { SERVER_ORIGIN } from '@pinnwand/shared/model/origin';
import { createWorkshop } from '@pinnwand/shared/ops/workshopOps';
import { OZG_EXAMPLE } from '@pinnwand/shared/templates/ozgExample';
import { TEMPLATE_IDS, type TemplateId } from '@pinnwand/shared/templates/templates';
import type * as Y from 'yjs';
import { z } from 'zod';

/** Templates offered by POST /api/workshops: the shared templates plus the example. */
export const CREATE_TEMPLATES = [...TEMPLATE_IDS, 'ozg-example'] as const;
export type CreateTemplate = (typeof CREATE_TEMPLATES)[number];

export const createWorkshopBodySchema = z.strictObject({
  title: z.string().trim().min(1, 'title must not be empty').max(200, 'title is too long'),
  template: z.enum(CREATE_TEMPLATES),
  lang: z.enum(LANGS).optional(),
});
export type CreateWorkshopBody = z.infer<typeof createWorkshopBodySchema>;

export function seedWorkshop(doc: Y.Doc, body: CreateWorkshopBody): void {
  const lang: Lang = body.lang ?? 'de';
  if (body.template === 'ozg-example') {
    loadStructuredResults(doc, { ...OZG_EXAMPLE, title: body.title }, SERVER_ORIGIN, {
      template: 'ozg-example',
      lang,
    });
    return;
  }
  createWorkshop(
    doc,
    { title: body.title, template: body.template as TemplateId, lang },
    SERVER_ORIGIN,
  );
}
