/**
 * The document format (schema v1) in one place: root map names, field keys,
 * and the getters for the root maps. design.md is the public contract; this
 * module is its only spelling in code. Nothing outside `shared/src/model`,
 * `shared/src/ops` and `shared/src/read` should need a raw key.
 *
 * Keys marked "extension" are Pinnwand's additions (design.md allows new keys,
 * never renamed or retyped ones); foreign clients may leave them absent, so
 * readers treat an absent extension key as its default.
 */
import type * as Y from 'yjs';

/** The version of the document format this code reads and writes. */
export const SCHEMA_VERSION = 1;

export const ROOT = {
  meta: 'meta',
  boards: 'boards',
  clusters: 'clusters',
  notes: 'notes',
  summaries: 'summaries',
  /**
   * extension: the participant identities the server issued (identity.ts).
   * Written by the server (and facilitators) only, never by participants.
   */
  identities: 'identities',
} as const;

export const META = {
  schemaVersion: 'schemaVersion',
  title: 'title',
  createdAt: 'createdAt',
  template: 'template',
  /** extension: UI language the workshop was created in ('de' | 'en'). */
  lang: 'lang',
  /** extension: how many votes each person may give in total. */
  votesPerPerson: 'votesPerPerson',
  /** extension: how many of those one person may put on a single note. */
  maxVotesPerNote: 'maxVotesPerNote',
  /** extension: whether votes may currently be given or taken back. */
  votingOpen: 'votingOpen',
  /** extension: whether vote totals are shown to participants. */
  votesVisible: 'votesVisible',
  /** extension: the facilitation phase the workshop is in. */
  phase: 'phase',
  /** extension: a shared countdown, stored as one JSON value so it changes atomically. */
  timer: 'timer',
  /** extension (cover): who organised the workshop, e.g. an authority. */
  organizer: 'organizer',
  /** extension (cover): who facilitated it, names as one line of text. */
  facilitators: 'facilitators',
  /** extension (cover): where it took place. */
  place: 'place',
  /** extension (cover): the day it took place, `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`). */
  eventDate: 'eventDate',
  /** extension (cover): the licence the documentation is published under, e.g. "CC BY 4.0". */
  license: 'license',
  /** extension (cover): the attribution the licence asks for (source, authors). */
  attribution: 'attribution',
} as const;

// The entities' keys, derived from the schema that declares each entity's
// fields (board.ts, cluster.ts, note.ts), named here beside the others.
export { BOARD } from './board.ts';
export { CLUSTER } from './cluster.ts';
export { NOTE } from './note.ts';

/** The key of the whole-workshop summary in `summaries` (the others are board ids). */
export const WORKSHOP_SUMMARY_KEY = 'workshop';

// Root values are typed `unknown`: a foreign client may have written anything,
// and readers check each entry before use.
export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.meta);
}
export function boardsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.boards);
}
export function clustersMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.clusters);
}
export function notesMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.notes);
}
export function summariesMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.summaries);
}

export function identitiesMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.identities);
}

/** All root maps people edit, e.g. for an undo manager's scope or a deep observer. */
export function rootMaps(doc: Y.Doc): Y.Map<unknown>[] {
  return [metaMap(doc), boardsMap(doc), clustersMap(doc), notesMap(doc), summariesMap(doc)];
}
