/**
 * Workshop templates: the boards a new workshop starts with. Texts come in
 * German (the first users' language and the default) and English, for the
 * English UI; `createWorkshop` writes the chosen language into the document,
 * because a document is shared by everyone and cannot hold both.
 */
import { z } from 'zod';
import type { Lang } from '../model/lang.ts';

export const TEMPLATE_IDS = ['ozg-erfahrungsaustausch', 'retro', 'blank'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];
export const templateIdSchema = z.enum(TEMPLATE_IDS);

/** The full OZG example (boards, clusters, notes, summary), offered beside the templates. */
export const EXAMPLE_TEMPLATE_ID = 'ozg-example';
/** What a new workshop can start from: `template` in `POST /api/workshops`. */
export const WORKSHOP_TEMPLATE_IDS = [...TEMPLATE_IDS, EXAMPLE_TEMPLATE_ID] as const;
export type WorkshopTemplateId = (typeof WORKSHOP_TEMPLATE_IDS)[number];
export const workshopTemplateIdSchema = z.enum(WORKSHOP_TEMPLATE_IDS);

export type Localized = Readonly<Record<Lang, string>>;

export interface TemplateBoard {
  title: Localized;
  /** The guiding question shown above the board. */
  question: Localized;
}

export interface Template {
  id: TemplateId;
  /** Name in the "new workshop" picker. */
  name: Localized;
  /** One line explaining when to use it. */
  description: Localized;
  boards: readonly TemplateBoard[];
}

export const TEMPLATES: Readonly<Record<TemplateId, Template>> = Object.freeze({
  'ozg-erfahrungsaustausch': {
    id: 'ozg-erfahrungsaustausch',
    name: { de: 'OZG-Erfahrungsaustausch', en: 'OZG experience exchange' },
    description: {
      de: 'Bewährtes sichern, gemeinsame Aufgaben benennen, Neues verabreden.',
      en: 'Keep what works, name shared tasks, agree on what to do differently.',
    },
    boards: [
      {
        title: { de: 'Bewährtes', en: 'What works' },
        question: {
          de: 'Welche Strukturen, Format & weiteren Elemente haben sich bewährt?',
          en: 'Which structures, formats and other elements have proven themselves?',
        },
      },
      {
        title: { de: 'Aufgaben', en: 'Tasks' },
        question: {
          de: 'Welche Aufgaben haben wir künftig gemeinsam zu meistern?',
          en: 'Which tasks do we have to master together in the future?',
        },
      },
      {
        title: { de: 'Neues', en: 'New' },
        question: {
          de: 'Was wollen wir künftig anders oder neu machen?',
          en: 'What do we want to do differently or anew in the future?',
        },
      },
    ],
  },
  retro: {
    id: 'retro',
    name: { de: 'Retrospektive', en: 'Retrospective' },
    description: {
      de: 'Auf einen Zeitraum zurückblicken und Verbesserungen vereinbaren.',
      en: 'Look back on a period of work and agree on improvements.',
    },
    boards: [
      {
        title: { de: 'Was lief gut?', en: 'What went well?' },
        question: {
          de: 'Was hat uns geholfen und soll so bleiben?',
          en: 'What helped us and should stay as it is?',
        },
      },
      {
        title: { de: 'Was lief nicht gut?', en: 'What did not go well?' },
        question: {
          de: 'Was hat uns behindert oder Zeit gekostet?',
          en: 'What held us back or cost us time?',
        },
      },
      {
        title: { de: 'Was ändern wir?', en: 'What will we change?' },
        question: {
          de: 'Welche konkreten Schritte probieren wir als Nächstes aus?',
          en: 'Which concrete steps will we try next?',
        },
      },
    ],
  },
  blank: {
    id: 'blank',
    name: { de: 'Leer', en: 'Blank' },
    description: {
      de: 'Eine leere Tafel; Fragen und weitere Tafeln legen Sie selbst an.',
      en: 'One empty board; add questions and more boards yourself.',
    },
    // Named the way an added board is named when it is given no title
    // (client: "+ Tafel hinzufügen", boards.newTitle), not like the app.
    boards: [{ title: { de: 'Tafel 1', en: 'Board 1' }, question: { de: '', en: '' } }],
  },
});

export function getTemplate(id: TemplateId): Template {
  return TEMPLATES[id];
}

export function isTemplateId(value: unknown): value is TemplateId {
  return templateIdSchema.safeParse(value).success;
}
