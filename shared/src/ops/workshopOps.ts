/**
 * Creating a workshop and changing its workshop-wide settings (`meta`).
 */
import * as Y from 'yjs';
import { type BoardId, newId } from '../model/ids.ts';
import type { Lang } from '../model/lang.ts';
import {
  COVER_FIELDS,
  type CoverPatch,
  coverPatchSchema,
  type Phase,
  type SettingsPatch,
  settingsPatchSchema,
  type WorkshopSettings,
} from '../model/meta.ts';
import type { TransactionOrigin } from '../model/origin.ts';
import {
  META,
  metaMap,
  SCHEMA_VERSION,
  summariesMap,
  WORKSHOP_SUMMARY_KEY,
} from '../model/schema.ts';
import { getTemplate, type TemplateId } from '../templates/templates.ts';
import { insertBoard } from './entries.ts';
import { transact } from './transact.ts';

export interface CreateWorkshopInput {
  title: string;
  template: TemplateId;
  /** Language of the template's board titles and questions; 'de' by default. */
  lang?: Lang;
  /** Creation time in ms; now by default (tests pass a fixed one). */
  createdAt?: number;
  /** Settings other than the defaults (e.g. a larger voting budget). */
  settings?: SettingsPatch;
}

export interface CreatedWorkshop {
  /** The template's boards, in order. */
  boardIds: BoardId[];
}

/**
 * Fills an empty document: meta, the template's boards with their questions,
 * and the empty summaries. Throws if the document already holds a workshop,
 * because writing a second meta over a synced one would mix two workshops.
 */
export function createWorkshop(
  doc: Y.Doc,
  input: CreateWorkshopInput,
  origin: TransactionOrigin,
): CreatedWorkshop {
  const meta = metaMap(doc);
  if (meta.has(META.schemaVersion)) throw new Error('This document already holds a workshop.');
  const template = getTemplate(input.template);
  const lang = input.lang ?? 'de';
  return transact(doc, origin, () => {
    meta.set(META.schemaVersion, SCHEMA_VERSION);
    meta.set(META.title, input.title);
    meta.set(META.createdAt, input.createdAt ?? Date.now());
    meta.set(META.template, template.id);
    meta.set(META.lang, lang);
    if (input.settings) writeSettings(meta, input.settings);
    summariesMap(doc).set(WORKSHOP_SUMMARY_KEY, new Y.Text());
    const boardIds = template.boards.map((board, index) => {
      const id = newId<BoardId>();
      insertBoard(doc, id, {
        title: board.title[lang],
        question: board.question[lang],
        order: index,
      });
      return id;
    });
    return { boardIds };
  });
}

export function setWorkshopTitle(doc: Y.Doc, title: string, origin: TransactionOrigin): void {
  transact(doc, origin, () => {
    metaMap(doc).set(META.title, title);
  });
}

function writeSettings(meta: Y.Map<unknown>, patch: SettingsPatch): void {
  const valid = settingsPatchSchema.parse(patch);
  for (const key of Object.keys(valid) as (keyof WorkshopSettings)[]) {
    const value = valid[key];
    if (value === undefined) continue;
    if (key === 'timer' && value === null) meta.delete(META.timer);
    else meta.set(META[key], value);
  }
}

/**
 * Changes workshop-wide settings (voting budget, visibility, phase, timer).
 * Throws a ZodError for invalid values: those come from our own UI or API,
 * whose inputs are validated first with `settingsPatchSchema`.
 */
export function updateSettings(doc: Y.Doc, patch: SettingsPatch, origin: TransactionOrigin): void {
  transact(doc, origin, () => writeSettings(metaMap(doc), patch));
}

export function setPhase(doc: Y.Doc, phase: Phase, origin: TransactionOrigin): void {
  updateSettings(doc, { phase }, origin);
}

/**
 * Changes the cover information (organizer, facilitators, place, event date,
 * licence, attribution). An empty value removes the key. Throws a ZodError
 * for invalid values (inputs are validated first with `coverPatchSchema`).
 */
export function updateCover(doc: Y.Doc, patch: CoverPatch, origin: TransactionOrigin): void {
  const valid = coverPatchSchema.parse(
    Object.fromEntries(Object.entries(patch).map(([k, v]) => [k, v?.trim()])),
  );
  transact(doc, origin, () => {
    const meta = metaMap(doc);
    for (const key of COVER_FIELDS) {
      const value = valid[key];
      if (value === undefined) continue;
      if (value === '') meta.delete(META[key]);
      else if (meta.get(META[key]) !== value) meta.set(META[key], value);
    }
  });
}
